import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { exportDownload } from '../../common/export/export-file';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { ActivitiesService } from './activities.service';
import { ActivityErrors } from './activities.errors';
import { ExportActivitiesQuery, ListActivitiesQuery } from './dto/activity-filters.query';
import { ACTIVITY_EXPORT_RESPONSE } from './dto/activity-export.response';
import { ActivityHistoryEntryDto, ActivityPageDto, ActivityResponseDto } from './dto/activity.response';
import { CreateActivityDto } from './dto/create-activity.dto';
import { DeleteActivityQuery, DuplicateActivityDto } from './dto/duplicate-activity.dto';
import { EditReviewCommentDto, ReturnActivityDto, TransitionActivityDto, UndoReviewDto } from './dto/review-activity.dto';
import { UpdateActivityDto } from './dto/update-activity.dto';

/** A path id that is not a UUID cannot exist: 404 like any unknown id. */
const ActivityId = () => UuidParam(() => ActivityErrors.ACTIVITY_NOT_FOUND());
const ApiActivityId = () =>
  ApiParam({
    name: 'id',
    description: 'the activity',
    schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH },
  });
const NOT_FOUND = ActivityErrors.ACTIVITY_NOT_FOUND;
const STALE = CommonErrors.STALE_VERSION;

@ApiTags('activities')
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @ApiOperation({ summary: 'List the activities you may read, newest first; filters combine' })
  @ApiOkResponse({ type: ActivityPageDto })
  listActivities(@Scope() scope: AccessScope, @Query() query: ListActivitiesQuery): Promise<ActivityPageDto> {
    return this.activities.listActivities(scope, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the filtered list (csv, csv-it, xlsx), streamed' })
  @ApiOkResponse(ACTIVITY_EXPORT_RESPONSE)
  exportActivities(@Scope() scope: AccessScope, @Query() query: ExportActivitiesQuery): StreamableFile {
    return exportDownload(this.activities.exportActivities(scope, query));
  }

  @Post()
  @Roles('innovator')
  @ApiOperation({ summary: 'Log an activity (a draft) in one of your municipalities; idempotent by clientId (201 new, 200 replay)' })
  @ApiCreatedResponse({ type: ActivityResponseDto })
  @ApiOkResponse({ type: ActivityResponseDto, description: 'a retry: the activity created earlier with this clientId and body' })
  @ApiErrors(
    ActivityErrors.ACTIVITY_MUNICIPALITY_UNKNOWN,
    ActivityErrors.ACTIVITY_MUNICIPALITY_NOT_ASSIGNED,
    ActivityErrors.ACTIVITY_ORGANIZATION_UNKNOWN,
    ActivityErrors.ACTIVITY_INITIATIVE_UNKNOWN,
    ActivityErrors.ACTIVITY_BUILDING_UNKNOWN,
    ActivityErrors.ACTIVITY_AUTHOR_ROLE,
    ActivityErrors.ACTIVITY_CLIENT_ID_CONFLICT,
    ActivityErrors.ACTIVITY_POINT_OUTSIDE_MUNICIPALITY,
  )
  async createActivity(
    @Scope() scope: AccessScope,
    @Body() body: CreateActivityDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActivityResponseDto> {
    const { activity, created } = await this.activities.createActivity(scope, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return activity;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One activity you may read, with its review thread; its author opening it while returned marks the return seen',
  })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(NOT_FOUND)
  getActivity(@Scope() scope: AccessScope, @Param('id', ActivityId()) id: string): Promise<ActivityResponseDto> {
    return this.activities.openActivity(scope, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('innovator')
  @ApiOperation({ summary: 'Delete your draft (soft: it disappears from every list, count and export; audited)' })
  @ApiActivityId()
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors(NOT_FOUND, ActivityErrors.ACTIVITY_NOT_AUTHOR, ActivityErrors.ACTIVITY_NOT_DRAFT, STALE)
  async deleteActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Query() query: DeleteActivityQuery,
  ): Promise<void> {
    await this.activities.deleteActivity(scope, id, query.version);
  }

  @Post(':id/duplicate')
  @Roles('innovator')
  @ApiOperation({
    summary: 'Copy your activity into a new draft (all but status, review and date); idempotent by clientId (201 new, 200 replay)',
  })
  @ApiActivityId()
  @ApiCreatedResponse({ type: ActivityResponseDto })
  @ApiOkResponse({ type: ActivityResponseDto, description: 'a retry: the copy created earlier with this clientId' })
  @ApiErrors(
    NOT_FOUND,
    ActivityErrors.ACTIVITY_NOT_AUTHOR,
    ActivityErrors.ACTIVITY_AUTHOR_ROLE,
    ActivityErrors.ACTIVITY_MUNICIPALITY_UNKNOWN,
    ActivityErrors.ACTIVITY_MUNICIPALITY_NOT_ASSIGNED,
    ActivityErrors.ACTIVITY_CLIENT_ID_CONFLICT,
  )
  async duplicateActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: DuplicateActivityDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActivityResponseDto> {
    const { activity, created } = await this.activities.duplicateActivity(scope, id, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return activity;
  }

  @Patch(':id')
  @Roles('innovator')
  @ApiOperation({ summary: 'Edit your activity while draft or returned (optimistic locking on version)' })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(
    NOT_FOUND,
    ActivityErrors.ACTIVITY_NOT_AUTHOR,
    STALE,
    ActivityErrors.ACTIVITY_LOCKED,
    ActivityErrors.ACTIVITY_MUNICIPALITY_UNKNOWN,
    ActivityErrors.ACTIVITY_MUNICIPALITY_NOT_ASSIGNED,
    ActivityErrors.ACTIVITY_ORGANIZATION_UNKNOWN,
    ActivityErrors.ACTIVITY_INITIATIVE_UNKNOWN,
    ActivityErrors.ACTIVITY_BUILDING_UNKNOWN,
    ActivityErrors.ACTIVITY_POINT_OUTSIDE_MUNICIPALITY,
    ActivityErrors.ACTIVITY_INCOMPLETE,
  )
  updateActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: UpdateActivityDto,
  ): Promise<ActivityResponseDto> {
    return this.activities.updateActivity(scope, id, body);
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator')
  @ApiOperation({ summary: 'Submit your activity for review (from draft or returned)' })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(
    NOT_FOUND,
    ActivityErrors.ACTIVITY_NOT_AUTHOR,
    ActivityErrors.ACTIVITY_INVALID_TRANSITION,
    STALE,
    ActivityErrors.ACTIVITY_INCOMPLETE,
  )
  submitActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: TransitionActivityDto,
  ): Promise<ActivityResponseDto> {
    return this.activities.transition(scope, id, 'submit', body);
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Approve a submitted activity (locks it for the author)' })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(NOT_FOUND, ActivityErrors.ACTIVITY_INVALID_TRANSITION, STALE)
  approveActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: TransitionActivityDto,
  ): Promise<ActivityResponseDto> {
    return this.activities.transition(scope, id, 'approve', body);
  }

  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Return a submitted activity to its author with a comment' })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(NOT_FOUND, ActivityErrors.ACTIVITY_INVALID_TRANSITION, STALE)
  returnActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: ReturnActivityDto,
  ): Promise<ActivityResponseDto> {
    return this.activities.transition(scope, id, 'return', body);
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Reopen an approved activity: it becomes returned, so that its author can edit and resubmit it' })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(NOT_FOUND, ActivityErrors.ACTIVITY_INVALID_TRANSITION, STALE)
  reopenActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: TransitionActivityDto,
  ): Promise<ActivityResponseDto> {
    return this.activities.transition(scope, id, 'reopen', body);
  }

  @Post(':id/undo-review')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({
    summary:
      'Undo your approve or return within a short window while the author has not acted: the activity is submitted again (the decision stays in the thread, undone)',
  })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(
    NOT_FOUND,
    STALE,
    ActivityErrors.ACTIVITY_NOTHING_TO_UNDO,
    ActivityErrors.ACTIVITY_NOT_REVIEWER,
    ActivityErrors.ACTIVITY_REVIEW_SEEN,
    ActivityErrors.ACTIVITY_UNDO_EXPIRED,
  )
  undoReview(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: UndoReviewDto,
  ): Promise<ActivityResponseDto> {
    return this.activities.undoReview(scope, id, body);
  }

  @Patch(':id/review-comment')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Correct the comment of your latest return until the author opens the activity' })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiErrors(
    NOT_FOUND,
    STALE,
    ActivityErrors.ACTIVITY_REVIEW_NOT_EDITABLE,
    ActivityErrors.ACTIVITY_NOT_REVIEWER,
    ActivityErrors.ACTIVITY_REVIEW_SEEN,
  )
  editReviewComment(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: EditReviewCommentDto,
  ): Promise<ActivityResponseDto> {
    return this.activities.editReviewComment(scope, id, body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit entries of the activity, oldest first (not for municipality users)' })
  @ApiActivityId()
  @ApiOkResponse({ type: ActivityHistoryEntryDto, isArray: true, description: 'a list (not a page): every entry, oldest first' })
  @ApiErrors(NOT_FOUND)
  getActivityHistory(@Scope() scope: AccessScope, @Param('id', ActivityId()) id: string): Promise<ActivityHistoryEntryDto[]> {
    return this.activities.getHistory(scope, id);
  }
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { ActivityDto, ActivityPage, AuditEntryDto } from '@trama/contracts';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param';
import { ActivitiesService } from './activities.service';
import { ActivityErrors } from './activities.errors';
import { ExportActivitiesQuery, ListActivitiesQuery } from './dto/activity-filters.query';
import { ActivityHistoryEntryDto, ActivityPageDto, ActivityResponseDto } from './dto/activity.response';
import { CreateActivityDto } from './dto/create-activity.dto';
import { ReturnActivityDto, TransitionActivityDto } from './dto/review-activity.dto';
import { UpdateActivityDto } from './dto/update-activity.dto';

/** A path id that is not a UUID cannot exist: 404 like any unknown id. */
const ActivityId = () => UuidParam(() => ActivityErrors.ACTIVITY_NOT_FOUND());

@ApiTags('activities')
@ApiBearerAuth()
@Controller('activities')
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @ApiOperation({ summary: 'List the activities you may read, newest first; filters combine' })
  @ApiOkResponse({ type: ActivityPageDto })
  listActivities(@Scope() scope: AccessScope, @Query() query: ListActivitiesQuery): Promise<ActivityPage> {
    return this.activities.listActivities(scope, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the filtered list (csv, csv-it, xlsx), streamed' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  exportActivities(@Scope() scope: AccessScope, @Query() query: ExportActivitiesQuery): StreamableFile {
    const file = this.activities.exportActivities(scope, query);
    return new StreamableFile(file.stream, { type: file.contentType, disposition: `attachment; filename="${file.filename}"` });
  }

  @Post()
  @Roles('innovator')
  @ApiOperation({ summary: 'Log an activity (a draft) in one of your municipalities; idempotent by clientId (201 new, 200 replay)' })
  @ApiCreatedResponse({ type: ActivityResponseDto })
  @ApiOkResponse({ type: ActivityResponseDto, description: 'a retry: the activity created earlier with this clientId and body' })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED, ACTIVITY_MUNICIPALITY_UNKNOWN, ACTIVITY_MUNICIPALITY_NOT_ASSIGNED, ACTIVITY_ORGANIZATION_UNKNOWN',
  })
  @ApiConflictResponse({ description: 'ACTIVITY_CLIENT_ID_CONFLICT' })
  async createActivity(
    @Scope() scope: AccessScope,
    @Body() body: CreateActivityDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActivityDto> {
    const { activity, created } = await this.activities.createActivity(scope, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return activity;
  }

  @Get(':id')
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiNotFoundResponse({ description: 'ACTIVITY_NOT_FOUND: unknown, or outside what you may read' })
  getActivity(@Scope() scope: AccessScope, @Param('id', ActivityId()) id: string): Promise<ActivityDto> {
    return this.activities.getActivity(scope, id);
  }

  @Patch(':id')
  @Roles('innovator')
  @ApiOperation({ summary: 'Edit your activity while draft or returned (optimistic locking on version)' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiForbiddenResponse({ description: 'ACTIVITY_NOT_AUTHOR' })
  @ApiConflictResponse({ description: 'STALE_VERSION, ACTIVITY_LOCKED' })
  updateActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: UpdateActivityDto,
  ): Promise<ActivityDto> {
    return this.activities.updateActivity(scope, id, body);
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator')
  @ApiOperation({ summary: 'Submit your activity for review (from draft or returned)' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiConflictResponse({ description: 'ACTIVITY_INVALID_TRANSITION, STALE_VERSION' })
  submitActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: TransitionActivityDto,
  ): Promise<ActivityDto> {
    return this.activities.transition(scope, id, 'submit', body);
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Approve a submitted activity (locks it for the author)' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiConflictResponse({ description: 'ACTIVITY_INVALID_TRANSITION, STALE_VERSION' })
  approveActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: TransitionActivityDto,
  ): Promise<ActivityDto> {
    return this.activities.transition(scope, id, 'approve', body);
  }

  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Return a submitted activity to its author with a comment' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiConflictResponse({ description: 'ACTIVITY_INVALID_TRANSITION, STALE_VERSION' })
  returnActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: ReturnActivityDto,
  ): Promise<ActivityDto> {
    return this.activities.transition(scope, id, 'return', body);
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Reopen an approved activity: it becomes returned, so that its author can edit and resubmit it' })
  @ApiOkResponse({ type: ActivityResponseDto })
  @ApiConflictResponse({ description: 'ACTIVITY_INVALID_TRANSITION, STALE_VERSION' })
  reopenActivity(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Body() body: TransitionActivityDto,
  ): Promise<ActivityDto> {
    return this.activities.transition(scope, id, 'reopen', body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit entries of the activity, oldest first (not for municipality users)' })
  @ApiOkResponse({ type: [ActivityHistoryEntryDto] })
  @ApiNotFoundResponse({ description: 'ACTIVITY_NOT_FOUND' })
  getActivityHistory(@Scope() scope: AccessScope, @Param('id', ActivityId()) id: string): Promise<AuditEntryDto[]> {
    return this.activities.getHistory(scope, id);
  }
}

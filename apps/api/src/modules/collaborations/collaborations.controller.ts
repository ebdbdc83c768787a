import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { ActivityErrors } from '../activities/activities.errors';
import { CollaborationErrors } from './collaborations.errors';
import { CollaborationsService } from './collaborations.service';
import {
  AcceptSuggestionDto,
  AcceptSuggestionResponseDto,
  DismissSuggestionDto,
  ListSuggestionsQuery,
  NetworkQuery,
  NetworkResponseDto,
  ResetWeightsDto,
  StatusResponseDto,
  SuggestionDto,
  SuggestionsPageDto,
  UpdateWeightsDto,
  WeightsResponseDto,
} from './dto/collaborations.dto';

const NOT_FOUND = CollaborationErrors.COLLABORATION_SUGGESTION_NOT_FOUND;
const SuggestionId = () => UuidParam(() => NOT_FOUND());
const ApiSuggestionId = () =>
  ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH } });

/**
 * The collaboration model (docs/collaborations.md): suggested pairs of distant but complementary
 * organizations, the network they are drawn from, and the weights coordinators tune. Innovators see
 * and decide the suggestions involving their municipalities' organizations; municipality users read
 * those of their territory; coordinators the whole tenant.
 */
@ApiTags('collaborations')
@Controller('collaborations')
@Roles('coordinator', 'innovator', 'municipality')
export class CollaborationsController {
  constructor(private readonly collaborations: CollaborationsService) {}

  @Get('suggestions')
  @ApiOperation({ summary: 'Suggested collaborations you may see, best first, each with its reasons (filters combine)' })
  @ApiOkResponse({ type: SuggestionsPageDto })
  @ApiErrors(CollaborationErrors.COLLABORATION_MUNICIPALITY_UNKNOWN)
  listSuggestions(@Scope() scope: AccessScope, @Query() query: ListSuggestionsQuery): Promise<SuggestionsPageDto> {
    return this.collaborations.listSuggestions(scope, query);
  }

  @Get('suggestions/:id')
  @ApiOperation({ summary: 'One suggestion with its reasons' })
  @ApiSuggestionId()
  @ApiOkResponse({ type: SuggestionDto })
  @ApiErrors(NOT_FOUND)
  getSuggestion(
    @Scope() scope: AccessScope,
    @Param('id', SuggestionId()) id: string,
    @Query() query: AcceptSuggestionDto,
  ): Promise<SuggestionDto> {
    return this.collaborations.getSuggestion(scope, id, query.lang ?? 'it');
  }

  @Post('suggestions/:id/accept')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator')
  @ApiOperation({
    summary:
      'Accept a suggestion (innovators, who log activities): a draft introduction meeting is created in your municipality with both organizations',
  })
  @ApiSuggestionId()
  @ApiOkResponse({ type: AcceptSuggestionResponseDto })
  @ApiErrors(NOT_FOUND, CollaborationErrors.COLLABORATION_SUGGESTION_DECIDED, ActivityErrors.ACTIVITY_MUNICIPALITY_NOT_ASSIGNED)
  acceptSuggestion(
    @Scope() scope: AccessScope,
    @Param('id', SuggestionId()) id: string,
    @Body() body: AcceptSuggestionDto,
  ): Promise<AcceptSuggestionResponseDto> {
    return this.collaborations.acceptSuggestion(scope, id, body);
  }

  @Post('suggestions/:id/dismiss')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator', 'innovator')
  @ApiOperation({ summary: 'Dismiss a suggestion with a reason: the pair comes back only if its reasons change' })
  @ApiSuggestionId()
  @ApiOkResponse({ type: SuggestionDto })
  @ApiErrors(NOT_FOUND, CollaborationErrors.COLLABORATION_SUGGESTION_DECIDED)
  dismissSuggestion(
    @Scope() scope: AccessScope,
    @Param('id', SuggestionId()) id: string,
    @Body() body: DismissSuggestionDto,
  ): Promise<SuggestionDto> {
    return this.collaborations.dismissSuggestion(scope, id, body);
  }

  @Get('network')
  @ApiOperation({
    summary: 'The network of organizations (linked by joint approved activities, initiatives and buildings), with the suggested links',
  })
  @ApiOkResponse({ type: NetworkResponseDto })
  @ApiErrors(CollaborationErrors.COLLABORATION_MUNICIPALITY_UNKNOWN)
  getNetwork(@Scope() scope: AccessScope, @Query() query: NetworkQuery): Promise<NetworkResponseDto> {
    return this.collaborations.getNetwork(scope, query);
  }

  @Get('weights')
  @ApiOperation({ summary: "The model's weights and parameters of your tenant, with the defaults" })
  @ApiOkResponse({ type: WeightsResponseDto })
  getCollaborationWeights(@Scope() scope: AccessScope): Promise<WeightsResponseDto> {
    return this.collaborations.getWeights(scope);
  }

  @Put('weights')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Change the weights (coordinators; audited): the suggestions are recomputed in the background' })
  @ApiOkResponse({ type: WeightsResponseDto })
  @ApiErrors(CommonErrors.STALE_VERSION)
  updateCollaborationWeights(@Scope() scope: AccessScope, @Body() body: UpdateWeightsDto): Promise<WeightsResponseDto> {
    return this.collaborations.updateWeights(scope, body);
  }

  @Post('weights/reset')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Restore the default weights (coordinators; audited)' })
  @ApiOkResponse({ type: WeightsResponseDto })
  @ApiErrors(CommonErrors.STALE_VERSION)
  resetCollaborationWeights(@Scope() scope: AccessScope, @Body() body: ResetWeightsDto): Promise<WeightsResponseDto> {
    return this.collaborations.resetWeights(scope, body.version);
  }

  @Get('status')
  @ApiOperation({ summary: 'The state of the stored suggestions: current, or being recomputed (with progress)' })
  @ApiOkResponse({ type: StatusResponseDto })
  getCollaborationStatus(@Scope() scope: AccessScope): Promise<StatusResponseDto> {
    return this.collaborations.getStatus(scope);
  }
}

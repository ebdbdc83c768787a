import type { QueryOf, RequestBodyOf, ResponseOf } from '@trama/api-client';

/** The activities' shapes, named from the generated client (by operation). */
export type ActivityDto = ResponseOf<'getActivity'>;
export type ActivityPage = ResponseOf<'listActivities'>;
export type ActivityHistoryEntry = ResponseOf<'getActivityHistory'>[number];
export type Participants = ActivityDto['participants'];
export type CreateActivityRequest = RequestBodyOf<'createActivity'>;
/** Only the fields sent change; `null` clears an optional field. */
export type UpdateActivityRequest = RequestBodyOf<'updateActivity'>;
/** approve and reopen (comment optional); `version`, when sent, must be current */
export type ActivityReviewRequest = RequestBodyOf<'approveActivity'>;
/** return: the comment is required */
export type ReturnActivityRequest = RequestBodyOf<'returnActivity'>;
export type ActivityListQuery = QueryOf<'listActivities'>;
export type ActivityExportQuery = QueryOf<'exportActivities'>;
/** the filters shared by the list and the export */
export type ActivityFilters = Omit<ActivityListQuery, 'sort' | 'page' | 'pageSize'>;
export type ActivitySort = NonNullable<ActivityListQuery['sort']>;

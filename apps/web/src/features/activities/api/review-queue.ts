import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityDto, ActivityListQuery, ActivityPage } from './types';
import { activityKeys } from './activity-keys';
import { approveActivity } from './approve-activity';
import { activitiesQueryOptions } from './list-activities';
import { returnActivity } from './return-activity';
import { afterTransition } from './transition-activity';

/** Submitted activities, oldest submission first (not activity date): the coordinators' review queue. */
export const REVIEW_QUEUE_QUERY: ActivityListQuery = { status: 'submitted', sort: 'submitted', page: 1, pageSize: 50 };

export function useReviewQueue() {
  return useQuery(activitiesQueryOptions(REVIEW_QUEUE_QUERY));
}

/** How many activities wait for review (one item fetched: the page's total is the count). */
export const SUBMITTED_COUNT_QUERY: ActivityListQuery = { status: 'submitted', page: 1, pageSize: 1 };

export function useSubmittedCount(enabled = true) {
  return useQuery({
    ...activitiesQueryOptions(SUBMITTED_COUNT_QUERY),
    select: (page: ActivityPage) => page.total,
    staleTime: 60_000,
    // the navigation's badge: fresh without a reload while the page stays open
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    enabled,
  });
}

export type ReviewDecision = { activity: ActivityDto; action: 'approve' } | { activity: ActivityDto; action: 'return'; comment: string };

function without(page: ActivityPage | undefined, id: string): ActivityPage | undefined {
  if (!page || !page.items.some((item) => item.id === id)) return page;
  return { ...page, items: page.items.filter((item) => item.id !== id), total: Math.max(0, page.total - 1) };
}

/**
 * Approves or returns an activity from the queue. The item leaves the queue (and the count) at once;
 * if the server refuses, it comes back.
 */
export function useReviewDecision() {
  const queryClient = useQueryClient();
  const queueKey = activityKeys.list(REVIEW_QUEUE_QUERY);
  const countKey = activityKeys.list(SUBMITTED_COUNT_QUERY);
  return useMutation({
    mutationFn: (decision: ReviewDecision) =>
      decision.action === 'approve'
        ? approveActivity(decision.activity.id, { version: decision.activity.version })
        : returnActivity(decision.activity.id, { comment: decision.comment, version: decision.activity.version }),
    onMutate: async (decision) => {
      await queryClient.cancelQueries({ queryKey: queueKey });
      const previous = queryClient.getQueryData<ActivityPage>(queueKey);
      queryClient.setQueryData<ActivityPage>(queueKey, (page) => without(page, decision.activity.id));
      const count = queryClient.getQueryData<ActivityPage>(countKey);
      if (count) queryClient.setQueryData<ActivityPage>(countKey, { ...count, total: Math.max(0, count.total - 1) });
      return { previous };
    },
    onError: (_error, _decision, context) => {
      if (context?.previous) queryClient.setQueryData(queueKey, context.previous);
    },
    onSettled: (activity, _error, decision) => afterTransition(queryClient, decision.activity.id, activity),
  });
}

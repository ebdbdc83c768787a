import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { collaborationKeys } from './collaboration-keys';
import type { AcceptAnswer, Suggestion, SuggestionsQuery } from './types';

export const SUGGESTIONS_PAGE_SIZE = 20;

/** GET /collaborations/suggestions: best first, the reasons in words in `lang`. */
export function useSuggestions(query: SuggestionsQuery) {
  return useQuery({
    queryKey: collaborationKeys.suggestions(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/collaborations/suggestions', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** A decision changes the lists and the network's suggested links (and the activities, through the global invalidation). */
function useInvalidateSuggestions() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: collaborationKeys.suggestionLists() });
    void queryClient.invalidateQueries({ queryKey: collaborationKeys.networks() });
  };
}

/** POST …/accept: the draft introduction activity is created in the innovator's municipality. */
export function useAcceptSuggestion() {
  const invalidate = useInvalidateSuggestions();
  return useMutation({
    mutationFn: ({ id, lang }: { id: string; lang: 'it' | 'en' }): Promise<AcceptAnswer> =>
      unwrap(api.POST('/api/collaborations/suggestions/{id}/accept', { params: { path: { id } }, body: { lang } })),
    onSuccess: invalidate,
  });
}

/** POST …/dismiss with the reason: the pair comes back only if its reasons change. */
export function useDismissSuggestion() {
  const invalidate = useInvalidateSuggestions();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }): Promise<Suggestion> =>
      unwrap(api.POST('/api/collaborations/suggestions/{id}/dismiss', { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

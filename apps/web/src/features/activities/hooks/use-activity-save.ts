import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { isApiRequestError, type ApiRequestError } from '../../../lib/api/api-error';
import { useCreateActivity } from '../api/create-activity';
import { activityQueryOptions } from '../api/get-activity';
import { useSubmitActivity } from '../api/submit-activity';
import type { ActivityDto, CreateActivityRequest } from '../api/types';
import { useUpdateActivity } from '../api/update-activity';
import { newClientId } from '../utils/client-id';

/** What an activity says, as the API takes it: a create body without its clientId, an edit without its version. */
export type ActivityFields = Omit<CreateActivityRequest, 'clientId'>;
export type SaveIntent = 'draft' | 'submit';
export type SaveOutcome = 'saved' | 'submitted';

/** Why a save stopped. Whatever it is, the caller keeps what the user typed. */
export type SaveFailure =
  /** 409: the activity changed elsewhere; `reload()` fetches the other version */
  | { kind: 'conflict' }
  /** 400 with per-field problems */
  | { kind: 'invalid'; error: ApiRequestError }
  /** anything else (offline, 5xx, 403…); `savedAsDraft`: a submit whose save went through, only the submit failed */
  | { kind: 'failed'; error: unknown; savedAsDraft: boolean };

export type SaveResult = { ok: true; activity: ActivityDto; outcome: SaveOutcome } | { ok: false; failure: SaveFailure };

const keyOf = (fields: ActivityFields) => JSON.stringify(fields);

function isStale(error: unknown): boolean {
  return isApiRequestError(error) && error.status === 409 && error.code.endsWith('STALE_VERSION');
}

interface Options {
  /** the activity being edited; absent for a new one */
  activity?: ActivityDto;
  /** the edited activity's fields as the caller shows them: an edit that changes none of them sends no PATCH */
  baseline?: ActivityFields;
}

/**
 * The save sequence of an activity, apart from any form (the activity form uses it; the offline outbox
 * will): create (once) → update (when the fields differ from the last saved ones) → submit (when asked).
 *
 * Creation is idempotent: the clientId is generated once per hook and the first body sent with it is
 * kept, so a retry after a network error (whose request may have reached the server) replays it and
 * gets the same activity back; later changes then follow as an edit of that activity. Every step
 * reports its failure as a `SaveFailure` instead of throwing, and nothing here touches what the user
 * typed: after a conflict the caller keeps it, or takes the other version (`reload`, then `markSaved`).
 */
export function useActivitySave({ activity, baseline }: Options = {}) {
  const queryClient = useQueryClient();
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const submit = useSubmitActivity();

  const [clientId] = useState(newClientId);
  const [saved, setSaved] = useState<ActivityDto | undefined>(activity);
  const [busy, setBusy] = useState<SaveIntent | null>(null);
  const [reloading, setReloading] = useState(false);
  const firstCreateBody = useRef<CreateActivityRequest | null>(null);
  const lastSavedKey = useRef<string | null>(baseline ? keyOf(baseline) : null);

  const save = async (fields: ActivityFields, intent: SaveIntent): Promise<SaveResult> => {
    setBusy(intent);
    let current = saved;
    try {
      if (!current) {
        firstCreateBody.current ??= { clientId, ...fields };
        current = await create.mutateAsync(firstCreateBody.current);
        setSaved(current);
        const { clientId: _clientId, ...sent } = firstCreateBody.current;
        lastSavedKey.current = keyOf(sent);
      }
      const key = keyOf(fields);
      if (key !== lastSavedKey.current) {
        current = await update.mutateAsync({ id: current.id, body: { version: current.version, ...fields } });
        setSaved(current);
        lastSavedKey.current = key;
      }
      if (intent === 'submit') current = await submit.mutateAsync({ id: current.id, version: current.version });
      return { ok: true, activity: current, outcome: intent === 'submit' ? 'submitted' : 'saved' };
    } catch (error) {
      // a creation refused as invalid created nothing: the next save sends the corrected body, not this one again
      if (!current && isApiRequestError(error) && error.status === 400) firstCreateBody.current = null;
      if (isStale(error)) return { ok: false, failure: { kind: 'conflict' } };
      if (isApiRequestError(error) && error.status === 400 && error.details.length > 0)
        return { ok: false, failure: { kind: 'invalid', error } };
      const savedAsDraft = intent === 'submit' && current !== undefined && lastSavedKey.current === keyOf(fields);
      return { ok: false, failure: { kind: 'failed', error, savedAsDraft } };
    } finally {
      setBusy(null);
    }
  };

  /** After a conflict: loads the other version, which the next save then edits (its version). Rejects when it cannot. */
  const reload = async (): Promise<ActivityDto> => {
    if (!saved) throw new Error('useActivitySave.reload: nothing saved yet');
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ ...activityQueryOptions(saved.id), staleTime: 0 });
      setSaved(latest);
      return latest;
    } finally {
      setReloading(false);
    }
  };

  /** The caller now shows these fields as saved (it took the other version): saving them unchanged sends no PATCH. */
  const markSaved = (fields: ActivityFields) => {
    lastSavedKey.current = keyOf(fields);
  };

  return { saved, busy, reloading, save, reload, markSaved, clientId };
}

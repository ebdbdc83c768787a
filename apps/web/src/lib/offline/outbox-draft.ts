import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { outboxDatabase } from './outbox';

/** How long typing rests before the draft is written. */
const DRAFT_DELAY_MS = 400;

export interface FormDraftState {
  /** when the draft shown was written (epoch ms), or null when the form started from scratch */
  restoredAt: number | null;
  /** forgets the draft (after a save or queueing, or when the user discards it) */
  clear: () => Promise<void>;
  /** discards the restored draft and puts the form back as it started */
  discard: () => Promise<void>;
}

/**
 * A form's half-typed values kept in IndexedDB (`trama-outbox`, table `drafts`), so they survive a
 * reload, a closed tab and a restarted phone: restored when the form opens (`reset` with the draft,
 * the form's defaults kept as the baseline, so the form reads as changed), written while typing,
 * cleared when the form is saved or queued (`clear`). `key` names the form and the record
 * (`activity:new:<user>`, `building:<id>:<user>`).
 */
export function useFormDraft<T extends FieldValues>(
  key: string,
  form: Pick<UseFormReturn<T>, 'watch' | 'reset' | 'getValues'>,
): FormDraftState {
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const ready = useRef(false);
  const defaults = useRef<T | null>(null);
  const { watch, reset, getValues } = form;

  useEffect(() => {
    let cancelled = false;
    ready.current = false;
    defaults.current = getValues();
    outboxDatabase()
      .drafts.get(key)
      .then((draft) => {
        if (cancelled) return;
        if (draft) {
          reset(draft.values as T, { keepDefaultValues: true });
          setRestoredAt(draft.savedAt);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        ready.current = true;
      });
    return () => {
      cancelled = true;
    };
  }, [key, reset, getValues]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = watch((_values, { name, type }) => {
      // what the user typed or picked (`setValue` names its field); a `reset` names none
      if (!ready.current || (name === undefined && type === undefined)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        // a save or queueing cleared the draft meanwhile: what was typed is saved, not a draft
        if (!ready.current) return;
        void outboxDatabase()
          .drafts.put({ key, values: getValues(), savedAt: Date.now() })
          .catch(() => undefined);
      }, DRAFT_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [key, watch, getValues]);

  const clear = useCallback(async () => {
    ready.current = false;
    setRestoredAt(null);
    await outboxDatabase()
      .drafts.delete(key)
      .catch(() => undefined);
  }, [key]);

  const discard = useCallback(async () => {
    // the form is back as it started at the click; the draft is then forgotten (no write meanwhile)
    ready.current = false;
    if (defaults.current) reset(defaults.current);
    setRestoredAt(null);
    await outboxDatabase()
      .drafts.delete(key)
      .catch(() => undefined);
    ready.current = true;
  }, [key, reset]);

  return { restoredAt, clear, discard };
}

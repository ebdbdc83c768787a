import { enqueue } from './outbox';
import { resizePhoto } from './outbox-image';
import type { OutboxFields, OutboxKind } from './outbox-types';

/**
 * A new uuid (v4) for a clientId. crypto.randomUUID exists only in secure contexts (https,
 * localhost); getRandomValues exists everywhere.
 */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface QueuedRecord {
  userId: string;
  kind: Exclude<OutboxKind, 'photo'>;
  /** a creation: the key the form already used online (a request that may have reached the server) */
  clientId?: string;
  /** an edit: the record and the version the form loaded */
  recordId?: string;
  version?: number;
  fields: OutboxFields;
  /** an edit: the record's fields as the form loaded them */
  baseline?: OutboxFields;
  label: string;
}

/** A form's save that could not reach the server, put in the outbox: a creation, or an edit at its version. */
export function queueRecord(record: QueuedRecord): Promise<number> {
  const { recordId, version, baseline, clientId, ...rest } = record;
  return enqueue({
    ...rest,
    op: recordId ? 'update' : 'create',
    clientId: clientId ?? newClientId(),
    ...(recordId ? { recordId, version, baseline } : {}),
  });
}

/**
 * Photos of a building, resized on the device (≤ 2048 px, JPEG) and queued: after the building created
 * by the outbox item `parentClientId`, or for the existing building `recordId`. Each has its own
 * clientId, so a retried upload never stores a photo twice.
 */
export async function queuePhotos(
  userId: string,
  files: readonly File[],
  target: { parentClientId: string } | { recordId: string },
): Promise<void> {
  for (const file of files) {
    const blob = await resizePhoto(file);
    const base = file.name.replace(/\.[^.]*$/, '') || 'foto';
    await enqueue({
      userId,
      kind: 'photo',
      op: 'upload',
      clientId: newClientId(),
      ...target,
      fields: {},
      blob,
      fileName: blob === file ? file.name : `${base}.jpg`,
      label: file.name,
    });
  }
}

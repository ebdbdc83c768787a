/**
 * The offline outbox's records (docs/field-mode.md, "Outbox and sync"). One item is one request the
 * server has not acknowledged yet: a creation (idempotent by its `clientId`), an edit (at the
 * `version` it was based on) or a building's photo (after its building).
 */

/**
 * - `waiting`: stored on the device, to be sent (again)
 * - `sending`: on its way (a tab holds the outbox's lock)
 * - `sent`: acknowledged by the server (kept a day as a receipt, then removed)
 * - `conflict`: someone changed the record meanwhile (409): the user chooses mine / theirs / a merge
 * - `rejected`: the server refused it (400, 403, 404, another 409): `error` says why; editable, resendable
 */
export const OUTBOX_STATES = ['waiting', 'sending', 'sent', 'conflict', 'rejected'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** What an item writes. A `photo` belongs to a building (`recordId`, or the building created by `parentClientId`). */
export const OUTBOX_KINDS = ['activity', 'building', 'organization', 'photo'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export type OutboxOperation = 'create' | 'update' | 'upload';

/** The server's refusal, as its error body said it (the page shows the catalogue's text for `code`). */
export interface OutboxError {
  status: number;
  code: string;
  message: string;
  details?: { field: string; messages: string[]; codes?: string[] }[];
}

export type OutboxFields = Record<string, unknown>;

export interface OutboxItem {
  /** the device's order of the items: they are sent in it */
  seq?: number;
  /** whose item it is: only the signed-in user's items are sent and listed */
  userId: string;
  kind: OutboxKind;
  op: OutboxOperation;
  /** a creation's (and an upload's) idempotency key; an edit's own id */
  clientId: string;
  /** the record an edit or a photo is for; after a creation is sent, the record it created */
  recordId?: string;
  /** a photo of a building created in the outbox: that creation's clientId */
  parentClientId?: string;
  /** an edit: the version it was based on */
  version?: number;
  /** the request's fields (a creation's without clientId, an edit's without version) */
  fields: OutboxFields;
  /** an edit: the fields as they were when the edit began (what "the fields that differ" compares) */
  baseline?: OutboxFields;
  /** a photo: the resized image */
  blob?: Blob;
  fileName?: string;
  /** what the list shows (a title, a name, the photo's file name) */
  label: string;
  state: OutboxState;
  error?: OutboxError;
  /** a conflict: the record as the server has it now (its `version` is the one to resend with) */
  theirs?: OutboxFields;
  /** how many times it was sent */
  attempts: number;
  createdAt: number;
  updatedAt: number;
  sentAt?: number;
}

/** A new item: the engine fills in its state and bookkeeping. */
export type NewOutboxItem = Omit<OutboxItem, 'seq' | 'state' | 'attempts' | 'createdAt' | 'updatedAt'>;

/** Where the items live (IndexedDB in the app: `outbox-db.ts`; memory in the engine's tests). */
export interface OutboxStore {
  /** the user's items, in their order (`seq`) */
  list(userId: string): Promise<OutboxItem[]>;
  get(seq: number): Promise<OutboxItem | undefined>;
  /** the user's item created with this key */
  byClientId(userId: string, clientId: string): Promise<OutboxItem | undefined>;
  add(item: OutboxItem): Promise<number>;
  patch(seq: number, changes: Partial<OutboxItem>): Promise<void>;
  remove(seq: number): Promise<void>;
}

/** One request the engine sends: JSON, or a file as multipart (`file`). */
export interface OutboxRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  json?: unknown;
  file?: { blob: Blob; name: string };
}

/** The transport: a fetch that answers with the server's Response, or rejects when the network fails. */
export type OutboxSend = (request: OutboxRequest) => Promise<Response>;

/** Items that still need the user or the server (the header's count): everything not yet acknowledged. */
export const isPending = (item: Pick<OutboxItem, 'state'>) => item.state !== 'sent';

import { Injectable } from '@nestjs/common';
import { DOCUMENT_MIME_TYPES, IMAGE_MIME_TYPES, MAX_ATTACHMENTS_PER_ACTIVITY } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import type { StoredFileDto } from '../files/dto/stored-file.response';
import { FileErrors } from '../files/files.errors';
import { type FileOwner, FilesService, type OpenedFile, type Upload } from '../files/files.service';
import { ActivitiesPolicy } from './activities.policy';
import { ActivitiesRepository } from './activities.repository';
import { ActivityErrors } from './activities.errors';
import { ActivityAttachmentsRepository } from './activity-attachments.repository';
import { isEditable } from './activity-status';

export const ACTIVITY_FILE_OWNER = 'activity';
const ACCEPT = [...IMAGE_MIME_TYPES, ...DOCUMENT_MIME_TYPES];

/**
 * Photos and documents of an activity (docs/files.md, "Activity attachments"), in the file store:
 * - read (list, download, thumbnail) by whoever reads the activity, except municipality users: an
 *   attendance sheet or a photo shows people by name and face, a staff matter like the history;
 * - added and deleted by the author while the activity is editable (draft, returned): a submitted
 *   activity is under review and an approved one is locked, as for its other fields (409 ACTIVITY_LOCKED).
 * Every change is audited (entity `file`, by FilesService) in the transaction that makes it, under the activity's row lock.
 */
@Injectable()
export class ActivityAttachmentsService {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: ActivitiesPolicy,
    private readonly activities: ActivitiesRepository,
    private readonly keys: ActivityAttachmentsRepository,
    private readonly files: FilesService,
  ) {}

  async list(scope: AccessScope, activityId: string): Promise<StoredFileDto[]> {
    const owner = await this.readableOwner(scope, activityId);
    return (await this.files.list(this.door, scope, owner)).map((f) => this.files.toDto(f));
  }

  async open(scope: AccessScope, activityId: string, fileId: string, variant: 'original' | 'thumbnail'): Promise<OpenedFile> {
    const owner = await this.readableOwner(scope, activityId);
    return this.files.openOwned(this.door, scope, owner, fileId, variant);
  }

  async upload(scope: AccessScope, activityId: string, upload: Upload | undefined): Promise<StoredFileDto> {
    // the access and status checks first: out of scope is a 404, locked a 409, whatever the content
    await this.door.transaction((tx) => this.lockEditable(tx, scope, activityId));
    const prepared = await this.files.prepare(upload, { accept: ACCEPT });
    const stored = await this.door.transaction(async (tx) => {
      const owner = await this.lockEditable(tx, scope, activityId);
      if ((await this.files.count(tx, scope, owner)) >= MAX_ATTACHMENTS_PER_ACTIVITY) {
        throw FileErrors.FILE_LIMIT_REACHED(`An activity has at most ${MAX_ATTACHMENTS_PER_ACTIVITY} attachments`);
      }
      return this.files.add(tx, scope, owner, prepared);
    });
    return this.files.toDto(stored);
  }

  async remove(scope: AccessScope, activityId: string, fileId: string): Promise<void> {
    await this.door.transaction(async (tx) => {
      const owner = await this.lockEditable(tx, scope, activityId);
      const file = await this.files.remove(tx, scope, owner, fileId);
      if (!file) throw FileErrors.FILE_NOT_FOUND();
    });
  }

  /** The activity as a file owner, if the caller reads it and its attachments (else 404). */
  private async readableOwner(scope: AccessScope, activityId: string): Promise<FileOwner> {
    const key = this.policy.readsStaffFields(scope) ? await this.keys.readableKey(scope, activityId) : null;
    if (!key) throw ActivityErrors.ACTIVITY_NOT_FOUND();
    return { kind: ACTIVITY_FILE_OWNER, id: key.id, tenantId: key.tenantId };
  }

  /** Locks the activity for a change of its attachments: the author's, while editable. */
  private async lockEditable(tx: ScopedTx, scope: AccessScope, activityId: string): Promise<FileOwner> {
    const activity = await this.activities.lockReadable(tx, scope, activityId);
    if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND();
    if (activity.authorId !== scope.actor.id) throw ActivityErrors.ACTIVITY_NOT_AUTHOR();
    if (!isEditable(activity.status)) {
      throw ActivityErrors.ACTIVITY_LOCKED(
        activity.status === 'approved'
          ? 'An approved activity is locked: a coordinator can reopen it'
          : 'This activity is under review (submitted): its attachments can change again if it is returned',
      );
    }
    return { kind: ACTIVITY_FILE_OWNER, id: activity.id, tenantId: activity.tenantId };
  }
}

import { Injectable } from '@nestjs/common';
import { BUILDING_MAX_PHOTOS, IMAGE_MIME_TYPES } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import type { StoredFileDto } from '../files/dto/stored-file.response';
import { FileErrors } from '../files/files.errors';
import { type FileOwner, FilesService, type OpenedFile, type Upload } from '../files/files.service';
import { BuildingsService } from './buildings.service';

export const BUILDING_FILE_OWNER = 'building';

/**
 * Photos of a building (docs/files.md, docs/buildings.md), in the file store:
 * - read (list, image, thumbnail) by whoever reads the building, municipality users included (a
 *   building's photos show the building, not people);
 * - added and deleted by whoever may change the building (innovators in their municipalities,
 *   coordinators), images only (re-encoded, EXIF/GPS stripped, thumbnail), at most BUILDING_MAX_PHOTOS.
 * Every change is audited (entity `file`, by FilesService) under the building's row lock.
 */
@Injectable()
export class BuildingPhotosService {
  constructor(
    private readonly door: ScopedData,
    private readonly buildings: BuildingsService,
    private readonly files: FilesService,
  ) {}

  async list(scope: AccessScope, buildingId: string): Promise<StoredFileDto[]> {
    const owner = await this.readableOwner(scope, buildingId);
    return (await this.files.list(this.door, scope, owner)).map((f) => this.files.toDto(f));
  }

  async open(scope: AccessScope, buildingId: string, fileId: string, variant: 'original' | 'thumbnail'): Promise<OpenedFile> {
    const owner = await this.readableOwner(scope, buildingId);
    return this.files.openOwned(this.door, scope, owner, fileId, variant);
  }

  /**
   * Adds a photo. With `clientId` (the offline outbox's key) the upload is idempotent: the building's
   * photo already stored under that key is returned (even over the cap), nothing is stored twice.
   */
  async upload(scope: AccessScope, buildingId: string, upload: Upload | undefined, clientId?: string): Promise<StoredFileDto> {
    // access first: out of scope is a 404, not editable a 403, whatever the content
    const earlier = await this.door.transaction(async (tx) => {
      const building = await this.buildings.lockEditable(tx, scope, buildingId);
      return clientId ? this.files.findByClientId(tx, scope, this.ownerOf(building), clientId) : null;
    });
    if (earlier) return this.files.toDto(earlier);
    const prepared = await this.files.prepare(upload, { accept: IMAGE_MIME_TYPES });
    const stored = await this.door.transaction(async (tx) => {
      const owner = this.ownerOf(await this.buildings.lockEditable(tx, scope, buildingId));
      // under the building's row lock: a twin request waits here, then finds the first one's file
      const twin = clientId ? await this.files.findByClientId(tx, scope, owner, clientId) : null;
      if (twin) return twin;
      if ((await this.files.count(tx, scope, owner)) >= BUILDING_MAX_PHOTOS) {
        throw FileErrors.FILE_LIMIT_REACHED(`A building has at most ${BUILDING_MAX_PHOTOS} photos`);
      }
      return this.files.add(tx, scope, owner, prepared, clientId);
    });
    return this.files.toDto(stored);
  }

  private ownerOf(building: { id: string; tenantId: string }): FileOwner {
    return { kind: BUILDING_FILE_OWNER, id: building.id, tenantId: building.tenantId };
  }

  async remove(scope: AccessScope, buildingId: string, fileId: string): Promise<void> {
    await this.door.transaction(async (tx) => {
      const building = await this.buildings.lockEditable(tx, scope, buildingId);
      const owner: FileOwner = { kind: BUILDING_FILE_OWNER, id: building.id, tenantId: building.tenantId };
      if (!(await this.files.remove(tx, scope, owner, fileId))) throw FileErrors.FILE_NOT_FOUND();
    });
  }

  private async readableOwner(scope: AccessScope, buildingId: string): Promise<FileOwner> {
    const key = await this.buildings.readableKey(scope, buildingId);
    return { kind: BUILDING_FILE_OWNER, id: key.id, tenantId: key.tenantId };
  }
}

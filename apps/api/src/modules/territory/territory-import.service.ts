import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';

export interface TenantManifest {
  istatCode: string;
  name: string;
  /** file prefix in the territory folder: `<slug>-comuni.csv`, `<slug>-social-areas.csv`, `<slug>-comuni.geojson`, `<slug>-comuni.simplified.geojson` */
  slug: string;
}

export interface ImportSummary {
  tenantId: string;
  created: boolean;
  socialAreas: number;
  municipalities: number;
}

/** STUB — being implemented (territory import). */
@Injectable()
export class TerritoryImportService {
  async importTenant(_manifest: TenantManifest, _dir: string, _actor: AccessScope | null): Promise<ImportSummary> {
    throw new Error('not implemented yet');
  }
}

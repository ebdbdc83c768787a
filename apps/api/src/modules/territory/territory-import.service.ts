import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { CommonErrors } from '../../common/errors/app-error';
import { TenantsService } from '../tenants/tenants.service';
import { MAX_TERRITORY_NAME, readPopulationSources, readTerritoryFiles, territoryFileNames } from './territory-files';
import { TerritoryImportRepository } from './territory-import.repository';
import { TerritoryErrors } from './territory.errors';

export interface TenantManifest {
  istatCode: string;
  name: string;
  /** file prefix in the territory folder: `<slug>-comuni.csv`, `<slug>-social-areas.csv`, `<slug>-comuni.geojson`, `<slug>-comuni.simplified.geojson` */
  slug: string;
}

export interface ImportOptions {
  /** year of the population figures when the CSV has no `population_year` column (default REFERENCE_POPULATION_YEAR) */
  populationYear?: number;
  /**
   * Apply the files' social-area memberships to municipalities that already exist. Off by
   * default: memberships change with each regional social plan and coordinators edit them in
   * the app, so a re-import must not silently undo those edits (the summary lists them).
   */
  overwriteMemberships?: boolean;
}

export interface ImportSummary {
  tenantId: string;
  /** the tenant did not exist before */
  created: boolean;
  /** social areas in the files */
  socialAreas: number;
  /** municipalities in the files */
  municipalities: number;
  socialAreasCreated: number;
  socialAreasUpdated: number;
  municipalitiesCreated: number;
  municipalitiesUpdated: number;
  municipalitiesUnchanged: number;
  /** existing municipalities whose social area in the database differs from the files and was kept: "072029: ATS_X (file: ATS_Y)" */
  membershipsKept: string[];
  populationYear: number;
  /** rows of municipality_populations written (the file's year and the extra years of population-sources.csv) */
  populations: number;
  /** the years of population figures imported */
  populationYears: number[];
  /** default indicator definitions created (0 when the tenant already had them) */
  indicatorsSeeded: number;
  /** imported anyway, worth a look: municipalities without boundary, points outside their boundary, empty social areas */
  warnings: string[];
  durationMs: number;
}

/**
 * The population of the reference data in `../shared/data` is the ANPR resident count of
 * January 2026 (its README); files with a `population_year` column override it row by row.
 */
export const REFERENCE_POPULATION_YEAR = 2026;

const TENANT_ISTAT = /^\d{3}$/;
const SLUG = /^[a-z0-9-]{1,40}$/;

/**
 * Imports (or re-imports) a metropolitan city and its territory from the four files of its slug.
 * Everything is validated before anything is written, and the writes happen in one transaction
 * with the audit entry: a bad file leaves the database as it was.
 */
@Injectable()
export class TerritoryImportService {
  constructor(
    private readonly door: ScopedData,
    private readonly tenants: TenantsService,
    private readonly writes: TerritoryImportRepository,
    private readonly audit: AuditService,
  ) {}

  /** `actor` null: the system (demo seeder, CLI). Otherwise only an admin may import. */
  async importTenant(
    manifest: TenantManifest,
    dir: string,
    actor: AccessScope | null,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    const started = Date.now();
    if (actor && !actor.isAdmin) throw CommonErrors.FORBIDDEN('Only a platform admin can import a territory');
    const provinceCode = checkManifest(manifest);
    manifest = { istatCode: manifest.istatCode, name: manifest.name.trim(), slug: manifest.slug };
    const populationYear = options.populationYear ?? REFERENCE_POPULATION_YEAR;
    const territory = readTerritoryFiles(dir, manifest.slug, { provinceCode, populationYear });
    const extraPopulations = readPopulationSources(dir, new Set(territory.municipalities.map((m) => m.istatCode)));
    const actorId = actor?.actor.id ?? null;
    const overwrite = options.overwriteMemberships ?? false;

    return this.door.transaction(async (tx) => {
      const tenant = await this.tenants.upsertForImport(tx, manifest);
      if ('slugOwner' in tenant)
        throw TerritoryErrors.TERRITORY_IMPORT_INVALID(
          `The slug "${manifest.slug}" already belongs to tenant ${tenant.slugOwner}: nothing was imported`,
        );
      const { tenantId, existing } = tenant;
      const before = existing ? await this.writes.counts(tx, tenantId) : null;

      const current = existing ? await this.writes.memberships(tx, tenantId) : new Map<string, string | null>();
      const membershipsKept = overwrite
        ? []
        : territory.municipalities
            .filter((m) => current.has(m.istatCode) && current.get(m.istatCode) !== null && current.get(m.istatCode) !== m.socialAreaCode)
            .map((m) => `${m.istatCode} ${m.name}: ${current.get(m.istatCode)} (file: ${m.socialAreaCode ?? 'none'})`);

      const areas = await this.writes.upsertSocialAreas(tx, tenantId, territory.socialAreas, actorId);
      const munis = await this.writes.upsertMunicipalities(tx, tenantId, territory.municipalities, actorId, overwrite);
      const populations = await this.writes.upsertPopulations(tx, tenantId, [
        ...extraPopulations.filter(
          (p) => !territory.municipalities.some((m) => m.istatCode === p.istatCode && m.populationYear === p.year),
        ),
        ...territory.municipalities.map((m) => ({
          istatCode: m.istatCode,
          year: m.populationYear,
          population: m.population,
          source: 'territory file',
        })),
      ]);
      const indicatorsSeeded = await this.writes.seedIndicatorDefinitions(tx, tenantId);
      await this.writes.replaceNeighbours(tx, tenantId);
      const summary: ImportSummary = {
        tenantId,
        created: !existing,
        socialAreas: territory.socialAreas.length,
        municipalities: territory.municipalities.length,
        socialAreasCreated: areas.created,
        socialAreasUpdated: areas.updated,
        municipalitiesCreated: munis.created,
        municipalitiesUpdated: munis.updated,
        municipalitiesUnchanged: territory.municipalities.length - munis.created - munis.updated,
        membershipsKept,
        populationYear,
        populations,
        populationYears: [...new Set([populationYear, ...extraPopulations.map((p) => p.year)])].sort(),
        indicatorsSeeded,
        warnings: territory.warnings,
        durationMs: 0,
      };
      await this.audit.record(tx, actor, {
        tenantId,
        entity: 'tenant',
        entityId: tenantId,
        action: 'import',
        before: existing ? { istatCode: existing.istatCode, name: existing.name, slug: existing.slug, ...before } : null,
        after: {
          istatCode: manifest.istatCode,
          name: manifest.name,
          slug: manifest.slug,
          files: Object.values(territoryFileNames(manifest.slug)),
          overwriteMemberships: overwrite,
          ...withoutIds(summary),
        },
      });
      summary.durationMs = Date.now() - started;
      return summary;
    });
  }
}

/** Validates the manifest and returns the province code the ISTAT codes must carry. */
function checkManifest(manifest: TenantManifest): string {
  const problems: string[] = [];
  const code = manifest.istatCode;
  if (!TENANT_ISTAT.test(code ?? '') || Number(code) <= 200)
    problems.push(`ISTAT code "${code}" of the metropolitan city must be 3 digits above 200 (province code + 200, e.g. 272)`);
  if (!manifest.name?.trim()) problems.push('the name of the metropolitan city is empty');
  else if (manifest.name.trim().length > MAX_TERRITORY_NAME)
    problems.push(`the name of the metropolitan city is longer than ${MAX_TERRITORY_NAME} characters`);
  if (!SLUG.test(manifest.slug ?? '')) problems.push(`slug "${manifest.slug}" must be 1–40 lower-case letters, digits or "-"`);
  if (problems.length > 0) throw TerritoryErrors.TERRITORY_IMPORT_INVALID(`Territory not imported: ${problems.join('; ')}`);
  return String(Number(code) - 200).padStart(3, '0');
}

function withoutIds(summary: ImportSummary): Record<string, unknown> {
  const { tenantId: _tenantId, durationMs: _durationMs, ...rest } = summary;
  return rest;
}

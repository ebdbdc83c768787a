import 'reflect-metadata';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditService } from '../common/audit/audit.service';
import { ScopedData } from '../common/access/scoped-data';
import { AppError } from '../common/errors/app-error';
import { ConfigError, loadConfig } from '../config/config';
import { createDataSource } from '../database/data-source';
import { migrate, openDatabase } from '../database/database';
import { TenantsPolicy } from '../modules/tenants/tenants.policy';
import { TenantsRepository } from '../modules/tenants/tenants.repository';
import { TenantsService } from '../modules/tenants/tenants.service';
import { readTerritoryFiles } from '../modules/territory/territory-files';
import { TerritoryImportRepository } from '../modules/territory/territory-import.repository';
import {
  ImportSummary,
  REFERENCE_POPULATION_YEAR,
  TenantManifest,
  TerritoryImportService,
} from '../modules/territory/territory-import.service';

/**
 * Admin command: imports (or re-imports) a metropolitan city and its territory.
 *
 *   import-territory --istat 272 --name "Città Metropolitana di Bari" --slug bari [--dir path]
 *                    [--population-year 2026] [--overwrite-memberships] [--check]
 *
 * Reads <dir>/<slug>-comuni.csv, -social-areas.csv, -comuni.geojson, -comuni.simplified.geojson
 * (dir: TRAMA_TERRITORY_DIR, default ../shared/data). Uses DATABASE_URL, or the embedded
 * PostgreSQL under TRAMA_DATA_DIR (stop the app first: one process owns it). Exit 0 on success,
 * 1 when the files are invalid (nothing written) or the import fails, 2 on a usage error.
 */

export const USAGE = `Usage: import-territory --istat <3 digits> --name <name> --slug <slug> [options]

  --istat <code>             ISTAT code of the metropolitan city (province code + 200, e.g. 272)
  --name <name>              its name, e.g. "Città Metropolitana di Bari"
  --slug <slug>              file prefix: <slug>-comuni.csv, <slug>-social-areas.csv,
                             <slug>-comuni.geojson, <slug>-comuni.simplified.geojson
  --dir <path>               folder of the files (default: TRAMA_TERRITORY_DIR or ../shared/data)
  --population-year <year>   year of the population figures when the CSV has no population_year
                             column (default ${REFERENCE_POPULATION_YEAR}, the ANPR data of the reference files)
  --overwrite-memberships    apply the files' social areas to existing municipalities too
                             (default: keep the ones coordinators may have changed)
  --check                    only validate the files; touch no database
  --help                     this text`;

export class UsageError extends Error {}

export interface ImportCommand {
  manifest: TenantManifest;
  dir: string;
  populationYear?: number;
  overwriteMemberships: boolean;
  checkOnly: boolean;
}

/** Parses the command line; throws UsageError with what is wrong. Returns null for --help. */
export function parseImportArgs(argv: string[], defaultDir: string): ImportCommand | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        istat: { type: 'string' },
        name: { type: 'string' },
        slug: { type: 'string' },
        dir: { type: 'string' },
        'population-year': { type: 'string' },
        'overwrite-memberships': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const missing = (['istat', 'name', 'slug'] as const).filter((k) => !values[k]?.trim());
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  let populationYear: number | undefined;
  if (values['population-year'] !== undefined) {
    populationYear = Number(values['population-year']);
    if (!/^\d{4}$/.test(values['population-year'])) throw new UsageError(`--population-year "${values['population-year']}" is not a year`);
  }
  return {
    manifest: { istatCode: values.istat!.trim(), name: values.name!.trim(), slug: values.slug!.trim() },
    dir: resolve(values.dir ?? defaultDir),
    populationYear,
    overwriteMemberships: values['overwrite-memberships'] ?? false,
    checkOnly: values.check ?? false,
  };
}

export function formatSummary(manifest: TenantManifest, summary: ImportSummary): string {
  const lines = [
    `${manifest.name} (${manifest.istatCode}): tenant ${summary.created ? 'created' : 'updated'} ${summary.tenantId}`,
    `  social areas:   ${summary.socialAreas} in the files — ${summary.socialAreasCreated} created, ${summary.socialAreasUpdated} updated`,
    `  municipalities: ${summary.municipalities} in the files — ${summary.municipalitiesCreated} created, ${summary.municipalitiesUpdated} updated, ${summary.municipalitiesUnchanged} unchanged`,
    `  population year: ${summary.populationYear} (figures for ${summary.populationYears.join(', ')}: ${summary.populations} written)`,
    `  indicator definitions seeded: ${summary.indicatorsSeeded}`,
    `  took ${summary.durationMs} ms`,
  ];
  if (summary.membershipsKept.length > 0) {
    lines.push(
      `  kept the current social area of ${summary.membershipsKept.length} municipalities (use --overwrite-memberships to apply the files'):`,
    );
    lines.push(...summary.membershipsKept.map((m) => `    ${m}`));
  }
  if (summary.warnings.length > 0) {
    lines.push(`  warnings (${summary.warnings.length}):`);
    lines.push(...summary.warnings.map((w) => `    ${w}`));
  }
  return lines.join('\n');
}

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    if (!error.details?.length) return `${error.code}: ${error.message}`;
    // the message lists the first problems; details hold every one, one per line
    const header = error.message.slice(0, error.message.indexOf('): ') + 1) || error.message;
    return [`${error.code}: ${header}`, ...error.details.map((d) => `  - ${d.field}: ${d.messages.join('; ')}`)].join('\n');
  }
  if (error instanceof ConfigError || error instanceof UsageError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(): Promise<number> {
  const log = (message: string) => console.error(`[trama] ${message}`);
  const config = loadConfig();
  const command = parseImportArgs(process.argv.slice(2), config.territoryDir);
  if (!command) {
    console.log(USAGE);
    return 0;
  }
  const provinceCode = String(Number(command.manifest.istatCode) - 200).padStart(3, '0');
  if (command.checkOnly) {
    const parsed = readTerritoryFiles(command.dir, command.manifest.slug, {
      provinceCode,
      populationYear: command.populationYear ?? REFERENCE_POPULATION_YEAR,
    });
    console.log(
      `${command.manifest.slug}: files valid — ${parsed.socialAreas.length} social areas, ${parsed.municipalities.length} municipalities`,
    );
    for (const w of parsed.warnings) console.log(`  warning: ${w}`);
    return 0;
  }
  const database = await openDatabase(config, log);
  try {
    const applied = await migrate(database.url);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    try {
      const door = new ScopedData(dataSource);
      const importer = new TerritoryImportService(
        door,
        new TenantsService(new TenantsRepository(door, new TenantsPolicy())),
        new TerritoryImportRepository(),
        new AuditService(door),
      );
      log(`importing ${command.manifest.slug} from ${command.dir}`);
      const summary = await importer.importTenant(command.manifest, command.dir, null, {
        populationYear: command.populationYear,
        overwriteMemberships: command.overwriteMemberships,
      });
      console.log(formatSummary(command.manifest, summary));
      return 0;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`[trama] import-territory failed\n${describeError(error)}`);
      if (error instanceof UsageError) console.error(`\n${USAGE}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}

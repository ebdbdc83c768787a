import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { TestTenant } from './factories';

/** The reference territory files: TRAMA_TERRITORY_DIR or ../shared/data from the repository root (Jest's cwd). */
export const TERRITORY_DIR = resolve(process.env.TRAMA_TERRITORY_DIR ?? '../shared/data');

export const BARI = { istatCode: '272', name: 'Città Metropolitana di Bari', slug: 'bari' };
export const BOLOGNA = { istatCode: '237', name: 'Città Metropolitana di Bologna', slug: 'bologna' };

export function readTerritoryFile(name: string): string {
  return readFileSync(join(TERRITORY_DIR, name), 'utf8');
}

/** A temporary copy of the reference files, to corrupt one of them. */
export class TerritoryCopy {
  readonly dir = mkdtempSync(join(tmpdir(), 'trama-territory-'));

  constructor() {
    for (const slug of ['bari', 'bologna']) {
      for (const suffix of ['-comuni.csv', '-social-areas.csv', '-comuni.geojson', '-comuni.simplified.geojson']) {
        cpSync(join(TERRITORY_DIR, `${slug}${suffix}`), join(this.dir, `${slug}${suffix}`));
      }
    }
    // the population of other years (ISTAT 2021), shared by every tenant of the folder
    cpSync(join(TERRITORY_DIR, 'population-sources.csv'), join(this.dir, 'population-sources.csv'));
  }

  read(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }

  write(name: string, content: string): void {
    writeFileSync(join(this.dir, name), content);
  }

  /** Replaces one line (1 = header) of a CSV. */
  editLine(name: string, line: number, edit: (text: string) => string): void {
    const lines = this.read(name).split('\n');
    lines[line - 1] = edit(lines[line - 1]);
    this.write(name, lines.join('\n'));
  }

  editGeoJson(name: string, edit: (fc: { features: { properties: Record<string, unknown>; geometry: unknown }[] }) => void): void {
    const fc = JSON.parse(this.read(name));
    edit(fc);
    this.write(name, JSON.stringify(fc));
  }

  /** Restores one file from the reference folder. */
  restore(name: string): void {
    cpSync(join(TERRITORY_DIR, name), join(this.dir, name));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** An imported tenant in the shape the Factory's user() expects. */
export async function loadTestTenant(db: DataSource, istatCode: string): Promise<TestTenant> {
  const [tenant] = await db.query('SELECT tenant_id AS id FROM tenants WHERE istat_code = $1', [istatCode]);
  if (!tenant) throw new Error(`tenant ${istatCode} not imported`);
  const areas: { id: string; code: string }[] = await db.query('SELECT id, code FROM social_areas WHERE tenant_id = $1', [tenant.id]);
  const munis: { id: string; istat_code: string }[] = await db.query('SELECT id, istat_code FROM municipalities WHERE tenant_id = $1', [
    tenant.id,
  ]);
  return {
    id: tenant.id,
    istatCode,
    socialAreas: Object.fromEntries(areas.map((a) => [a.code, a.id])),
    municipalities: Object.fromEntries(munis.map((m) => [m.istat_code, m.id])),
  };
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { FieldProblem } from '../../common/errors/app-error';
import { Bbox, geometryBbox, pointInGeometry, PolygonCoordinates, Position } from './geo';
import { TerritoryErrors } from './territory.errors';

/**
 * Reading and validating a tenant's territory files, without touching the database:
 * `<slug>-comuni.csv`, `<slug>-social-areas.csv`, `<slug>-comuni.geojson` (full boundaries),
 * `<slug>-comuni.simplified.geojson` (display). Every problem is collected with the file and the
 * line (CSV) or feature index (GeoJSON) it comes from; any problem rejects the whole import.
 */

export interface TerritoryFileNames {
  municipalities: string;
  socialAreas: string;
  boundaries: string;
  simplified: string;
}

export function territoryFileNames(slug: string): TerritoryFileNames {
  return {
    municipalities: `${slug}-comuni.csv`,
    socialAreas: `${slug}-social-areas.csv`,
    boundaries: `${slug}-comuni.geojson`,
    simplified: `${slug}-comuni.simplified.geojson`,
  };
}

/** The four files' contents. */
export type TerritorySources = Record<keyof TerritoryFileNames, string>;

export interface TerritoryExpectations {
  /** 3-digit province code every ISTAT code must start with (metropolitan city code − 200) */
  provinceCode: string;
  /** year of the population figures when the CSV has no `population_year` column */
  populationYear: number;
}

export interface StoredMultiPolygon {
  type: 'MultiPolygon';
  coordinates: PolygonCoordinates[];
}

export interface ParsedSocialArea {
  code: string;
  name: string;
}

export interface ParsedMunicipality {
  istatCode: string;
  name: string;
  provinceCode: string;
  cadastralCode: string | null;
  population: number;
  populationYear: number;
  areaKm2: number;
  lat: number;
  lon: number;
  socialAreaCode: string | null;
  boundary: StoredMultiPolygon | null;
  boundarySimplified: StoredMultiPolygon | null;
  /** from the full boundary; the simplified one when there is no full one; else the representative point */
  bbox: Bbox;
}

export interface ParsedTerritory {
  socialAreas: ParsedSocialArea[];
  municipalities: ParsedMunicipality[];
  /** things imported anyway, reported to the operator (e.g. a municipality without a boundary) */
  warnings: string[];
}

const MUNICIPALITY_COLUMNS = ['istat_code', 'name', 'province_code', 'population', 'area_km2', 'lat', 'lon', 'social_area_code'] as const;
const SOCIAL_AREA_COLUMNS = ['social_area_code', 'social_area_name'] as const;
export const SOCIAL_AREA_CODE = /^[A-Za-z0-9_-]{1,64}$/;
/** Names of municipalities, social areas and metropolitan cities: the API's documents declare this limit. */
export const MAX_TERRITORY_NAME = 300;
const ISTAT_CODE = /^\d{6}$/;
const INTEGER = /^\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const MAX_INT4 = 2_147_483_647;
/** numeric(10,2) */
const MAX_AREA_KM2 = 99_999_999.99;
/** listed in the error message; every problem is in `details` */
const MESSAGE_PROBLEMS = 20;

class Problems {
  readonly list: { where: string; message: string }[] = [];

  add(where: string, message: string): void {
    this.list.push({ where, message });
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, MESSAGE_PROBLEMS).map((p) => `${p.where}: ${p.message}`);
    const more = this.list.length > MESSAGE_PROBLEMS ? `; … and ${this.list.length - MESSAGE_PROBLEMS} more` : '';
    const count = this.list.length === 1 ? '1 problem' : `${this.list.length} problems`;
    const details: FieldProblem[] = this.list.map((p) => ({ field: p.where, messages: [p.message] }));
    throw TerritoryErrors.TERRITORY_IMPORT_INVALID(
      `Territory files not imported (${count}, nothing was written): ${shown.join('; ')}${more}`,
      details,
    );
  }
}

interface CsvRow {
  line: number;
  values: Record<string, string>;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Parses a CSV with a header row; each row keeps the line number it starts on (header = line 1). */
function parseCsv(file: string, text: string, required: readonly string[], problems: Problems): CsvRow[] | null {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let header: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        return header;
      },
      info: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    const message = error instanceof CsvError ? error.message : String(error);
    problems.add(file, `not a valid CSV file (${message})`);
    return null;
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.add(
      `${file} line 1`,
      `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header: ${header.join(',') || 'empty'})`,
    );
    return null;
  }
  return records.map(({ record, info }) => {
    // info.lines is the line the record ends on: a record spanning lines (a quoted newline) starts earlier
    const span = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - span, values: record };
  });
}

function parseJson(file: string, text: string, problems: Problems): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.add(file, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

/** Checks a (Multi)Polygon and returns it as a 2D MultiPolygon, or a description of the first problem. */
export function checkGeometry(geometry: unknown): { geometry: StoredMultiPolygon } | { problem: string } {
  if (!geometry || typeof geometry !== 'object') return { problem: 'geometry is missing' };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon')
    return { problem: `geometry type ${JSON.stringify(type)} is not Polygon or MultiPolygon` };
  if (!Array.isArray(coordinates) || coordinates.length === 0) return { problem: `${type} has no coordinates` };
  const polygons = (type === 'Polygon' ? [coordinates] : coordinates) as unknown[];
  const out: PolygonCoordinates[] = [];
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    const at = (r: number) => (type === 'MultiPolygon' ? `polygon ${p} ring ${r}` : `ring ${r}`);
    if (!Array.isArray(rings) || rings.length === 0)
      return { problem: `${type === 'MultiPolygon' ? `polygon ${p}` : 'polygon'} has no rings` };
    const polygon: Position[][] = [];
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r];
      if (!Array.isArray(ring) || ring.length < 4) return { problem: `${at(r)} has fewer than 4 positions` };
      const positions: Position[] = [];
      for (let i = 0; i < ring.length; i++) {
        const pos = ring[i];
        if (
          !Array.isArray(pos) ||
          pos.length < 2 ||
          typeof pos[0] !== 'number' ||
          typeof pos[1] !== 'number' ||
          !Number.isFinite(pos[0]) ||
          !Number.isFinite(pos[1])
        ) {
          return { problem: `${at(r)} position ${i} is not a [lon, lat] pair of numbers` };
        }
        if (pos[0] < -180 || pos[0] > 180 || pos[1] < -90 || pos[1] > 90)
          return { problem: `${at(r)} position ${i} [${pos[0]}, ${pos[1]}] is outside lon/lat range` };
        positions.push([pos[0], pos[1]]);
      }
      const first = positions[0];
      const last = positions[positions.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) return { problem: `${at(r)} is not closed (first and last positions differ)` };
      // No simplicity check on purpose: rings of the reference data touch themselves at a point.
      polygon.push(positions);
    }
    out.push(polygon);
  }
  return { geometry: { type: 'MultiPolygon', coordinates: out } };
}

interface FeatureEntry {
  geometry: StoredMultiPolygon;
  cadastralCode: string | null;
}

/** Reads a FeatureCollection of municipality boundaries keyed by istat_code. */
function parseBoundaries(file: string, text: string, known: ReadonlySet<string>, problems: Problems): Map<string, FeatureEntry> {
  const out = new Map<string, FeatureEntry>();
  const json = parseJson(file, text, problems);
  if (json === undefined) return out;
  const fc = json as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.add(file, 'not a GeoJSON FeatureCollection with a "features" array');
    return out;
  }
  const firstIndex = new Map<string, number>();
  fc.features.forEach((feature: unknown, index: number) => {
    const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    const props = (f && typeof f.properties === 'object' && f.properties ? f.properties : {}) as Record<string, unknown>;
    const code = props.istat_code;
    const where = `${file} features[${index}]${typeof code === 'string' ? ` (istat_code ${code})` : ''}`;
    if (!f || typeof f !== 'object' || f.type !== 'Feature') return problems.add(where, 'not a GeoJSON Feature');
    if (typeof code !== 'string' || !ISTAT_CODE.test(code))
      return problems.add(where, `properties.istat_code ${JSON.stringify(code ?? null)} is not a 6-digit string`);
    if (!known.has(code)) return problems.add(where, `istat_code ${code} matches no row of the municipalities CSV`);
    if (firstIndex.has(code)) return problems.add(where, `duplicate istat_code ${code} (also features[${firstIndex.get(code)}])`);
    firstIndex.set(code, index);
    const checked = checkGeometry(f.geometry);
    if ('problem' in checked) return problems.add(where, checked.problem);
    const cadastral = typeof props.cadastral_code === 'string' && props.cadastral_code.trim() ? props.cadastral_code.trim() : null;
    out.set(code, { geometry: checked.geometry, cadastralCode: cadastral });
  });
  return out;
}

function parseSocialAreas(
  file: string,
  text: string,
  problems: Problems,
): Map<string, { name: string; line: number; members: string[] | null }> {
  const out = new Map<string, { name: string; line: number; members: string[] | null }>();
  const rows = parseCsv(file, text, SOCIAL_AREA_COLUMNS, problems);
  if (!rows) return out;
  if (rows.length === 0) problems.add(file, 'no social areas (the file has a header and no rows)');
  for (const { line, values } of rows) {
    const code = values.social_area_code ?? '';
    const name = values.social_area_name ?? '';
    const where = `${file} line ${line}`;
    if (!SOCIAL_AREA_CODE.test(code)) {
      problems.add(where, `social_area_code ${quote(code)} must be 1–64 letters, digits, "_" or "-"`);
      continue;
    }
    if (!name) problems.add(where, `social_area_name is empty (${code})`);
    else if (name.length > MAX_TERRITORY_NAME)
      problems.add(where, `social_area_name is longer than ${MAX_TERRITORY_NAME} characters (${code})`);
    const previous = out.get(code);
    if (previous) {
      problems.add(where, `duplicate social_area_code ${code} (also line ${previous.line})`);
      continue;
    }
    const members =
      values.member_istat_codes === undefined
        ? null
        : values.member_istat_codes
            .split(';')
            .map((c) => c.trim())
            .filter(Boolean);
    out.set(code, { name, line, members });
  }
  return out;
}

/** Validates the four files' contents together. Throws TERRITORY_IMPORT_INVALID listing every problem. */
export function parseTerritory(sources: TerritorySources, names: TerritoryFileNames, expect: TerritoryExpectations): ParsedTerritory {
  const problems = new Problems();
  const warnings: string[] = [];
  const areas = parseSocialAreas(names.socialAreas, sources.socialAreas, problems);

  const file = names.municipalities;
  const rows = parseCsv(file, sources.municipalities, MUNICIPALITY_COLUMNS, problems) ?? [];
  if (rows.length === 0 && problems.list.every((p) => !p.where.startsWith(file)))
    problems.add(file, 'no municipalities (the file has a header and no rows)');
  const lineOf = new Map<string, number>();
  const municipalities: Omit<ParsedMunicipality, 'boundary' | 'boundarySimplified' | 'bbox'>[] = [];
  for (const { line, values: v } of rows) {
    const code = v.istat_code ?? '';
    const where = `${file} line ${line}${ISTAT_CODE.test(code) ? ` (istat_code ${code})` : ''}`;
    const before = problems.list.length;
    if (!ISTAT_CODE.test(code)) problems.add(where, `istat_code ${quote(code)} is not 6 digits`);
    else if (lineOf.has(code)) problems.add(where, `duplicate istat_code ${code} (also line ${lineOf.get(code)})`);
    else if (!code.startsWith(expect.provinceCode)) problems.add(where, `istat_code ${code} is not in province ${expect.provinceCode}`);
    if (v.province_code !== expect.provinceCode)
      problems.add(where, `province_code ${quote(v.province_code ?? '')} is not ${expect.provinceCode}`);
    if (!v.name) problems.add(where, 'name is empty');
    else if (v.name.length > MAX_TERRITORY_NAME) problems.add(where, `name is longer than ${MAX_TERRITORY_NAME} characters`);
    const population = INTEGER.test(v.population ?? '') ? Number(v.population) : NaN;
    if (!(population <= MAX_INT4)) problems.add(where, `population ${quote(v.population ?? '')} is not an integer ≥ 0`);
    const area = DECIMAL.test(v.area_km2 ?? '') ? Number(v.area_km2) : NaN;
    if (!(area > 0 && area <= MAX_AREA_KM2)) problems.add(where, `area_km2 ${quote(v.area_km2 ?? '')} is not a number > 0`);
    const lat = DECIMAL.test(v.lat ?? '') ? Number(v.lat) : NaN;
    if (!(lat >= -90 && lat <= 90)) problems.add(where, `lat ${quote(v.lat ?? '')} is not a latitude (−90…90)`);
    const lon = DECIMAL.test(v.lon ?? '') ? Number(v.lon) : NaN;
    if (!(lon >= -180 && lon <= 180)) problems.add(where, `lon ${quote(v.lon ?? '')} is not a longitude (−180…180)`);
    let populationYear = expect.populationYear;
    if (v.population_year !== undefined && v.population_year !== '') {
      populationYear = INTEGER.test(v.population_year) ? Number(v.population_year) : NaN;
      if (!(populationYear >= 1861 && populationYear <= 2200))
        problems.add(where, `population_year ${quote(v.population_year)} is not a year`);
    }
    const areaCode = v.social_area_code ?? '';
    if (areaCode) {
      const area = areas.get(areaCode);
      if (!area) problems.add(where, `social_area_code ${quote(areaCode)} is not in ${names.socialAreas}`);
      else if (v.social_area_name && v.social_area_name !== area.name) {
        problems.add(
          where,
          `social_area_name ${quote(v.social_area_name)} differs from ${quote(area.name)} in ${names.socialAreas} line ${area.line}`,
        );
      }
    } else {
      warnings.push(`${code} ${v.name}: no social area (${file} line ${line})`);
    }
    if (ISTAT_CODE.test(code) && !lineOf.has(code)) lineOf.set(code, line);
    if (problems.list.length > before) continue;
    municipalities.push({
      istatCode: code,
      name: v.name,
      provinceCode: v.province_code,
      cadastralCode: v.cadastral_code?.trim() || null,
      population,
      populationYear,
      areaKm2: Math.round(area * 100) / 100,
      lat,
      lon,
      socialAreaCode: areaCode || null,
    });
  }

  // The social-areas file may list members: they must agree with the municipalities' own column.
  for (const [code, area] of areas) {
    const fromRows = rows.filter((r) => r.values.social_area_code === code).map((r) => r.values.istat_code);
    if (area.members) {
      const extra = area.members.filter((m) => !fromRows.includes(m));
      const absent = fromRows.filter((m) => !area.members!.includes(m));
      if (extra.length > 0 || absent.length > 0) {
        const parts = [
          extra.length > 0 ? `lists ${extra.join(', ')} which ${file} puts elsewhere or lacks` : '',
          absent.length > 0 ? `does not list ${absent.join(', ')} which ${file} puts in ${code}` : '',
        ].filter(Boolean);
        problems.add(`${names.socialAreas} line ${area.line} (${code})`, `member_istat_codes ${parts.join(' and ')}`);
      }
    }
    if (fromRows.length === 0) warnings.push(`social area ${code} has no municipalities`);
  }

  const known = new Set(lineOf.keys());
  const full = parseBoundaries(names.boundaries, sources.boundaries, known, problems);
  const simplified = parseBoundaries(names.simplified, sources.simplified, known, problems);
  problems.throwIfAny();

  const result: ParsedMunicipality[] = municipalities.map((m) => {
    const boundary = full.get(m.istatCode);
    const display = simplified.get(m.istatCode);
    if (!boundary) warnings.push(`${m.istatCode} ${m.name}: no boundary in ${names.boundaries} (imported without one: not found by point)`);
    if (!display)
      warnings.push(`${m.istatCode} ${m.name}: no boundary in ${names.simplified} (the map draws the full one${boundary ? '' : ': none'})`);
    const point = { lat: m.lat, lon: m.lon };
    if (boundary && !pointInGeometry(point, boundary.geometry)) {
      warnings.push(`${m.istatCode} ${m.name}: the representative point ${m.lat},${m.lon} is outside its boundary`);
    }
    const shape = boundary?.geometry ?? display?.geometry;
    return {
      ...m,
      cadastralCode: m.cadastralCode ?? boundary?.cadastralCode ?? display?.cadastralCode ?? null,
      boundary: boundary?.geometry ?? null,
      boundarySimplified: display?.geometry ?? null,
      bbox: shape ? geometryBbox(shape) : [m.lon, m.lat, m.lon, m.lat],
    };
  });
  return { socialAreas: [...areas].map(([code, a]) => ({ code, name: a.name })), municipalities: result, warnings };
}

/** Reads the four files of `slug` from `dir` and validates them. */
export function readTerritoryFiles(dir: string, slug: string, expect: TerritoryExpectations): ParsedTerritory {
  const names = territoryFileNames(slug);
  const missing = Object.values(names).filter((name) => !existsSync(join(dir, name)));
  if (missing.length > 0) {
    throw TerritoryErrors.TERRITORY_IMPORT_INVALID(
      `Territory files not imported (nothing was written): ${missing.join(', ')} not found in ${dir}`,
      missing.map((name) => ({ field: name, messages: ['file not found'] })),
    );
  }
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return parseTerritory(
    {
      municipalities: read(names.municipalities),
      socialAreas: read(names.socialAreas),
      boundaries: read(names.boundaries),
      simplified: read(names.simplified),
    },
    names,
    expect,
  );
}

/** The optional file of population figures by year beside the territory files (one for every tenant of the folder). */
export const POPULATION_SOURCES_FILE = 'population-sources.csv';
/** `istat_residents_2021_01_01`: ISTAT residents on 1 January of the year (the census count). */
const ISTAT_RESIDENTS_COLUMN = /^istat_residents_(\d{4})_01_01$/;

export interface ParsedPopulation {
  istatCode: string;
  year: number;
  population: number;
  source: string;
}

/**
 * The extra population years of `population-sources.csv` (its `istat_residents_<year>_01_01`
 * columns) for the municipalities in `istatCodes`; rows of other tenants are ignored; an empty
 * cell is no figure. A malformed figure rejects the import like any other problem.
 */
export function parsePopulationSources(text: string, istatCodes: ReadonlySet<string>): ParsedPopulation[] {
  const problems = new Problems();
  const rows = parseCsv(POPULATION_SOURCES_FILE, text, ['istat_code'], problems);
  problems.throwIfAny();
  const out: ParsedPopulation[] = [];
  for (const { line, values } of rows ?? []) {
    if (!istatCodes.has(values.istat_code)) continue;
    for (const [column, raw] of Object.entries(values)) {
      const m = ISTAT_RESIDENTS_COLUMN.exec(column);
      if (!m || raw === '') continue;
      const population = INTEGER.test(raw) ? Number(raw) : NaN;
      if (!(population <= MAX_INT4)) {
        problems.add(`${POPULATION_SOURCES_FILE} line ${line}`, `${column} ${quote(raw)} is not an integer ≥ 0`);
        continue;
      }
      out.push({ istatCode: values.istat_code, year: Number(m[1]), population, source: `ISTAT ${column}` });
    }
  }
  problems.throwIfAny();
  return out;
}

/** Reads `population-sources.csv` from `dir` when present ([] when absent). */
export function readPopulationSources(dir: string, istatCodes: ReadonlySet<string>): ParsedPopulation[] {
  const path = join(dir, POPULATION_SOURCES_FILE);
  if (!existsSync(path)) return [];
  return parsePopulationSources(readFileSync(path, 'utf8'), istatCodes);
}

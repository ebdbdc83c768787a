import { parse } from 'csv-parse/sync';
import type request from 'supertest';

/**
 * The access matrix of a feature, declared once and checked over HTTP on every surface that shows
 * its records: **viewers × fixtures × expected visibility**.
 *
 * A feature names its viewers (signed-in users of the test world) and its fixtures (records created
 * by the test), and says which fixtures each viewer may see. For every viewer the harness then
 * checks every fixture on each surface the feature declares:
 * - `detail`: `GET path(id)` is 200 (with that record) for a visible fixture, 404 for the others;
 * - `list`: the record is in the list for a visible fixture (that matches the variant's filters),
 *   absent otherwise; nothing outside the matrix is listed; `total` counts what is listed;
 * - `export`: the same, over the rows of the CSV file;
 * - `history`: 200 vs 404, like detail;
 * - `mapLayer`: the record is a feature of the GeoJSON FeatureCollection, or absent;
 * - `files`: 200 vs 404 on the URL of a fixture's file.
 * Each surface is optional and may narrow the expectation (`sees`): e.g. municipality users read
 * an activity but not its history. A failure names surface, viewer and fixture:
 * `history — viewer muniBari, fixture A.approved.Bari: expected 404 (hidden), got 200`.
 *
 * The harness knows nothing of repositories or tables: only URLs, status codes and bodies.
 */

type Http = ReturnType<typeof request>;
type Headers = Record<string, string>;

/** Whether `viewer` sees `fixture` on one surface; `seen` is the matrix's answer (`sees`). */
export type SurfaceSees<V extends string, F extends string> = (viewer: V, fixture: F, seen: boolean) => boolean;

interface SurfaceBase<V extends string, F extends string> {
  /** narrows (or overrides) the matrix's expectation on this surface */
  sees?: SurfaceSees<V, F>;
}

export interface DetailSurface<V extends string, F extends string> extends SurfaceBase<V, F> {
  path: (id: string) => string;
  /** the error code of the 404 body (not found and not yours look the same) */
  notFoundCode?: string;
  /** the id of the record in a 200 body (default `body.id`) */
  idOf?: (body: unknown) => string;
}

export interface ListVariant<V extends string, F extends string> extends SurfaceBase<V, F> {
  /** shown in the test name and the failures: "list (status=approved)" */
  name?: string;
  /** the URL with the filters of this variant; a function when it needs ids known only at run time */
  path: string | (() => string);
  /** the fixtures the filters select (default: all): the expected items are `sees ∧ matches` */
  matches?: (fixture: F) => boolean;
  /** the items of a page (default `body.items`) */
  items?: (body: unknown) => unknown[];
  /** the id of an item (default `item.id`) */
  idOf?: (item: unknown) => string;
  /** the number of matches the page reports (default `body.total`; null: not checked) */
  total?: ((body: unknown) => number) | null;
  /** false when the feature's other tests may have created records the matrix does not know */
  onlyFixtures?: boolean;
  /** more about the page (e.g. `totalCapped`): a problem to report, or undefined */
  assert?: (body: unknown) => string | undefined;
}

export interface ExportVariant<V extends string, F extends string> extends SurfaceBase<V, F> {
  name?: string;
  path: string | (() => string);
  matches?: (fixture: F) => boolean;
  /** the id of a CSV row (default the `id` column) */
  idOf?: (row: Record<string, string>) => string;
  onlyFixtures?: boolean;
}

export interface HistorySurface<V extends string, F extends string> extends SurfaceBase<V, F> {
  path: (id: string) => string;
  notFoundCode?: string;
}

export interface MapLayerVariant<V extends string, F extends string> extends SurfaceBase<V, F> {
  name?: string;
  /** the URL of the layer (a GeoJSON FeatureCollection) */
  path: string | (() => string);
  /** the fixtures that are on this layer (e.g. those with a location) */
  matches?: (fixture: F) => boolean;
  /** the record id of a GeoJSON feature (default `feature.id`, then `feature.properties.id`) */
  idOf?: (feature: GeoJsonFeature) => string;
  onlyFixtures?: boolean;
}

export interface FilesSurface<V extends string, F extends string> extends SurfaceBase<V, F> {
  /** the URL of a fixture's file; undefined for a fixture without one (not checked) */
  url: (fixture: F) => string | undefined;
}

export interface GeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  properties?: Record<string, unknown> | null;
  geometry: unknown;
}

export interface AccessMatrix<V extends string, F extends string> {
  /** the feature, in test names: "activities access matrix" */
  feature: string;
  http: () => Http;
  viewers: readonly V[];
  fixtures: readonly F[];
  /** the headers that sign a viewer in (resolved when the tests run) */
  auth: (viewer: V) => Headers;
  /** the id of a fixture (resolved when the tests run) */
  id: (fixture: F) => string;
  /** viewer → every fixture that viewer may see: the rule, spelled out */
  sees: Record<V, readonly F[]>;
  detail?: DetailSurface<V, F>;
  list?: ListVariant<V, F> | ListVariant<V, F>[];
  export?: ExportVariant<V, F> | ExportVariant<V, F>[];
  history?: HistorySurface<V, F>;
  mapLayer?: MapLayerVariant<V, F> | MapLayerVariant<V, F>[];
  files?: FilesSurface<V, F>;
}

/** One check of one surface for one viewer; `run` returns the mismatches, each naming surface, viewer and fixture. */
export interface MatrixCheck<V extends string> {
  surface: string;
  viewer: V;
  run: () => Promise<string[]>;
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const resolve = (path: string | (() => string)) => (typeof path === 'function' ? path() : path);
const label = (surface: string, variant?: string) => (variant ? `${surface} (${variant})` : surface);
const field = (x: unknown, key: string): unknown => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[key] : undefined);
const said = (seen: boolean) => (seen ? 'visible' : 'hidden');

/** Refuses a matrix that does not say what it means: unknown names, a viewer without a row. */
function validate<V extends string, F extends string>(m: AccessMatrix<V, F>): void {
  const fixtures = new Set<string>(m.fixtures);
  const problems: string[] = [];
  if (new Set(m.viewers).size !== m.viewers.length) problems.push('viewers are listed twice');
  if (fixtures.size !== m.fixtures.length) problems.push('fixtures are listed twice');
  for (const viewer of m.viewers) {
    if (!(viewer in m.sees)) problems.push(`viewer ${viewer} has no row in sees`);
    for (const f of m.sees[viewer] ?? []) if (!fixtures.has(f)) problems.push(`sees.${viewer} names an unknown fixture ${f}`);
  }
  for (const key of Object.keys(m.sees)) if (!m.viewers.includes(key as V)) problems.push(`sees names an unknown viewer ${key}`);
  const surfaces = [m.detail, m.history, m.files, ...asArray(m.list), ...asArray(m.export), ...asArray(m.mapLayer)].filter(Boolean);
  if (surfaces.length === 0) problems.push('no surface to check');
  if (problems.length) throw new Error(`access matrix of ${m.feature}: ${problems.join('; ')}`);
}

/** The expected visibility of every fixture for a viewer on a surface. */
function expectation<V extends string, F extends string>(m: AccessMatrix<V, F>, viewer: V, surface: SurfaceBase<V, F>) {
  const seen = new Set(m.sees[viewer]);
  return (f: F) => (surface.sees ? surface.sees(viewer, f, seen.has(f)) : seen.has(f));
}

/** Compares the ids a collection returned with the expectation, fixture by fixture. */
function compareCollection<V extends string, F extends string>(
  m: AccessMatrix<V, F>,
  where: string,
  viewer: V,
  returned: string[],
  expected: (f: F) => boolean,
  onlyFixtures: boolean,
): string[] {
  const out: string[] = [];
  const present = new Set(returned);
  const known = new Map<string, F>();
  for (const f of m.fixtures) {
    const id = m.id(f);
    known.set(id, f);
    const want = expected(f);
    if (want !== present.has(id)) {
      out.push(
        `${where} — viewer ${viewer}, fixture ${f}: expected ${want ? 'present' : 'absent'}, got ${present.has(id) ? 'present' : 'absent'}`,
      );
    }
  }
  if (new Set(returned).size !== returned.length) out.push(`${where} — viewer ${viewer}: a record is returned twice`);
  if (onlyFixtures) {
    for (const id of present)
      if (!known.has(id)) out.push(`${where} — viewer ${viewer}: returns ${id}, which is not a fixture of the matrix`);
  }
  return out;
}

async function statusCheck<V extends string, F extends string>(
  m: AccessMatrix<V, F>,
  surface: string,
  viewer: V,
  expected: (f: F) => boolean,
  url: (f: F) => string | undefined,
  notFoundCode?: string,
  idOf?: (body: unknown) => string,
): Promise<string[]> {
  const out: string[] = [];
  for (const f of m.fixtures) {
    const path = url(f);
    if (path === undefined) continue;
    const res = await m.http().get(path).set(m.auth(viewer));
    const want = expected(f) ? 200 : 404;
    const where = `${surface} — viewer ${viewer}, fixture ${f}`;
    if (res.status !== want) {
      out.push(`${where}: expected ${want} (${said(want === 200)}), got ${res.status}`);
    } else if (want === 404 && notFoundCode !== undefined && field(res.body, 'code') !== notFoundCode) {
      out.push(`${where}: expected code ${notFoundCode}, got ${JSON.stringify(field(res.body, 'code'))}`);
    } else if (want === 200 && idOf && idOf(res.body) !== m.id(f)) {
      out.push(`${where}: 200 with another record (${idOf(res.body)})`);
    }
  }
  return out;
}

/** Every check the matrix declares, one per surface (and variant) and viewer. */
export function matrixChecks<V extends string, F extends string>(m: AccessMatrix<V, F>): MatrixCheck<V>[] {
  validate(m);
  const checks: MatrixCheck<V>[] = [];
  const each = (surface: string, run: (viewer: V) => Promise<string[]>) => {
    for (const viewer of m.viewers) checks.push({ surface, viewer, run: () => run(viewer) });
  };

  const detail = m.detail;
  if (detail) {
    each('detail', (viewer) =>
      statusCheck(
        m,
        'detail',
        viewer,
        expectation(m, viewer, detail),
        (f) => detail.path(m.id(f)),
        detail.notFoundCode,
        detail.idOf ?? ((body) => String(field(body, 'id'))),
      ),
    );
  }

  for (const list of asArray(m.list)) {
    const where = label('list', list.name);
    each(where, async (viewer) => {
      const res = await m.http().get(resolve(list.path)).set(m.auth(viewer));
      if (res.status !== 200) return [`${where} — viewer ${viewer}: expected 200, got ${res.status}`];
      const items = (list.items ?? ((body) => field(body, 'items') as unknown[]))(res.body);
      const ids = items.map(list.idOf ?? ((item) => String(field(item, 'id'))));
      const sees = expectation(m, viewer, list);
      const out = compareCollection(m, where, viewer, ids, (f) => sees(f) && (list.matches?.(f) ?? true), list.onlyFixtures ?? true);
      const total = list.total === undefined ? (body: unknown) => field(body, 'total') as number : list.total;
      if (total !== null && total(res.body) !== ids.length) {
        out.push(`${where} — viewer ${viewer}: total ${total(res.body)} but ${ids.length} items (is the page too small?)`);
      }
      const problem = list.assert?.(res.body);
      if (problem !== undefined) out.push(`${where} — viewer ${viewer}: ${problem}`);
      return out;
    });
  }

  for (const file of asArray(m.export)) {
    const where = label('export', file.name);
    each(where, async (viewer) => {
      const res = await m.http().get(resolve(file.path)).set(m.auth(viewer));
      if (res.status !== 200) return [`${where} — viewer ${viewer}: expected 200, got ${res.status}`];
      const rows: Record<string, string>[] = parse(res.text, { columns: true, bom: true });
      const ids = rows.map(file.idOf ?? ((row) => row.id));
      const sees = expectation(m, viewer, file);
      return compareCollection(m, where, viewer, ids, (f) => sees(f) && (file.matches?.(f) ?? true), file.onlyFixtures ?? true);
    });
  }

  const history = m.history;
  if (history) {
    each('history', (viewer) =>
      statusCheck(m, 'history', viewer, expectation(m, viewer, history), (f) => history.path(m.id(f)), history.notFoundCode),
    );
  }

  for (const layer of asArray(m.mapLayer)) {
    const where = label('map layer', layer.name);
    each(where, async (viewer) => {
      const res = await m.http().get(resolve(layer.path)).set(m.auth(viewer));
      if (res.status !== 200) return [`${where} — viewer ${viewer}: expected 200, got ${res.status}`];
      if (field(res.body, 'type') !== 'FeatureCollection') return [`${where} — viewer ${viewer}: not a GeoJSON FeatureCollection`];
      const features = field(res.body, 'features') as GeoJsonFeature[];
      const ids = features.map(layer.idOf ?? ((feature) => String(feature.id ?? field(feature.properties, 'id'))));
      const sees = expectation(m, viewer, layer);
      return compareCollection(m, where, viewer, ids, (f) => sees(f) && (layer.matches?.(f) ?? true), layer.onlyFixtures ?? true);
    });
  }

  const files = m.files;
  if (files) each('files', (viewer) => statusCheck(m, 'files', viewer, expectation(m, viewer, files), (f) => files.url(f)));

  return checks;
}

/**
 * Declares the matrix's tests in the current `describe`: one test per surface (and variant) and
 * viewer, each checking every fixture and reporting every mismatch at once. Call it at the top level
 * of a describe whose `beforeAll` creates the viewers and fixtures (resolved lazily by `auth`/`id`).
 */
export function describeAccessMatrix<V extends string, F extends string>(m: AccessMatrix<V, F>): void {
  const checks = matrixChecks(m);
  const bySurface = new Map<string, MatrixCheck<V>[]>();
  for (const c of checks) bySurface.set(c.surface, [...(bySurface.get(c.surface) ?? []), c]);
  describe(`${m.feature} access matrix (${m.viewers.length} viewers × ${m.fixtures.length} fixtures)`, () => {
    for (const [surface, list] of bySurface) {
      it.each(list.map((c) => [c.viewer, c] as const))(`${surface}: %s sees exactly the fixtures of the rule`, async (_viewer, check) => {
        expect(await check.run()).toEqual([]);
      });
    }
  });
}

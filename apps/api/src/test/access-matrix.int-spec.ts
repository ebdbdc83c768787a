import { type ActivityWorld, activityWorld } from './activity-fixtures';
import { type AccessMatrix, matrixChecks } from './access-matrix';
import { createTestApp, type TestApp } from './test-app';
import { type Fixture, TERRITORY_SEES, territoryMatrix, type Viewer } from './territory-matrix';

type Matrix = AccessMatrix<Viewer, Fixture>;

/** The harness itself, on the municipalities' surfaces: it must fail loudly, and say where. */
describe('access-matrix harness', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let matrix: Matrix;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    matrix = territoryMatrix(
      () => t,
      () => w,
    );
  });
  afterAll(() => t.close());

  const run = async (m: AccessMatrix<Viewer, Fixture>, viewers: Viewer[]) =>
    (
      await Promise.all(
        matrixChecks(m)
          .filter((c) => viewers.includes(c.viewer))
          .map((c) => c.run()),
      )
    ).flat();

  it('passes the true rule', async () => {
    expect(await run(matrix, ['muniBari', 'coord'])).toEqual([]);
  });

  it('reports a broken rule on every surface, naming surface, viewer and fixture', async () => {
    // the rule as someone might get it wrong: the Comune of Bari also seeing Corato
    const wrong = { ...matrix, sees: { ...TERRITORY_SEES, muniBari: ['072006', '072020'] as Fixture[] } };
    expect(await run(wrong, ['muniBari', 'coord'])).toEqual([
      'detail — viewer muniBari, fixture 072020: expected 200 (visible), got 404',
      'list — viewer muniBari, fixture 072020: expected present, got absent',
      'list (socialArea=ATS_BA_CORATO) — viewer muniBari, fixture 072020: expected present, got absent',
      'map layer — viewer muniBari, fixture 072020: expected present, got absent',
    ]);
    // and the other way: a coordinator denied what they see
    const hidden = { ...matrix, sees: { ...TERRITORY_SEES, coord: TERRITORY_SEES.coord.filter((f) => f !== '072029') } };
    expect(await run(hidden, ['coord'])).toEqual([
      'detail — viewer coord, fixture 072029: expected 404 (hidden), got 200',
      'list — viewer coord, fixture 072029: expected absent, got present',
      'map layer — viewer coord, fixture 072029: expected absent, got present',
      'map layer (socialArea=ATS_BA_MOLFETTA) — viewer coord, fixture 072029: expected absent, got present',
    ]);
  });

  it('reports what a surface returns outside the matrix, and a wrong 404 code', async () => {
    const fewer = { ...matrix, fixtures: matrix.fixtures.filter((f) => f !== '072038'), sees: withoutRuvo() };
    const reports = await run({ ...fewer, detail: { ...matrix.detail!, notFoundCode: 'NOPE' } }, ['innBo']);
    expect(reports).toContain('detail — viewer innBo, fixture 072006: expected code NOPE, got "MUNICIPALITY_NOT_FOUND"');
    const coordReports = await run(fewer, ['coord']);
    expect(coordReports).toEqual([
      'list — viewer coord: returns 072038, which is not a fixture of the matrix',
      'list (socialArea=ATS_BA_CORATO) — viewer coord: returns 072038, which is not a fixture of the matrix',
      'map layer — viewer coord: returns 072038, which is not a fixture of the matrix',
    ]);
  });

  it('checks files: 200 vs 404 per fixture with a file, skipping those without one', async () => {
    // no feature serves files yet: the municipality detail URL stands in for a file URL
    const files = {
      ...matrix,
      detail: undefined,
      list: undefined,
      mapLayer: undefined,
      sees: { ...TERRITORY_SEES, areaMolfetta: ['072029', '072022', '072006'] as Fixture[] },
      files: { url: (f: Fixture) => (f === '072022' ? undefined : `/api/municipalities/${f}`) },
    };
    expect(await run(files, ['areaMolfetta'])).toEqual(['files — viewer areaMolfetta, fixture 072006: expected 200 (visible), got 404']);
  });

  it('refuses a matrix that names an unknown fixture, forgets a viewer or checks nothing', () => {
    const { admin: _admin, ...withoutAdmin } = TERRITORY_SEES;
    expect(() => matrixChecks({ ...matrix, sees: withoutAdmin as typeof TERRITORY_SEES })).toThrow('viewer admin has no row in sees');
    expect(() => matrixChecks({ ...matrix, sees: { ...TERRITORY_SEES, innA: ['999999' as Fixture] } })).toThrow(
      'sees.innA names an unknown fixture 999999',
    );
    expect(() => matrixChecks({ ...matrix, detail: undefined, list: undefined, mapLayer: undefined })).toThrow('no surface to check');
  });
});

function withoutRuvo(): typeof TERRITORY_SEES {
  return Object.fromEntries(
    Object.entries(TERRITORY_SEES).map(([viewer, fixtures]) => [viewer, fixtures.filter((f) => f !== '072038')]),
  ) as typeof TERRITORY_SEES;
}

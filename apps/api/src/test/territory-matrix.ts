// The municipalities' access matrix (territory module), shared by its spec and the harness's own test.
import type { AccessMatrix } from './access-matrix';
import type { ActivityWorld } from './activity-fixtures';
import type { TestApp } from './test-app';

export type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo', 'admin'];

/** The municipalities of the test world (factories.ts `twoTenants`), by ISTAT code, with their social area. */
const FIXTURES = {
  '072029': 'ATS_BA_MOLFETTA',
  '072022': 'ATS_BA_MOLFETTA',
  '072006': 'ATS_BA_BARI',
  '072020': 'ATS_BA_CORATO',
  '072038': 'ATS_BA_CORATO',
  '037006': 'DSS_BO_CITTA_DI_BOLOGNA',
  '037054': 'DSS_BO_SAVENA_IDICE',
} as const;
export type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BARI = ALL.filter((f) => f.startsWith('072'));
const BOLOGNA = ALL.filter((f) => f.startsWith('037'));

/**
 * Who sees which municipality (the `visible` rule of AccessScope): staff their tenant's,
 * municipality users their own territory, admins every tenant's. Municipalities are not secret
 * within a tenant: an innovator sees the ones not assigned to them too.
 */
export const TERRITORY_SEES: Record<Viewer, Fixture[]> = {
  innA: BARI,
  innB: BARI,
  innC: BARI,
  coord: BARI,
  muniBari: ['072006'],
  areaMolfetta: ['072029', '072022'],
  innBo: BOLOGNA,
  coordBo: BOLOGNA,
  admin: ALL,
};

/** The municipalities' access matrix: detail, list and the boundaries map layer (GeoJSON). */
export function territoryMatrix(t: () => TestApp, w: () => ActivityWorld): AccessMatrix<Viewer, Fixture> {
  return {
    feature: 'municipalities',
    http: () => t().http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w()[viewer].auth,
    // a municipality is known by its ISTAT code on every surface
    id: (fixture) => fixture,
    sees: TERRITORY_SEES,
    detail: {
      path: (istat) => `/api/municipalities/${istat}`,
      notFoundCode: 'MUNICIPALITY_NOT_FOUND',
      idOf: (body) => (body as { istatCode: string }).istatCode,
    },
    list: [
      { path: '/api/municipalities?pageSize=200', idOf: (item) => (item as { istatCode: string }).istatCode },
      {
        name: 'socialArea=ATS_BA_CORATO',
        path: '/api/municipalities?pageSize=200&socialArea=ATS_BA_CORATO',
        matches: (f) => FIXTURES[f] === 'ATS_BA_CORATO',
        idOf: (item) => (item as { istatCode: string }).istatCode,
      },
    ],
    mapLayer: [
      { path: '/api/map/municipalities' },
      {
        name: 'socialArea=ATS_BA_MOLFETTA',
        path: '/api/map/municipalities?socialArea=ATS_BA_MOLFETTA',
        matches: (f) => FIXTURES[f] === 'ATS_BA_MOLFETTA',
      },
    ],
  };
}

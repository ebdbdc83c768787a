import { maximiseFit } from './assignment-plan';
import { countsAsDemand, distanceKm, type MatchBuilding, type MatchOrganization, matchFit, OrganizationGrid } from './reuse-match';

const BARI = { lat: 41.1171, lon: 16.8719 };
const building: MatchBuilding = { municipalityId: 'bari', ...BARI, indoorAreaM2: 250, suitableUses: ['cultural'] };
const org = (o: Partial<MatchOrganization> = {}): MatchOrganization => ({
  municipalityId: 'bari',
  lat: BARI.lat + 0.005,
  lon: BARI.lon,
  themes: ['culture'],
  targetGroups: [],
  size: 'medium',
  ...o,
});

describe('matching', () => {
  it('measures distances', () => {
    expect(distanceKm(BARI, { lat: 41.2011, lon: 16.5986 })).toBeGreaterThan(20); // Molfetta
    expect(distanceKm(BARI, BARI)).toBe(0);
  });

  it('scores a close organization with shared themes and the right size, with reasons', () => {
    const f = matchFit(building, org(), 'it')!;
    expect(f.fit).toBe(20 + 30 + 15);
    expect(f.reasons).toEqual(['temi in comune: culture', 'a 0,6 km', 'superficie adatta (250 m²)']);
  });

  it('prefers closer, more themed, fitting organizations; refuses unrelated or far ones', () => {
    const near = matchFit(building, org(), 'en')!.fit;
    expect(matchFit(building, org({ lat: BARI.lat + 0.04 }), 'en')!.fit).toBeLessThan(near);
    expect(matchFit(building, org({ themes: ['culture', 'tourism'] }), 'en')!.fit).toBeGreaterThan(near);
    expect(matchFit(building, org({ size: 'large' }), 'en')!.fit).toBeLessThan(near);
    expect(matchFit(building, org({ themes: ['sport'] }), 'en')).toBeNull();
    expect(matchFit(building, org({ lat: 41.2011, lon: 16.5986, municipalityId: 'molfetta' }), 'en')).toBeNull();
    expect(matchFit(building, org({ lat: null, lon: null }), 'en')!.reasons).toContain('in the same municipality');
    expect(matchFit(building, org({ lat: null, lon: null, municipalityId: 'molfetta' }), 'en')).toBeNull();
  });

  it('counts demand within the radius through the grid as one by one', () => {
    const orgs = [
      org(),
      org({ lat: BARI.lat + 0.015 }), // ~1.7 km
      org({ lat: BARI.lat + 0.03 }), // ~3.3 km: out
      org({ themes: ['sport'] }), // unrelated
      org({ lat: null, lon: null }), // unplaced, same municipality
      org({ lat: null, lon: null, municipalityId: 'molfetta' }),
    ];
    const grid = new OrganizationGrid(orgs);
    expect(grid.demand(building)).toBe(3);
    expect(orgs.filter((o) => countsAsDemand(building, o)).length).toBe(3);
    expect(grid.demand({ ...building, lat: null, lon: null })).toBe(4); // its municipality, unrelated left out
  });

  it('counts through the grid exactly as one by one, on random worlds across Italy (a property)', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(list: readonly T[], n: number): T[] => list.filter(() => rand() < n / list.length);
    const THEMES = ['culture', 'sport', 'youth', 'housing', 'work', 'health', 'environment', 'legality'] as const;
    const TARGETS = ['children', 'youth', 'elderly', 'migrants', 'students', 'general_public'] as const;
    const USES = ['social', 'cultural', 'economic', 'sport', 'education', 'housing'] as const;
    for (const centre of [BARI, { lat: 46.5, lon: 11.35 }, { lat: 37.5, lon: 15.08 }]) {
      const place = (spreadKm: number) => ({
        lat: centre.lat + ((rand() - 0.5) * spreadKm) / 111.2,
        lon: centre.lon + ((rand() - 0.5) * spreadKm) / (111.2 * Math.cos((centre.lat * Math.PI) / 180)),
      });
      const municipalities = ['a', 'b', 'c'];
      const orgs: MatchOrganization[] = Array.from({ length: 600 }, () => ({
        municipalityId: municipalities[Math.floor(rand() * 3)],
        ...(rand() < 0.15 ? { lat: null, lon: null } : place(12)),
        themes: pick(THEMES, 1.5),
        targetGroups: pick(TARGETS, 1),
        size: null,
      }));
      const buildings: MatchBuilding[] = Array.from({ length: 300 }, () => ({
        municipalityId: municipalities[Math.floor(rand() * 3)],
        ...(rand() < 0.1 ? { lat: null, lon: null } : place(12)),
        indoorAreaM2: null,
        suitableUses: pick(USES, 1.2),
      }));
      // and organizations right at the radius (1.99–2.01 km) of a building, north, east and diagonal
      const b0 = buildings.find((b) => b.lat !== null)!;
      for (const km of [1.99, 1.999, 2.001, 2.01])
        for (const [dy, dx] of [
          [1, 0],
          [0, 1],
          [0.7071, 0.7071],
        ])
          orgs.push({
            municipalityId: 'z',
            lat: b0.lat! + (dy * km) / 111.195,
            lon: b0.lon! + (dx * km) / (111.195 * Math.cos((b0.lat! * Math.PI) / 180)),
            themes: [],
            targetGroups: [],
            size: null,
          });
      b0.suitableUses = [];
      const grid = new OrganizationGrid(orgs);
      for (const b of buildings) expect(grid.demand(b)).toBe(orgs.filter((o) => countsAsDemand(b, o)).length);
    }
  });
});

describe('assignment plan (Hungarian method)', () => {
  it('finds the known optimum of a square case', () => {
    // greedy takes 9 (row 0 → col 0) and ends at 9 + 1 + 1 = 11; the optimum is 8 + 7 + 6 = 21
    const fit = [
      [9, 8, 0],
      [8, 1, 7],
      [6, 0, 1],
    ];
    const plan = maximiseFit(fit);
    expect(plan.reduce((s, p) => s + p.fit, 0)).toBe(21);
    expect(plan.map((p) => [p.row, p.col])).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
    ]);
  });

  it('handles more buildings than organizations, and leaves out pairs without fit', () => {
    const fit = [
      [5, 0],
      [6, 0],
      [0, 0],
    ];
    const plan = maximiseFit(fit);
    expect(plan).toEqual([{ row: 1, col: 0, fit: 6 }]);
    const wide = maximiseFit([[1, 4, 3]]);
    expect(wide).toEqual([{ row: 0, col: 1, fit: 4 }]);
    expect(maximiseFit([])).toEqual([]);
  });

  it('matches brute force on random cases', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const permutations = (n: number): number[][] =>
      n === 0 ? [[]] : permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
    for (let k = 0; k < 20; k++) {
      const fit = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => Math.floor(rand() * 100)));
      const best = Math.max(...permutations(5).map((p) => p.reduce((s, c, r) => s + fit[r][c], 0)));
      expect(maximiseFit(fit).reduce((s, p) => s + p.fit, 0)).toBe(best);
    }
  });
});

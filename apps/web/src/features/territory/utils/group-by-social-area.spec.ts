import { describe, expect, it } from '@jest/globals';
import type { MunicipalityDto } from '../../../lib/reference/municipalities';
import { boundingBox, groupBySocialArea, matchesSearch } from './group-by-social-area';

const tenant = { id: 't', istatCode: '272', name: 'Città Metropolitana di Bari' };
function municipality(
  istatCode: string,
  name: string,
  population: number,
  area: [string, string] | null,
  lat = 41,
  lon = 16.8,
): MunicipalityDto {
  return {
    istatCode,
    name,
    population,
    populationYear: 2025,
    areaKm2: 10,
    lat,
    lon,
    socialArea: area ? { code: area[0], name: area[1] } : null,
    tenant,
    version: 1,
  };
}

const MOLFETTA: [string, string] = ['ATS_BA_MOLFETTA', 'Ambito territoriale sociale di Molfetta'];
const BARI: [string, string] = ['ATS_BA_BARI', 'Ambito territoriale sociale di Bari'];
const ALTAMURA: [string, string] = ['ATS_BA_ALTAMURA', 'Ambito territoriale sociale di Altamura'];

const sample = [
  municipality('072029', 'Molfetta', 57000, MOLFETTA),
  municipality('072006', 'Bari', 316000, BARI),
  municipality('072022', 'Giovinazzo', 19800, MOLFETTA),
  municipality('072041', 'Santeramo in Colle', 26000, ALTAMURA),
  municipality('072004', 'Altamura', 70566, ALTAMURA),
  municipality('072999', 'Nuovo Comune', 1000, null),
];

describe('groupBySocialArea', () => {
  it('makes one group per social area, ordered by name, with municipalities ordered by name', () => {
    const groups = groupBySocialArea(sample);
    expect(groups.map((g) => g.code)).toEqual(['ATS_BA_ALTAMURA', 'ATS_BA_BARI', 'ATS_BA_MOLFETTA', null]);
    expect(groups[0].municipalities.map((m) => m.name)).toEqual(['Altamura', 'Santeramo in Colle']);
    expect(groups[2].municipalities.map((m) => m.name)).toEqual(['Giovinazzo', 'Molfetta']);
  });

  it("sums each group's population and keeps every municipality exactly once", () => {
    const groups = groupBySocialArea(sample);
    expect(groups.map((g) => g.totalPopulation)).toEqual([96566, 316000, 76800, 1000]);
    expect(groups.flatMap((g) => g.municipalities.map((m) => m.istatCode)).sort()).toEqual(sample.map((m) => m.istatCode).sort());
  });

  it('puts municipalities without a social area last, in a group without a name', () => {
    const last = groupBySocialArea(sample).at(-1);
    expect(last).toMatchObject({ code: null, name: null });
    expect(last?.municipalities.map((m) => m.name)).toEqual(['Nuovo Comune']);
  });

  it('returns no groups for no municipalities', () => {
    expect(groupBySocialArea([])).toEqual([]);
  });

  it('orders with the given comparison (locale-aware: accents do not push a name to the end)', () => {
    const accented = [municipality('1', 'Zollino', 1, BARI), municipality('2', 'Ètna', 1, BARI), municipality('3', 'Alba', 1, BARI)];
    const collator = new Intl.Collator('it', { sensitivity: 'base' });
    expect(groupBySocialArea(accented, collator.compare)[0].municipalities.map((m) => m.name)).toEqual(['Alba', 'Ètna', 'Zollino']);
  });
});

describe('matchesSearch', () => {
  const santeramo = sample[3];
  it('finds by part of the name, ignoring case, accents and apostrophes', () => {
    expect(matchesSearch(santeramo, 'SANTER')).toBe(true);
    expect(matchesSearch(santeramo, "sant'eramo")).toBe(true);
    expect(matchesSearch(municipality('1', 'Cassano delle Murge', 1, null), 'cassanò')).toBe(true);
    expect(matchesSearch(santeramo, 'molfetta')).toBe(false);
  });
  it('finds by ISTAT code and by social area name', () => {
    expect(matchesSearch(santeramo, '072041')).toBe(true);
    expect(matchesSearch(santeramo, 'altamura')).toBe(true);
  });
  it('matches everything for an empty search', () => {
    expect(matchesSearch(santeramo, '   ')).toBe(true);
  });
});

describe('boundingBox', () => {
  it('spans the points with a margin, as minLon,minLat,maxLon,maxLat', () => {
    expect(
      boundingBox(
        [
          { lat: 41, lon: 16.5 },
          { lat: 40.8, lon: 17.2 },
        ],
        0.1,
      ),
    ).toBe('16.4,40.7,17.3,41.1');
  });
  it('is null without points', () => {
    expect(boundingBox([])).toBeNull();
  });
});

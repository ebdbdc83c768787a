import { AppError } from '../../common/errors/app-error';
import { readTerritoryFile } from '../../test/territory-data';
import { checkGeometry, parsePopulationSources, parseTerritory, territoryFileNames, TerritorySources } from './territory-files';

const names = territoryFileNames('bari');
const BARI = { provinceCode: '072', populationYear: 2026 };

function bariSources(): TerritorySources {
  return {
    municipalities: readTerritoryFile('bari-comuni.csv'),
    socialAreas: readTerritoryFile('bari-social-areas.csv'),
    boundaries: readTerritoryFile('bari-comuni.geojson'),
    simplified: readTerritoryFile('bari-comuni.simplified.geojson'),
  };
}

/** Replaces line `n` (1 = header) of a text. */
function editLine(text: string, n: number, edit: (line: string) => string): string {
  const lines = text.split('\n');
  lines[n - 1] = edit(lines[n - 1]);
  return lines.join('\n');
}

function setColumn(line: string, column: number, value: string): string {
  const cells = line.split(',');
  cells[column] = value;
  return cells.join(',');
}

function editFeatures(text: string, edit: (features: { properties: Record<string, unknown>; geometry: any }[]) => void): string {
  const fc = JSON.parse(text);
  edit(fc.features);
  return JSON.stringify(fc);
}

/** The TERRITORY_IMPORT_INVALID error thrown by parsing, or a failure. */
function rejection(sources: TerritorySources): AppError {
  try {
    parseTerritory(sources, names, BARI);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('TERRITORY_IMPORT_INVALID');
    expect((error as AppError).status).toBe(400);
    return error as AppError;
  }
  throw new Error('parseTerritory accepted invalid files');
}

describe('territory files: the reference data', () => {
  it('reads Bari: 41 municipalities in 12 social areas, with boundaries, bbox and the 2026 population', () => {
    const t = parseTerritory(bariSources(), names, BARI);
    expect(t.municipalities).toHaveLength(41);
    expect(t.socialAreas).toHaveLength(12);
    expect(t.warnings).toEqual([]);
    const bari = t.municipalities.find((m) => m.istatCode === '072006')!;
    expect(bari).toMatchObject({
      name: 'Bari',
      provinceCode: '072',
      population: 319069,
      populationYear: 2026,
      socialAreaCode: 'ATS_BA_BARI',
      cadastralCode: 'A662',
    });
    expect(bari.boundary?.type).toBe('MultiPolygon');
    expect(bari.boundarySimplified?.type).toBe('MultiPolygon');
    const [minLon, minLat, maxLon, maxLat] = bari.bbox;
    expect(minLon).toBeLessThan(16.8719);
    expect(maxLon).toBeGreaterThan(16.8719);
    expect(minLat).toBeLessThan(41.1177);
    expect(maxLat).toBeGreaterThan(41.1177);
    expect(t.socialAreas.find((a) => a.code === 'ATS_BA_MOLFETTA')).toEqual({
      code: 'ATS_BA_MOLFETTA',
      name: 'Ambito territoriale sociale di Molfetta',
    });
  });

  it('reads Bologna: 55 municipalities in 7 social areas, quoted names with commas included', () => {
    const t = parseTerritory(
      {
        municipalities: readTerritoryFile('bologna-comuni.csv'),
        socialAreas: readTerritoryFile('bologna-social-areas.csv'),
        boundaries: readTerritoryFile('bologna-comuni.geojson'),
        simplified: readTerritoryFile('bologna-comuni.simplified.geojson'),
      },
      territoryFileNames('bologna'),
      { provinceCode: '037', populationYear: 2026 },
    );
    expect(t.municipalities).toHaveLength(55);
    expect(t.socialAreas).toHaveLength(7);
    expect(t.socialAreas.map((a) => a.name)).toContain('Distretto Reno, Lavino e Samoggia');
  });

  it('rejects Bari files checked against the wrong province', () => {
    const error = (() => {
      try {
        parseTerritory(bariSources(), names, { provinceCode: '037', populationYear: 2026 });
      } catch (e) {
        return e as AppError;
      }
      return null;
    })();
    expect(error?.message).toContain('bari-comuni.csv line 2 (istat_code 072001): istat_code 072001 is not in province 037');
  });
});

describe('territory files: municipalities CSV', () => {
  it.each([
    ['a 5-digit ISTAT code', 0, '72004', 'bari-comuni.csv line 5: istat_code "72004" is not 6 digits'],
    ['a population that is not a number', 3, 'many', 'bari-comuni.csv line 5 (istat_code 072004): population "many" is not an integer ≥ 0'],
    ['a negative population', 3, '-5', 'population "-5" is not an integer ≥ 0'],
    ['a decimal population', 3, '70566.5', 'population "70566.5" is not an integer ≥ 0'],
    ['an empty population', 3, '', 'population "" is not an integer ≥ 0'],
    ['a zero area', 4, '0', 'area_km2 "0" is not a number > 0'],
    ['a latitude out of range', 5, '95.1', 'lat "95.1" is not a latitude'],
    ['a longitude that is not a number', 6, 'east', 'bari-comuni.csv line 5 (istat_code 072004): lon "east" is not a longitude'],
    ['an empty name', 1, '', 'bari-comuni.csv line 5 (istat_code 072004): name is empty'],
    [
      'a name longer than 300 characters',
      1,
      'A'.repeat(301),
      'bari-comuni.csv line 5 (istat_code 072004): name is longer than 300 characters',
    ],
    ['a province code of another province', 2, '073', 'province_code "073" is not 072'],
    [
      'an unknown social area',
      7,
      'ATS_BA_NOWHERE',
      'bari-comuni.csv line 5 (istat_code 072004): social_area_code "ATS_BA_NOWHERE" is not in bari-social-areas.csv',
    ],
  ])('rejects %s, naming the file and the line', (_label, column, value, expected) => {
    const sources = bariSources();
    sources.municipalities = editLine(sources.municipalities, 5, (l) => setColumn(l, column, value));
    expect(rejection(sources).message).toContain(expected);
  });

  it('rejects a duplicate ISTAT code, naming both lines', () => {
    const sources = bariSources();
    sources.municipalities = editLine(sources.municipalities, 9, (l) => setColumn(l, 0, '072004'));
    expect(rejection(sources).message).toContain('bari-comuni.csv line 9 (istat_code 072004): duplicate istat_code 072004 (also line 5)');
  });

  it('rejects a missing column on line 1', () => {
    const sources = bariSources();
    sources.municipalities = sources.municipalities.replace('population,', 'residents,');
    expect(rejection(sources).message).toContain('bari-comuni.csv line 1: missing column population');
  });

  it('rejects a row with a wrong number of cells', () => {
    const sources = bariSources();
    sources.municipalities = editLine(sources.municipalities, 7, (l) => `${l},extra`);
    expect(rejection(sources).message).toMatch(/bari-comuni\.csv: not a valid CSV file \(.*line 7/);
  });

  it('rejects a file with only a header', () => {
    const sources = bariSources();
    sources.municipalities = sources.municipalities.split('\n')[0] + '\n';
    expect(rejection(sources).message).toContain('bari-comuni.csv: no municipalities');
  });

  it('lists every problem in the details, the first ones in the message', () => {
    const sources = bariSources();
    sources.municipalities = editLine(sources.municipalities, 3, (l) => setColumn(l, 3, 'x'));
    sources.municipalities = editLine(sources.municipalities, 40, (l) => setColumn(l, 4, '-1'));
    const error = rejection(sources);
    expect(error.message).toContain('2 problems');
    expect(error.details?.map((d) => d.field)).toEqual([
      'bari-comuni.csv line 3 (istat_code 072002)',
      'bari-comuni.csv line 40 (istat_code 072046)',
    ]);
  });

  it('counts lines from the start of a record when a quoted value spans lines', () => {
    const sources = bariSources();
    sources.municipalities = editLine(sources.municipalities, 3, (l) => setColumn(l, 1, '"Adel\nfia"'));
    sources.municipalities = editLine(sources.municipalities, 6, (l) => setColumn(l, 3, 'x')); // was line 5 before the split
    expect(rejection(sources).message).toContain('bari-comuni.csv line 6 (istat_code 072004): population "x"');
  });

  it('takes the population year from a population_year column when there is one', () => {
    const sources = bariSources();
    sources.municipalities = sources.municipalities
      .trimEnd()
      .split('\n')
      .map((l, i) => `${l},${i === 0 ? 'population_year' : '2025'}`)
      .join('\n');
    const t = parseTerritory(sources, names, BARI);
    expect(new Set(t.municipalities.map((m) => m.populationYear))).toEqual(new Set([2025]));
  });
});

describe('territory files: social areas CSV', () => {
  it('rejects a duplicate social area code', () => {
    const sources = bariSources();
    sources.socialAreas = editLine(sources.socialAreas, 3, (l) => l.replace('ATS_BA_CORATO', 'ATS_BA_MOLFETTA'));
    expect(rejection(sources).message).toContain('bari-social-areas.csv line 3: duplicate social_area_code ATS_BA_MOLFETTA (also line 2)');
  });

  it('rejects a social area name longer than 300 characters', () => {
    const sources = bariSources();
    sources.socialAreas = editLine(sources.socialAreas, 2, (l) => l.replace('Ambito territoriale sociale di Molfetta', 'A'.repeat(301)));
    expect(rejection(sources).message).toContain(
      'bari-social-areas.csv line 2: social_area_name is longer than 300 characters (ATS_BA_MOLFETTA)',
    );
  });

  it('rejects members that disagree with the municipalities file', () => {
    const sources = bariSources();
    sources.socialAreas = editLine(sources.socialAreas, 2, (l) => l.replace('072022;072029', '072022'));
    expect(rejection(sources).message).toContain('bari-social-areas.csv line 2 (ATS_BA_MOLFETTA): member_istat_codes does not list 072029');
  });

  it('rejects a social area name that differs between the two files', () => {
    const sources = bariSources();
    sources.socialAreas = editLine(sources.socialAreas, 2, (l) => l.replace('sociale di Molfetta', 'sociale Molfetta'));
    expect(rejection(sources).message).toContain(
      'bari-comuni.csv line 25 (istat_code 072029): social_area_name "Ambito territoriale sociale di Molfetta" differs',
    );
  });
});

describe('territory files: GeoJSON', () => {
  it('rejects a feature that is not a (Multi)Polygon, naming the feature index', () => {
    const sources = bariSources();
    sources.boundaries = editFeatures(sources.boundaries, (f) => {
      f[3].geometry = { type: 'Point', coordinates: [16.5, 40.8] };
    });
    expect(rejection(sources).message).toContain(
      'bari-comuni.geojson features[3] (istat_code 072004): geometry type "Point" is not Polygon or MultiPolygon',
    );
  });

  it('rejects a feature whose istat_code matches no CSV row', () => {
    const sources = bariSources();
    sources.simplified = editFeatures(sources.simplified, (f) => {
      f[10].properties.istat_code = '072999';
    });
    expect(rejection(sources).message).toContain(
      'bari-comuni.simplified.geojson features[10] (istat_code 072999): istat_code 072999 matches no row of the municipalities CSV',
    );
  });

  it('rejects a duplicate feature', () => {
    const sources = bariSources();
    sources.boundaries = editFeatures(sources.boundaries, (f) => {
      f.push(f[0]);
    });
    expect(rejection(sources).message).toContain(
      'bari-comuni.geojson features[41] (istat_code 072001): duplicate istat_code 072001 (also features[0])',
    );
  });

  it('rejects an unclosed ring', () => {
    const sources = bariSources();
    sources.boundaries = editFeatures(sources.boundaries, (f) => {
      (f[2].geometry.coordinates[0] as unknown[]).pop();
    });
    expect(rejection(sources).message).toContain('bari-comuni.geojson features[2] (istat_code 072003): ring 0 is not closed');
  });

  it('rejects a file that is not JSON', () => {
    const sources = bariSources();
    sources.simplified = sources.simplified.slice(0, 1000);
    expect(rejection(sources).message).toContain('bari-comuni.simplified.geojson: not valid JSON');
  });

  it('imports a municipality without a boundary and reports it, with the point as its bbox', () => {
    const sources = bariSources();
    sources.boundaries = editFeatures(sources.boundaries, (f) => {
      f.splice(
        f.findIndex((x) => x.properties.istat_code === '072029'),
        1,
      );
    });
    const t = parseTerritory(sources, names, BARI);
    const molfetta = t.municipalities.find((m) => m.istatCode === '072029')!;
    expect(molfetta.boundary).toBeNull();
    expect(molfetta.boundarySimplified).not.toBeNull();
    expect(molfetta.bbox).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(t.warnings).toEqual([expect.stringContaining('072029 Molfetta: no boundary in bari-comuni.geojson')]);
  });

  it('warns when a representative point is outside its boundary', () => {
    const sources = bariSources();
    sources.municipalities = editLine(sources.municipalities, 25, (l) => setColumn(setColumn(l, 5, '41.2'), 6, '16.9'));
    const t = parseTerritory(sources, names, BARI);
    expect(t.warnings).toEqual([expect.stringContaining('072029 Molfetta: the representative point 41.2,16.9 is outside its boundary')]);
  });
});

describe('checkGeometry', () => {
  it('accepts a ring that touches itself at a point, and returns a MultiPolygon', () => {
    const ring = [
      [0, 0],
      [4, 0],
      [4, 4],
      [2, 2],
      [3, 1],
      [1, 1],
      [2, 2],
      [0, 4],
      [0, 0],
    ];
    expect(checkGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual({ geometry: { type: 'MultiPolygon', coordinates: [[ring]] } });
  });

  it.each([
    [null, 'geometry is missing'],
    [{ type: 'LineString', coordinates: [] }, 'geometry type "LineString" is not Polygon or MultiPolygon'],
    [{ type: 'Polygon', coordinates: [] }, 'Polygon has no coordinates'],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      },
      'ring 0 has fewer than 4 positions',
    ],
    [
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
          [
            [
              [0, 0],
              [1, 0],
              ['x', 1],
              [0, 0],
            ],
          ],
        ],
      },
      'polygon 1 ring 0 position 2 is not a [lon, lat] pair of numbers',
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 91],
            [0, 0],
          ],
        ],
      },
      'ring 0 position 2 [1, 91] is outside lon/lat range',
    ],
  ])('rejects %j', (geometry, problem) => {
    expect(checkGeometry(geometry)).toEqual({ problem });
  });
});

describe('population-sources.csv', () => {
  it('reads every istat_residents_<year>_01_01 column for the municipalities of the tenant only', () => {
    const figures = parsePopulationSources(readTerritoryFile('population-sources.csv'), new Set(['072006', '072004']));
    expect(figures).toEqual([
      { istatCode: '072004', year: 2021, population: 69818, source: 'ISTAT istat_residents_2021_01_01' },
      { istatCode: '072006', year: 2021, population: expect.any(Number), source: 'ISTAT istat_residents_2021_01_01' },
    ]);
  });

  it('skips empty cells and rejects a figure that is not an integer, naming the line', () => {
    const csv = 'istat_code,name,istat_residents_2021_01_01,istat_residents_2011_01_01\n072001,A,20093,\n072002,B,16490,12.5\n';
    expect(() => parsePopulationSources(csv, new Set(['072001', '072002']))).toThrow(
      /population-sources.csv line 3: istat_residents_2011_01_01 "12.5" is not an integer/,
    );
    expect(parsePopulationSources(csv, new Set(['072001']))).toEqual([
      { istatCode: '072001', year: 2021, population: 20093, source: 'ISTAT istat_residents_2021_01_01' },
    ]);
  });
});

import { readTerritoryFile } from '../../test/territory-data';
import { Bbox, bboxContains, geometryBbox, parseBbox, pointInGeometry, pointInPolygon, PolygonalGeometry } from './geo';

interface Fc {
  features: { properties: { istat_code: string }; geometry: PolygonalGeometry }[];
}

const full: Fc = JSON.parse(readTerritoryFile('bari-comuni.geojson'));
const simplified: Fc = JSON.parse(readTerritoryFile('bari-comuni.simplified.geojson'));
const bologna: Fc = JSON.parse(readTerritoryFile('bologna-comuni.geojson'));

function containing(fc: Fc, lat: number, lon: number): string[] {
  return fc.features.filter((f) => pointInGeometry({ lat, lon }, f.geometry)).map((f) => f.properties.istat_code);
}

describe('point in polygon on the real boundaries', () => {
  it('puts Bari city centre (41.1177, 16.8719) in Bari 072006 only, full and simplified', () => {
    expect(containing(full, 41.1177, 16.8719)).toEqual(['072006']);
    expect(containing(simplified, 41.1177, 16.8719)).toEqual(['072006']);
  });

  it('puts Bologna Piazza Maggiore (44.4938, 11.3426) in Bologna 037006 only', () => {
    expect(containing(bologna, 44.4938, 11.3426)).toEqual(['037006']);
  });

  it('leaves the enclave of Matera inside Altamura out of Altamura and of every Bari municipality', () => {
    const altamura = full.features.find((f) => f.properties.istat_code === '072004')!.geometry;
    const enclave = { lat: 40.754018, lon: 16.640656 };
    // inside Altamura's exterior ring, but in its hole
    expect(altamura.type).toBe('Polygon');
    expect(pointInPolygon(enclave, [(altamura.coordinates as [number, number][][])[0]])).toBe(true);
    expect(pointInGeometry(enclave, altamura)).toBe(false);
    expect(containing(full, enclave.lat, enclave.lon)).toEqual([]);
    // Altamura's own representative point is in Altamura
    expect(containing(full, 40.861108, 16.547775)).toEqual(['072004']);
  });

  it('finds a point in an exclave of a MultiPolygon (Acquaviva delle Fonti)', () => {
    const acquaviva = full.features.find((f) => f.properties.istat_code === '072001')!.geometry;
    expect(acquaviva.type).toBe('MultiPolygon');
    const exclave = { lat: 40.774374, lon: 16.82694 };
    expect(
      bboxContains(geometryBbox({ type: 'Polygon', coordinates: (acquaviva.coordinates as [number, number][][][])[5] }), exclave),
    ).toBe(false);
    expect(containing(full, exclave.lat, exclave.lon)).toEqual(['072001']);
  });

  it('puts a point in the sea off Bari in no municipality', () => {
    expect(containing(full, 41.2, 16.9)).toEqual([]);
  });
});

describe('point in polygon on synthetic shapes', () => {
  const square: [number, number][] = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
    [0, 0],
  ];
  const hole: [number, number][] = [
    [1, 1],
    [1, 3],
    [3, 3],
    [3, 1],
    [1, 1],
  ];

  it('excludes holes and includes the ring area around them, whatever the winding', () => {
    expect(pointInPolygon({ lon: 2, lat: 2 }, [square, hole])).toBe(false);
    expect(pointInPolygon({ lon: 0.5, lat: 2 }, [square, hole])).toBe(true);
    expect(pointInPolygon({ lon: 0.5, lat: 2 }, [[...square].reverse(), [...hole].reverse()])).toBe(true);
    expect(pointInPolygon({ lon: 5, lat: 2 }, [square, hole])).toBe(false);
  });

  it('handles a MultiPolygon whose second polygon sits in the first one’s hole (an enclave’s enclave)', () => {
    const island: [number, number][] = [
      [1.5, 1.5],
      [2.5, 1.5],
      [2.5, 2.5],
      [1.5, 2.5],
      [1.5, 1.5],
    ];
    const geometry: PolygonalGeometry = { type: 'MultiPolygon', coordinates: [[square, hole], [island]] };
    expect(pointInGeometry({ lon: 2, lat: 2 }, geometry)).toBe(true);
    expect(pointInGeometry({ lon: 1.2, lat: 2 }, geometry)).toBe(false);
    expect(pointInGeometry({ lon: 0.5, lat: 0.5 }, geometry)).toBe(true);
  });

  it('tolerates a ring that touches itself at a point', () => {
    // a V notch from the top edge down to (2,2), and a loop below it that touches the notch at (2,2)
    const ring: [number, number][] = [
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
    const geometry: PolygonalGeometry = { type: 'Polygon', coordinates: [ring] };
    expect(pointInGeometry({ lon: 2, lat: 0.5 }, geometry)).toBe(true);
    expect(pointInGeometry({ lon: 0.5, lat: 3 }, geometry)).toBe(true);
    expect(pointInGeometry({ lon: 2, lat: 3.5 }, geometry)).toBe(false); // in the notch
    expect(pointInGeometry({ lon: 2, lat: 1.3 }, geometry)).toBe(false); // in the loop
  });

  it('computes the bbox of the exterior rings', () => {
    const geometry: PolygonalGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [square, hole],
        [
          [
            [10, -1],
            [11, -1],
            [11, 0],
            [10, -1],
          ],
        ],
      ],
    };
    expect(geometryBbox(geometry)).toEqual([0, -1, 11, 4]);
  });
});

describe('parseBbox', () => {
  it.each<[string, Bbox]>([
    ['16.7,41.0,17.0,41.2', [16.7, 41.0, 17.0, 41.2]],
    ['-180,-90,180,90', [-180, -90, 180, 90]],
    [' 16 , 41 , 17 , 42 ', [16, 41, 17, 42]],
  ])('accepts %s', (text, bbox) => {
    expect(parseBbox(text)).toEqual(bbox);
  });

  it.each([
    '',
    '16.7,41.0,17.0',
    '16.7,41.0,17.0,41.2,5',
    'a,b,c,d',
    '17,41,16,42',
    '16,42,17,41',
    '16,41,181,42',
    '16,-91,17,42',
    '1e2,1,2,3',
    'NaN,1,2,3',
    '16,,17,42',
  ])('rejects %j', (text) => {
    expect(parseBbox(text)).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useMunicipalityBoundaries } from '../../../lib/reference/boundaries';
import { asMunicipalityOptions, asMunicipalityRefs, useMunicipalities } from '../../../lib/reference/municipalities';
import { asSocialAreaOptions, useSocialAreas } from '../../../lib/reference/social-areas';
import { appWrapper, coordinator, jsonResponse, mockFetch, testQueryClient } from '../../../test/render';
import { useUpdateMunicipality } from './update-municipality';

const tenant = { id: '00000000-0000-4000-8000-0000000000aa', istatCode: '272', name: 'Città Metropolitana di Bari' };
const areas = {
  north: { code: 'BA-N', name: 'Ambito Nord' },
  south: { code: 'BA-S', name: 'Ambito Sud' },
};

/** The server's territory: Molfetta moves from the north to the south area when the PATCH arrives. */
function territoryServer() {
  let molfettaArea = areas.north;
  const municipality = () => ({
    istatCode: '072029',
    name: 'Molfetta',
    population: 56_000,
    populationYear: 2024,
    areaKm2: 58.9,
    lat: 41.2,
    lon: 16.6,
    socialArea: molfettaArea,
    tenant,
    version: molfettaArea === areas.north ? 1 : 2,
  });
  const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 200 });
  return mockFetch({
    'GET /api/municipalities': () => jsonResponse(200, page([municipality()])),
    'GET /api/social-areas': () =>
      jsonResponse(
        200,
        page(
          [areas.north, areas.south].map((area) => ({
            ...area,
            municipalityCount: molfettaArea === area ? 1 : 0,
            population: molfettaArea === area ? 56_000 : 0,
            version: 1,
          })),
        ),
      ),
    'GET /api/map/municipalities': () =>
      jsonResponse(200, {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: '072029',
            geometry: null,
            properties: {
              istatCode: '072029',
              name: 'Molfetta',
              population: 56_000,
              socialAreaCode: molfettaArea.code,
              socialAreaName: molfettaArea.name,
            },
          },
        ],
      }),
    'PATCH /api/municipalities/072029': (_url, init) => {
      const body = JSON.parse(String(init.body)) as { socialArea: string; version: number };
      molfettaArea = body.socialArea === areas.south.code ? areas.south : areas.north;
      return jsonResponse(200, municipality());
    },
  });
}

/** Every view of the territory that other features show, mounted at once beside the territory's own mutation. */
function useEveryView() {
  return {
    activityFilterChoices: useMunicipalities({ select: asMunicipalityRefs }).data,
    userAssignmentChoices: useMunicipalities({ select: asMunicipalityOptions }).data,
    userAreaChoices: useSocialAreas({ select: asSocialAreaOptions }).data,
    territoryAreas: useSocialAreas().data,
    locationPickerBoundaries: useMunicipalityBoundaries().data,
    territoryMap: useMunicipalityBoundaries({ bbox: '16.5,41.1,16.7,41.3' }).data,
    move: useUpdateMunicipality(),
  };
}

describe('moving a municipality to another social area', () => {
  it('refreshes every view of the territory: filter and user choices, area totals and both maps', async () => {
    const fetchMock = territoryServer();
    const client = testQueryClient(coordinator);
    const { result } = renderHook(useEveryView, { wrapper: appWrapper(client) });

    await waitFor(() => expect(result.current.territoryMap).toBeDefined());
    await waitFor(() => expect(result.current.userAssignmentChoices).toEqual([{ code: '072029', name: 'Molfetta', group: 'Ambito Nord' }]));
    expect(result.current.activityFilterChoices).toEqual([{ istatCode: '072029', name: 'Molfetta' }]);
    // one request per resource, however many views read it
    const reads = () => fetchMock.mock.calls.filter((call) => (call[1]?.method ?? 'GET') === 'GET').length;
    expect(reads()).toBe(4);

    await act(() => result.current.move.mutateAsync({ istatCode: '072029', socialArea: 'BA-S', version: 1 }));

    await waitFor(() => expect(result.current.userAssignmentChoices).toEqual([{ code: '072029', name: 'Molfetta', group: 'Ambito Sud' }]));
    await waitFor(() => expect(result.current.territoryAreas?.find((a) => a.code === 'BA-S')?.municipalityCount).toBe(1));
    await waitFor(() => expect(result.current.locationPickerBoundaries?.features[0].properties.socialAreaName).toBe('Ambito Sud'));
    await waitFor(() => expect(result.current.territoryMap?.features[0].properties.socialAreaCode).toBe('BA-S'));
    expect(result.current.userAreaChoices).toEqual([
      { code: 'BA-N', name: 'Ambito Nord' },
      { code: 'BA-S', name: 'Ambito Sud' },
    ]);
    expect(reads()).toBe(8);
  });
});

import { beforeAll, describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { activityDto } from '../../../test/activity-fixtures';
import { jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { LayerCollection } from '../api/types';
import { MapPage } from './map-page';

const molfetta: SessionUser = {
  id: '00000000-0000-4000-8000-000000000009',
  email: 'comune.molfetta@trama.test',
  fullName: 'Ufficio Comune di Molfetta',
  role: 'municipality',
  tenant: { id: '00000000-0000-4000-8000-0000000000aa', istatCode: '272', name: 'Città Metropolitana di Bari' },
  assignedMunicipalities: [],
  territory: { kind: 'municipality', code: '072029', name: 'Molfetta' } as SessionUser['territory'],
};

const boundaries = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: '072029',
      properties: {
        istatCode: '072029',
        name: 'Molfetta',
        population: 55000,
        socialAreaCode: 'ATS_BA_MOLFETTA',
        socialAreaName: 'Molfetta',
      },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [16.5, 41.15],
            [16.65, 41.15],
            [16.65, 41.25],
            [16.5, 41.25],
            [16.5, 41.15],
          ],
        ],
      },
    },
  ],
};

const layer: LayerCollection = {
  type: 'FeatureCollection',
  total: 3,
  clustered: true,
  zoom: 12,
  bbox: [16.5, 41.15, 16.65, 41.25],
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [16.6, 41.2] },
      properties: {
        cluster: true,
        count: 2,
        categories: { workshop: 1, meeting: 1 },
        bbox: [16.59, 41.19, 16.61, 41.21],
        expansionZoom: 14,
      },
    },
    {
      type: 'Feature',
      id: '00000000-0000-4000-8000-0000000000a1',
      geometry: { type: 'Point', coordinates: [16.55, 41.18] },
      properties: {
        cluster: false,
        count: 1,
        id: '00000000-0000-4000-8000-0000000000a1',
        category: 'network_table',
        label: 'Tavolo di rete',
      },
    },
  ],
};

describe('MapPage', () => {
  beforeAll(() => {
    // jsdom draws no canvas: Leaflet's canvas renderer (the boundaries) gets a context that does nothing
    const noop = new Proxy({}, { get: () => () => undefined });
    HTMLCanvasElement.prototype.getContext = (() => noop) as unknown as HTMLCanvasElement['getContext'];
  });

  it('lands on the territory, asks the layer for its area with the filters, and lists the same area with the same filters', async () => {
    const fetchMock = mockFetch({
      'GET /api/map/municipalities': () => jsonResponse(200, boundaries),
      'GET /api/map/layers/activities': () => jsonResponse(200, layer),
      'GET /api/map/layers/buildings': () => jsonResponse(200, { ...layer, total: 0, clustered: false, features: [] }),
      'GET /api/buildings': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 25 }),
      'GET /api/map/layers/organizations': () => jsonResponse(200, { ...layer, total: 0, clustered: false, features: [] }),
      'GET /api/organizations': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 25 }),
      'GET /api/activities': () =>
        jsonResponse(200, {
          items: [activityDto(1, { id: '00000000-0000-4000-8000-0000000000a1', title: 'Tavolo di rete' })],
          total: 3,
          page: 1,
          pageSize: 25,
          totalCapped: false,
        }),
      'GET /api/activities/00000000-0000-4000-8000-0000000000a1': () =>
        jsonResponse(200, activityDto(1, { id: '00000000-0000-4000-8000-0000000000a1', title: 'Tavolo di rete' })),
    });
    renderWithApp(<MapPage />, { user: molfetta, path: '/mappa?type=workshop' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Mappa' })).toBeInTheDocument();
    expect(await screen.findByText("3 attività nell'area della mappa.", { exact: false })).toBeInTheDocument();
    const layerCall = fetchMock.mock.calls
      .map((c) => new URL(String(c[0]), 'http://localhost'))
      .find((u) => u.pathname === '/api/map/layers/activities')!;
    expect(layerCall.searchParams.get('type')).toBe('workshop');
    expect(layerCall.searchParams.get('bbox')).toMatch(/^-?[\d.]+(,-?[\d.]+){3}$/);

    // only the served layers can be chosen
    expect(screen.getByRole('checkbox', { name: 'Attività (per tipo)' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Immobili/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Organizzazioni/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: /Iniziative/ })).toBeDisabled();
    // the legend names the categories in words, with the visible counts
    const legend = screen.getByRole('region', { name: 'Legenda' });
    expect(within(legend).getByText('Laboratorio (1)', { exact: false })).toBeInTheDocument();

    // a point is a button named by its title and type; Enter opens the panel with the record
    const point = await screen.findByRole('button', { name: /Tavolo di rete/ });
    fireEvent.keyPress(point, { key: 'Enter', code: 'Enter', charCode: 13 });
    const panel = await screen.findByRole('complementary', { name: 'Elemento scelto' });
    expect(await within(panel).findByRole('link', { name: 'Apri la scheda' })).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/attivita\//),
    );

    // the list view: the list API with the same filters and the map's bbox
    fireEvent.click(screen.getByRole('button', { name: 'Elenco' }));
    expect(await screen.findByRole('heading', { name: "3 attività nell'area della mappa" })).toBeInTheDocument();
    await waitFor(() => {
      const listCall = fetchMock.mock.calls
        .map((c) => new URL(String(c[0]), 'http://localhost'))
        .filter((u) => u.pathname === '/api/activities')
        .at(-1)!;
      expect(listCall.searchParams.get('bbox')).toBe(layerCall.searchParams.get('bbox'));
      expect(listCall.searchParams.get('type')).toBe('workshop');
    });
  }, 20_000);
});

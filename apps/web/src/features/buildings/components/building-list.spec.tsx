import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { BuildingDto } from '../api/types';
import { BuildingList } from './building-list';

const coordinator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000003',
  email: 'coordinatore.bari@trama.test',
  fullName: 'Cosimo Coordinatore',
  role: 'coordinator',
  tenant: { id: '00000000-0000-4000-8000-0000000000aa', istatCode: '272', name: 'Città Metropolitana di Bari' },
  assignedMunicipalities: [],
  territory: null,
};

function building(overrides: Partial<BuildingDto>): BuildingDto {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    clientId: '20000000-0000-4000-8000-000000000001',
    version: 1,
    municipality: { istatCode: '072029', name: 'Molfetta' },
    socialArea: null,
    name: 'Ex Macello comunale',
    address: null,
    location: { lat: 41.2061, lon: 16.5902 },
    ownership: 'municipal',
    owner: null,
    cadastralReference: null,
    indoorAreaM2: null,
    outdoorAreaM2: null,
    condition: 'poor',
    currentUse: 'unused',
    accessibility: 'unknown',
    constraints: [],
    suitableUses: [],
    stage: 'planned',
    openingDate: null,
    assignment: null,
    notes: null,
    anbscCode: null,
    confiscationDecreeDate: null,
    lastVerifiedAt: null,
    lastVerifiedBy: null,
    completeness: 14,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

const empty = { items: [], total: 0, page: 1, pageSize: 200 };

describe('BuildingList', () => {
  it('shows each building with its stage, says which are not placed, and sends the filters of the URL and the form', async () => {
    const fetchMock = mockFetch({
      'GET /api/buildings': () =>
        jsonResponse(200, {
          items: [
            building({}),
            building({ id: '10000000-0000-4000-8000-000000000002', name: 'Villa confiscata', location: null, stage: 'mapped' }),
          ],
          total: 2,
          page: 1,
          pageSize: 20,
        }),
      'GET /api/municipalities': () => jsonResponse(200, empty),
      'GET /api/social-areas': () => jsonResponse(200, empty),
    });
    renderWithApp(<BuildingList />, { user: coordinator, path: '/immobili?stage=planned&placed=no' });

    const cards = await screen.findAllByRole('article');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByText('Progettato')).toBeInTheDocument();
    expect(within(cards[0]).queryByText('Non posizionato sulla mappa')).toBeNull();
    expect(within(cards[1]).getByText('Non posizionato sulla mappa')).toBeInTheDocument();
    expect(screen.getByText('2 immobili')).toBeInTheDocument();

    const search = screen.getByRole('search', { name: 'Filtra gli immobili' });
    expect(within(search).getByRole('combobox', { name: 'Fase di riuso' })).toHaveValue('planned');
    expect(within(search).getByRole('combobox', { name: 'Sulla mappa' })).toHaveValue('no');
    fireEvent.change(within(search).getByRole('searchbox', { name: 'Cerca per nome o indirizzo' }), { target: { value: 'città' } });
    fireEvent.submit(search);
    await waitFor(() => {
      const queries = fetchMock.mock.calls
        .map((call) => new URL(String(call[0]), 'http://localhost'))
        .filter((url) => url.pathname === '/api/buildings')
        .map((url) => Object.fromEntries(url.searchParams));
      expect(queries.at(-1)).toEqual(expect.objectContaining({ q: 'città', stage: 'planned', placed: 'no', page: '1' }));
    });
  });
});

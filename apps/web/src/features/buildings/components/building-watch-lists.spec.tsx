import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { ExpiringList } from './building-watch-lists';

const coordinator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000003',
  email: 'coordinatore.bari@trama.test',
  fullName: 'Cosimo Coordinatore',
  role: 'coordinator',
  tenant: { id: '00000000-0000-4000-8000-0000000000aa', istatCode: '272', name: 'Città Metropolitana di Bari' },
  assignedMunicipalities: [],
  territory: null,
};

function item(n: number) {
  return {
    id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Immobile ${n}`,
    version: 1,
    municipality: { istatCode: '072029', name: 'Molfetta' },
    stage: 'assigned',
    assignment: {
      organization: { id: '30000000-0000-4000-8000-000000000001', name: 'APS Orti' },
      instrument: 'concession',
      startDate: '2024-01-01',
      endDate: '2027-03-01',
    },
    daysLeft: 80 + n,
    overdue: false,
  };
}

describe('ExpiringList', () => {
  it('asks 50 assignments at a time and pages through the total; a new period starts again from page 1', async () => {
    const fetchMock = mockFetch({
      'GET /api/buildings/expiring': (url) => {
        const page = Number(url.searchParams.get('page'));
        const months = Number(url.searchParams.get('months'));
        return jsonResponse(200, { items: [item(page)], months, total: 120, overdue: 0, page, pageSize: 50 });
      },
    });
    const queries = () =>
      fetchMock.mock.calls
        .map((call) => new URL(String(call[0]), 'http://localhost'))
        .filter((url) => url.pathname === '/api/buildings/expiring')
        .map((url) => Object.fromEntries(url.searchParams));
    renderWithApp(<ExpiringList />, { user: coordinator, path: '/immobili/scadenze' });

    await screen.findByRole('link', { name: 'Immobile 1' });
    expect(queries().at(-1)).toEqual({ months: '6', page: '1', pageSize: '50' });
    fireEvent.click(screen.getByRole('button', { name: 'Successiva' }));
    await screen.findByRole('link', { name: 'Immobile 2' });
    expect(queries().at(-1)).toEqual({ months: '6', page: '2', pageSize: '50' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Scadenza entro' }), { target: { value: '12' } });
    await waitFor(() => expect(queries().at(-1)).toEqual({ months: '12', page: '1', pageSize: '50' }));
  });
});

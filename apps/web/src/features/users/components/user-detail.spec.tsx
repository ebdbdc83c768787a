import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserDto } from '../api/types';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { UserDetail } from './user-detail';

const target: UserDto = {
  id: '00000000-0000-4000-8000-000000000042',
  email: 'giulia.coordinatrice@trama.test',
  fullName: 'Giulia Coordinatrice',
  role: 'coordinator',
  tenant: coordinator.tenant,
  active: true,
  lockedUntil: null,
  hiredOn: null,
  contractEnd: null,
  assignedMunicipalities: [],
  territory: null,
  lastLoginAt: null,
  createdAt: '2026-11-24T10:00:00Z',
  version: 3,
} as UserDto;

const unavailable = () =>
  jsonResponse(503, {
    statusCode: 503,
    error: 'Service Unavailable',
    code: 'SERVICE_UNAVAILABLE',
    message: 'The service is temporarily unavailable: try again in a few seconds',
  });

describe('UserDetail', () => {
  it('keeps the edit form and what the user typed when the save and the reload both meet a 503', async () => {
    let loads = 0;
    const fetchMock = mockFetch({
      [`GET /api/users/${target.id}`]: () => (++loads === 1 ? jsonResponse(200, target) : unavailable()),
      [`PATCH /api/users/${target.id}`]: unavailable,
      'GET /api/users': unavailable,
    });
    renderWithApp(<UserDetail id={target.id} />, { user: coordinator });

    const name = await screen.findByLabelText(/^Nome e cognome/);
    fireEvent.change(name, { target: { value: 'Giulia Coordinatrice Rossi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Modifiche non salvate');
    expect(alert).toHaveTextContent('Servizio momentaneamente non disponibile, riprova tra qualche secondo.');
    // the detail was reloaded after the failed save (and failed too): the form stays, with the text typed
    await waitFor(() => expect(loads).toBe(2));
    await waitFor(() => expect(fetchMock.mock.calls.filter((c) => String(c[0]).endsWith(target.id))).toHaveLength(3));
    expect(screen.getByLabelText(/^Nome e cognome/)).toHaveValue('Giulia Coordinatrice Rossi');
    expect(screen.queryByText("Impossibile caricare l'utente")).not.toBeInTheDocument();
    expect(within(screen.getByRole('alert')).getByText(/Servizio momentaneamente non disponibile/)).toBeInTheDocument();
  });

  it('shows the error page when the user cannot be loaded at all', async () => {
    mockFetch({ [`GET /api/users/${target.id}`]: unavailable });
    renderWithApp(<UserDetail id={target.id} />, { user: coordinator });
    expect(await screen.findByText("Impossibile caricare l'utente")).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Servizio momentaneamente non disponibile');
  });
});

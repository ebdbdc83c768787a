import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ResponseOf } from '@trama/api-client';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { CreateUserForm } from './create-user-form';

const tenant = coordinator.tenant!;
const municipalities: ResponseOf<'listMunicipalities'> = {
  items: [
    {
      istatCode: '072006',
      name: 'Bari',
      population: 316000,
      populationYear: 2025,
      areaKm2: 117,
      lat: 41.1,
      lon: 16.87,
      socialArea: { code: 'ATS_BA_BARI', name: 'Ambito di Bari' },
      tenant,
      version: 1,
    },
    {
      istatCode: '072029',
      name: 'Molfetta',
      population: 57000,
      populationYear: 2025,
      areaKm2: 58,
      lat: 41.2,
      lon: 16.6,
      socialArea: { code: 'ATS_BA_MOLFETTA', name: 'Ambito di Molfetta' },
      tenant,
      version: 1,
    },
  ],
  total: 2,
  page: 1,
  pageSize: 200,
};

describe('CreateUserForm', () => {
  it("shows the server's 400 field errors beside the fields they belong to", async () => {
    const fetchMock = mockFetch({
      'GET /api/municipalities': () => jsonResponse(200, municipalities),
      'POST /api/users': () =>
        jsonResponse(400, {
          statusCode: 400,
          error: 'Bad Request',
          code: 'VALIDATION_FAILED',
          message: 'email already in use; contractEnd must not be before hiredOn',
          details: [
            { field: 'email', messages: ['email already in use'], codes: ['USER_EMAIL_TAKEN'] },
            { field: 'contractEnd', messages: ['contractEnd must not be before hiredOn'], codes: ['DATE_ORDER'] },
            { field: 'municipalities.1', messages: ['municipality 072029 is not in your tenant'], codes: ['INVALID'] },
          ],
        }),
    });
    renderWithApp(<CreateUserForm />, { user: coordinator });

    fireEvent.change(screen.getByLabelText(/^Nome e cognome/), { target: { value: 'Anna Innovatrice' } });
    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'anna@trama.test' } });
    fireEvent.change(screen.getByLabelText(/^Data di assunzione/), { target: { value: '2026-01-15' } });
    const picker = await screen.findByRole('group', { name: 'Comuni assegnati' });
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Bari/ }));
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Molfetta/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Crea utente' }));

    // the catalogue's text for the server's codes, never its English sentence
    await waitFor(() => expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('Esiste già un utente con questa email.'));
    expect(screen.getByLabelText(/^Email/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Fine del contratto/)).toHaveAccessibleDescription('La data finale non può precedere quella iniziale.');
    expect(picker).toHaveAccessibleDescription(/Valore non valido\./);
    expect(screen.getByLabelText(/^Nome e cognome/)).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Utente non creato');

    const post = fetchMock.mock.calls.find((call) => call[1]?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      email: 'anna@trama.test',
      fullName: 'Anna Innovatrice',
      role: 'innovator',
      hiredOn: '2026-01-15',
      contractEnd: null,
      municipalities: ['072006', '072029'],
    });
  });

  it('asks a municipality user for a territory and sends only the fields of that role', async () => {
    const fetchMock = mockFetch({
      'GET /api/municipalities': () => jsonResponse(200, municipalities),
      'POST /api/users': (_url, init) => {
        const body = JSON.parse(String(init.body));
        return jsonResponse(201, {
          user: {
            id: 'new-id',
            ...body,
            active: true,
            lockedUntil: null,
            hiredOn: null,
            contractEnd: null,
            assignedMunicipalities: [],
            territory: { ...body.territory, name: 'Molfetta' },
            lastLoginAt: null,
            createdAt: '2026-11-24T10:00:00Z',
            version: 1,
          },
          temporaryPassword: 'Temp-pass-7421',
        });
      },
    });
    renderWithApp(<CreateUserForm />, { user: coordinator });

    fireEvent.change(screen.getByLabelText(/^Ruolo/), { target: { value: 'municipality' } });
    fireEvent.change(screen.getByLabelText(/^Nome e cognome/), { target: { value: 'Ufficio Molfetta' } });
    fireEvent.change(screen.getByLabelText(/^Email/), { target: { value: 'ufficio@molfetta.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crea utente' }));
    expect(await screen.findByText('Campo obbligatorio.')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some((call) => call[1]?.method === 'POST')).toBe(false);

    fireEvent.change(await screen.findByRole('combobox', { name: /^Comune/ }), { target: { value: '072029' } });
    fireEvent.click(screen.getByRole('button', { name: 'Crea utente' }));

    expect(await screen.findByText('Temp-pass-7421')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copia la password' })).toBeInTheDocument();
    const post = fetchMock.mock.calls.find((call) => call[1]?.method === 'POST');
    await waitFor(() =>
      expect(JSON.parse(String(post?.[1]?.body))).toEqual({
        email: 'ufficio@molfetta.test',
        fullName: 'Ufficio Molfetta',
        role: 'municipality',
        territory: { kind: 'municipality', code: '072029' },
      }),
    );
  });
});

import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { InitiativeDto } from '../api/types';
import { InitiativeDetail } from './initiative-detail';

const ID = '0b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f';

function initiative(overrides: Partial<InitiativeDto> = {}): InitiativeDto {
  return {
    id: ID,
    clientId: '1b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f',
    version: 3,
    title: 'Porto di comunità',
    description: 'Spazi vuoti riaperti ai giovani.',
    status: 'running',
    municipality: { istatCode: '072029', name: 'Molfetta' },
    municipalities: [
      { istatCode: '072029', name: 'Molfetta' },
      { istatCode: '072022', name: 'Giovinazzo' },
    ],
    leadOrganization: { id: '2b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f', name: 'APS Il Melograno' },
    partnerOrganizations: [],
    building: null,
    themes: ['youth'],
    startDate: '2026-01-15',
    endDate: null,
    fundingSource: 'eu',
    fundingAmount: 240000,
    cup: 'J51B24000450006',
    beneficiariesCount: 600,
    beneficiariesDescription: null,
    location: null,
    stopReason: null,
    internalNotes: 'Riservato',
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    statusChanges: [
      { id: 'a', from: null, to: 'planned', date: null, reason: null, at: '2026-11-20T10:00:00Z', by: null },
      { id: 'b', from: 'planned', to: 'running', date: '2026-01-15', reason: null, at: '2026-11-21T10:00:00Z', by: null },
    ],
    activities: { count: 2, latest: [{ id: '3b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f', title: 'Tavolo di rete', date: '2026-11-02' }] },
    ...overrides,
  };
}

const municipalityUser: SessionUser = {
  ...coordinator,
  role: 'municipality',
  territory: { kind: 'municipality', code: '072029', name: 'Molfetta' } as SessionUser['territory'],
};

describe('InitiativeDetail', () => {
  it('offers the moves of the status machine and asks a reason to stop; the notice stays after the save', async () => {
    const bodies: unknown[] = [];
    mockFetch({
      [`GET /api/initiatives/${ID}`]: () => jsonResponse(200, initiative()),
      [`GET /api/initiatives/${ID}/history`]: () => jsonResponse(200, { entries: [], statusChanges: [] }),
      [`POST /api/initiatives/${ID}/status`]: async (_url, init) => {
        bodies.push(JSON.parse(String(init.body ?? (await new Request('http://x', init).text()))));
        return jsonResponse(200, initiative({ status: 'stopped', version: 4, stopReason: 'Fondi esauriti', endDate: '2026-12-01' }));
      },
    });
    renderWithApp(<InitiativeDetail id={ID} />, { user: coordinator });
    await screen.findByRole('heading', { level: 1, name: 'Porto di comunità' });
    expect(screen.getByText('2 attività collegate')).toBeInTheDocument();
    expect(screen.getByText('Da «Pianificata» a «In corso»', { exact: false })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Passa a/ }).map((b) => b.textContent)).toEqual([
      'Passa a «Conclusa»',
      'Passa a «Interrotta»',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Passa a «Interrotta»' }));
    const reason = screen.getByLabelText(/Motivo/);
    expect(reason).toBeRequired();
    fireEvent.change(reason, { target: { value: 'Fondi esauriti' } });
    fireEvent.change(screen.getByLabelText(/^Data/), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Conferma' }));
    await screen.findByText('Stato aggiornato: Interrotta.');
    expect(bodies).toEqual([{ to: 'stopped', version: 3, date: '2026-12-01', reason: 'Fondi esauriti' }]);
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: /^Passa a/ }).map((b) => b.textContent)).toEqual(['Passa a «Pianificata»']),
    );
  });

  it('is read-only for a municipality user: no moves, no edit, no internal notes', async () => {
    const { internalNotes: _notes, ...withoutNotes } = initiative();
    mockFetch({
      [`GET /api/initiatives/${ID}`]: () => jsonResponse(200, withoutNotes),
      [`GET /api/initiatives/${ID}/history`]: () => jsonResponse(200, { entries: [], statusChanges: [] }),
    });
    renderWithApp(<InitiativeDetail id={ID} />, { user: municipalityUser });
    await screen.findByRole('heading', { level: 1, name: 'Porto di comunità' });
    expect(screen.queryAllByRole('button', { name: /^Passa a/ })).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Modifica' })).toBeNull();
    expect(screen.queryByText('Note interne')).toBeNull();
    expect(screen.getByText('Molfetta, Giovinazzo')).toBeInTheDocument();
  });
});

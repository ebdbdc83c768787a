import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { HomeActivity, InnovatorHomeDto } from '../api/types';
import { HomeView } from './home-view';
import { ReturnedCount } from './returned-count';

const innovator: SessionUser = {
  ...coordinator,
  id: '00000000-0000-4000-8000-000000000002',
  email: 'innovatore.bari@trama.test',
  fullName: 'Anna Innovatrice',
  role: 'innovator',
};

const activity = (fields: Partial<HomeActivity> & Pick<HomeActivity, 'id' | 'title' | 'status'>): HomeActivity => ({
  date: '2026-03-10',
  type: 'workshop',
  themes: ['youth'],
  municipality: { istatCode: '072006', name: 'Bari' },
  authorName: 'Anna Innovatrice',
  reviewComment: null,
  submittedAt: '2026-03-11T09:00:00.000Z',
  reviewedAt: null,
  updatedAt: '2026-03-11T09:00:00.000Z',
  ...fields,
});

const home: InnovatorHomeDto = {
  today: '2026-03-20',
  staleDays: 30,
  returned: {
    total: 2,
    capped: false,
    items: [
      activity({
        id: '11111111-1111-4111-8111-111111111111',
        title: 'Laboratorio al mercato',
        status: 'returned',
        reviewComment: 'Aggiungi i partecipanti per gruppo',
        reviewedAt: '2026-03-12T10:00:00.000Z',
      }),
    ],
  },
  drafts: { total: 0, capped: false, items: [] },
  submitted: { total: 0, capped: false, items: [] },
  approved: 4,
  assignedMunicipalities: 2,
  unvisited: [
    { istatCode: '072029', name: 'Molfetta', lastVisit: null, daysSince: null },
    { istatCode: '072022', name: 'Giovinazzo', lastVisit: '2026-01-10', daysSince: 69 },
  ],
};

describe('HomeView', () => {
  it("shows an innovator's work: returned activities with the comment, the empty lists said so, the unvisited municipalities", async () => {
    const fetch = mockFetch({ 'GET /api/home/innovator': () => jsonResponse(200, home) });
    renderWithApp(<HomeView />, { user: innovator });
    await screen.findByRole('heading', { level: 1, name: 'Il mio lavoro' });
    const returned = await screen.findByRole('region', { name: 'Da correggere: 2 attività rimandate dal coordinatore' });
    expect(within(returned).getByRole('link', { name: 'Laboratorio al mercato' }).getAttribute('href')).toBe(
      '/attivita/11111111-1111-4111-8111-111111111111',
    );
    expect(within(returned).getByText('Aggiungi i partecipanti per gruppo')).toBeTruthy();
    // two returned, one shown: a link to all of them
    expect(within(returned).getByRole('link', { name: 'Vedi tutte le 2 attività' }).getAttribute('href')).toBe(
      '/attivita?status=returned&mine=1',
    );
    expect(within(screen.getByRole('region', { name: 'Bozze: 0 attività' })).getByText('Nessuna bozza.')).toBeTruthy();
    const unvisited = screen.getByRole('region', { name: '2 comuni non visitati da 30 giorni' });
    const items = within(unvisited)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(['MolfettaNessuna attività registrata qui', 'GiovinazzoUltima attività il 10 gen 2026, 69 giorni fa']);
    expect(screen.getByRole('link', { name: 'Nuova attività' }).getAttribute('href')).toBe('/attivita/nuova');
    expect(String(fetch.mock.calls[0][0])).toContain('staleDays=30');
  });

  it('says the returned count to screen readers beside the navigation entry, and nothing when there is none', async () => {
    mockFetch({ 'GET /api/home/counts': () => jsonResponse(200, { returned: 3, reviewQueue: null }) });
    const { container } = renderWithApp(<ReturnedCount />, { user: innovator });
    await screen.findByText('3 attività rimandate da correggere');
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('3');
  });

  it('shows no badge for a count of zero', async () => {
    const fetch = mockFetch({ 'GET /api/home/counts': () => jsonResponse(200, { returned: 0, reviewQueue: null }) });
    const { container } = renderWithApp(<ReturnedCount />, { user: innovator });
    await new Promise((r) => setTimeout(r, 50));
    expect(fetch).toHaveBeenCalled();
    expect(container.textContent).toBe('');
  });
});

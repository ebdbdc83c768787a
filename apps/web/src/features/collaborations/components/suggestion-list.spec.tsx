import { describe, expect, it } from '@jest/globals';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { Suggestion } from '../api/types';
import { id } from '../test-fixtures';
import { SuggestionList } from './suggestion-list';

// the page's queries resolve after a lazy chunk or a refetch: give them room on a loaded machine
configure({ asyncUtilTimeout: 5000 });

const innovator: SessionUser = {
  ...coordinator,
  id: '00000000-0000-4000-8000-000000000002',
  email: 'innovatore.bari@trama.test',
  role: 'innovator',
  assignedMunicipalities: [
    { istatCode: '072006', name: 'Bari' },
    { istatCode: '072029', name: 'Molfetta' },
  ],
};
const municipalityUser: SessionUser = {
  ...coordinator,
  role: 'municipality',
  territory: { kind: 'municipality', code: '072029', name: 'Molfetta' },
};

const suggestion: Suggestion = {
  id: id(90),
  organizations: [
    { id: id(2), name: 'Banco Alimentare', kind: 'odv', municipality: { istatCode: '072006', name: 'Bari' } },
    { id: id(4), name: 'Istituto Comprensivo Dante', kind: 'school', municipality: { istatCode: '072029', name: 'Molfetta' } },
  ],
  score: 72,
  reasons: [
    {
      code: 'offers_meet_needs',
      factor: 'complementarity',
      contribution: 40,
      params: { offersToSecond: ['volunteers'] },
      text: '+40 offerte e bisogni si incontrano: Banco Alimentare offre volontari a Istituto Comprensivo Dante',
    },
    { code: 'no_path', factor: 'distance', contribution: 32, params: {}, text: '+32 nessun legame nella rete, neppure indiretto' },
  ],
  status: 'open',
  dismissReason: null,
  activityId: null,
  collaboratedAt: null,
  suggestedAt: '2026-12-06T10:00:00.000Z',
};

const page = (items: Suggestion[]) => ({ items, total: items.length, page: 1, pageSize: 20, computedAt: '2026-12-06T10:00:00.000Z' });
const body = (init: RequestInit) => JSON.parse(String(init.body)) as Record<string, unknown>;

describe('SuggestionList', () => {
  it('lists each pair with its score out of 100 and its reasons in words and numbers, asking with the filters of the link', async () => {
    const queries: URLSearchParams[] = [];
    mockFetch({
      'GET /api/collaborations/suggestions': (url) => {
        queries.push(url.searchParams);
        return jsonResponse(200, page([suggestion]));
      },
    });
    renderWithApp(<SuggestionList />, { user: innovator, path: '/collaborazioni?municipality=072029&theme=education' });
    const card = (await screen.findByRole('heading', { level: 2, name: 'Banco Alimentare e Istituto Comprensivo Dante' })).closest(
      'article',
    )!;
    expect(within(card).getByText('72 su 100')).toBeTruthy();
    const reasons = within(card)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('collab-reason'));
    expect(reasons.map((r) => r.textContent)).toEqual([suggestion.reasons[0].text, suggestion.reasons[1].text]);
    expect(within(card).getByText('I motivi sommano 72 punti.')).toBeTruthy();
    expect(screen.getByText(/^1 suggerimento/)).toBeTruthy();
    expect(queries[0].get('municipality')).toBe('072029');
    expect(queries[0].get('theme')).toBe('education');
    expect(queries[0].get('lang')).toBe('it');
    // the organization filter is a link that keeps the others
    const only = within(card).getByRole('link', { name: 'Solo i suggerimenti di Banco Alimentare' });
    expect(only.getAttribute('href')).toMatch(new RegExp(`\\?municipality=072029&theme=education&organization=${id(2)}$`));
  });

  it('accepts for an innovator and links the draft activity that was created', async () => {
    const sent: Record<string, unknown>[] = [];
    let accepted = false;
    mockFetch({
      'GET /api/collaborations/suggestions': () => jsonResponse(200, page(accepted ? [] : [suggestion])),
      [`POST /api/collaborations/suggestions/${id(90)}/accept`]: (_url, init) => {
        sent.push(body(init));
        accepted = true;
        return jsonResponse(200, {
          activity: { id: id(500), title: 'Incontro di presentazione: Banco Alimentare e Istituto Comprensivo Dante' },
          suggestion: { ...suggestion, status: 'accepted', activityId: id(500) },
        });
      },
    });
    renderWithApp(<SuggestionList />, { user: innovator, path: '/collaborazioni' });
    fireEvent.click(await screen.findByRole('button', { name: "Accetta e pianifica l'incontro" }));
    const link = await screen.findByRole('link', { name: "Apri la bozza dell'attività" });
    expect(link.getAttribute('href')).toBe(`/attivita/${id(500)}`);
    expect(sent).toEqual([{ lang: 'it' }]);
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: /Banco Alimentare e/ })).toBeNull());
  });

  it('dismisses with a reason asked in a dialog, and refuses an empty one without sending it', async () => {
    const sent: Record<string, unknown>[] = [];
    mockFetch({
      'GET /api/collaborations/suggestions': () => jsonResponse(200, page(sent.length ? [] : [suggestion])),
      [`POST /api/collaborations/suggestions/${id(90)}/dismiss`]: (_url, init) => {
        sent.push(body(init));
        return jsonResponse(200, { ...suggestion, status: 'dismissed', dismissReason: 'Già si conoscono' });
      },
    });
    renderWithApp(<SuggestionList />, { user: coordinator, path: '/collaborazioni' });
    fireEvent.click(await screen.findByRole('button', { name: 'Scarta…' }));
    const dialog = screen.getByRole('dialog', { name: 'Scarta il suggerimento' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scarta il suggerimento' }));
    expect(within(dialog).getByText('Scrivi il motivo.')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Motivo/ }), { target: { value: '  Già si conoscono  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scarta il suggerimento' }));
    await screen.findByText('Suggerimento scartato: Banco Alimentare e Istituto Comprensivo Dante.');
    expect(sent).toEqual([{ reason: 'Già si conoscono' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    // a coordinator does not log activities: no accept
    expect(screen.queryByRole('button', { name: "Accetta e pianifica l'incontro" })).toBeNull();
  });

  it('shows the server refusal of a decision in the dialog', async () => {
    mockFetch({
      'GET /api/collaborations/suggestions': () => jsonResponse(200, page([suggestion])),
      [`POST /api/collaborations/suggestions/${id(90)}/dismiss`]: () =>
        jsonResponse(409, { statusCode: 409, error: 'Conflict', code: 'COLLABORATION_SUGGESTION_DECIDED', message: 'x' }),
    });
    renderWithApp(<SuggestionList />, { user: innovator, path: '/collaborazioni' });
    fireEvent.click(await screen.findByRole('button', { name: 'Scarta…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Motivo/ }), { target: { value: 'No' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Scarta il suggerimento' }));
    expect(await within(dialog).findByText('Questo suggerimento è già stato accettato o scartato.')).toBeTruthy();
  });

  it('offers no decision to a municipality user, and says when there is nothing', async () => {
    mockFetch({
      'GET /api/municipalities': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 200 }),
      'GET /api/collaborations/suggestions': () => jsonResponse(200, page([suggestion])),
    });
    renderWithApp(<SuggestionList />, { user: municipalityUser, path: '/collaborazioni' });
    await screen.findByText('72 su 100');
    expect(screen.queryByRole('button', { name: 'Scarta…' })).toBeNull();
    expect(screen.queryByRole('button', { name: "Accetta e pianifica l'incontro" })).toBeNull();
  });

  it('shows the empty and the error states', async () => {
    mockFetch({ 'GET /api/collaborations/suggestions': () => jsonResponse(200, page([])) });
    const { unmount } = renderWithApp(<SuggestionList />, { user: innovator, path: '/collaborazioni?theme=education' });
    await screen.findByText('Nessun suggerimento con questi filtri.');
    unmount();
    mockFetch({
      'GET /api/collaborations/suggestions': () =>
        jsonResponse(400, { statusCode: 400, error: 'Bad Request', code: 'COLLABORATION_MUNICIPALITY_UNKNOWN', message: 'x' }),
    });
    renderWithApp(<SuggestionList />, { user: innovator, path: '/collaborazioni' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Non è stato possibile caricare i suggerimenti.');
    expect(alert.textContent).toContain('Comune sconosciuto.');
  });
});

import { describe, expect, it } from '@jest/globals';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { DEFAULT_COLLABORATION_WEIGHTS } from '@trama/contracts';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { CollaborationStatus, CollaborationWeights } from '../api/types';
import { WeightsForm } from './weights-form';

// the page's queries resolve after a lazy chunk or a refetch: give them room on a loaded machine
configure({ asyncUtilTimeout: 5000 });

const defaults = { weights: { ...DEFAULT_COLLABORATION_WEIGHTS }, halfLifeMonths: 18, maxHops: 2, minScore: 20 };
const saved = (version: number, weights = defaults.weights): CollaborationWeights => ({
  ...defaults,
  weights,
  version,
  defaults,
  updatedAt: version ? '2026-12-06T10:00:00.000Z' : null,
  updatedBy: version ? { id: coordinator.id, fullName: 'Coordinatrice Bari' } : null,
});
const idle: CollaborationStatus = {
  state: 'idle',
  progress: 1,
  computedVersion: 3,
  weightsVersion: 3,
  startedAt: '2026-12-06T10:00:00.000Z',
  finishedAt: '2026-12-06T10:00:02.000Z',
  durationMs: 2400,
  suggestions: 12,
};
const body = (init: RequestInit) => JSON.parse(String(init.body)) as Record<string, unknown>;
const weightField = (name: RegExp) => screen.getByRole('textbox', { name });

describe('WeightsForm', () => {
  it('saves every weight and parameter with the version loaded, then shows the recompute under way', async () => {
    const sent: Record<string, unknown>[] = [];
    let status: CollaborationStatus = idle;
    mockFetch({
      'GET /api/collaborations/weights': () => jsonResponse(200, saved(3)),
      'GET /api/collaborations/status': () => jsonResponse(200, status),
      'PUT /api/collaborations/weights': (_url, init) => {
        sent.push(body(init));
        status = { ...idle, state: 'running', progress: 0.4 };
        return jsonResponse(200, saved(4, { ...defaults.weights, themes: 50 }));
      },
    });
    renderWithApp(<WeightsForm />, { user: coordinator });
    expect(await screen.findByText(/Suggerimenti aggiornati il/)).toBeTruthy();
    expect(screen.getByText('Predefinito: 20', { exact: false })).toBeTruthy();
    fireEvent.change(weightField(/^Temi in comune/), { target: { value: '50' } });
    fireEvent.change(weightField(/^Emivita/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva e ricalcola' }));
    expect(await screen.findByText('Pesi salvati: i suggerimenti si stanno ricalcolando.')).toBeTruthy();
    expect(sent).toEqual([{ weights: { ...defaults.weights, themes: 50 }, halfLifeMonths: 12, maxHops: 2, minScore: 20, version: 3 }]);
    const progress = await screen.findByRole('progressbar');
    expect(progress.getAttribute('value')).toBe('0.4');
    expect(screen.getByText(/Ricalcolo dei suggerimenti: 40/)).toBeTruthy();
  });

  it('refuses values out of range and all weights at zero without sending anything', async () => {
    const sent: unknown[] = [];
    mockFetch({
      'GET /api/collaborations/weights': () => jsonResponse(200, saved(0)),
      'GET /api/collaborations/status': () => jsonResponse(200, idle),
      'PUT /api/collaborations/weights': (_url, init) => {
        sent.push(body(init));
        return jsonResponse(200, saved(1));
      },
    });
    renderWithApp(<WeightsForm />, { user: coordinator });
    await screen.findByText('Valori predefiniti, mai modificati.');
    fireEvent.change(weightField(/^Passaggi entro cui/), { target: { value: '9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva e ricalcola' }));
    expect(screen.getByText('Un numero intero da 1 a 6.')).toBeTruthy();
    fireEvent.change(weightField(/^Passaggi entro cui/), { target: { value: '3' } });
    for (const label of [
      /^Offerte e bisogni/,
      /^Temi in comune/,
      /^Destinatari in comune/,
      /^Stesso comune/,
      /^Tipi di organizzazione/,
      /^Distanza nella rete/,
    ])
      fireEvent.change(weightField(label), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva e ricalcola' }));
    expect(screen.getByText('Almeno un peso deve essere maggiore di 0.')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('says clearly when someone else saved in between (409) and starts again from the weights saved', async () => {
    let loads = 0;
    mockFetch({
      'GET /api/collaborations/weights': () => {
        loads++;
        return jsonResponse(200, loads === 1 ? saved(3) : saved(5, { ...defaults.weights, territory: 60 }));
      },
      'GET /api/collaborations/status': () => jsonResponse(200, idle),
      'PUT /api/collaborations/weights': () =>
        jsonResponse(409, { statusCode: 409, error: 'Conflict', code: 'STALE_VERSION', message: 'stale' }),
    });
    renderWithApp(<WeightsForm />, { user: coordinator });
    await screen.findByText(/Ultima modifica/);
    fireEvent.change(weightField(/^Temi in comune/), { target: { value: '44' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva e ricalcola' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/un'altra persona ha cambiato i pesi/)).toBeTruthy();
    // reloaded: the form shows what is saved now (version 5), not the typed value
    expect(await screen.findByDisplayValue('60')).toBeTruthy();
    expect((weightField(/^Temi in comune/) as HTMLInputElement).value).toBe(String(defaults.weights.themes));
  });

  it('resets to the defaults after a confirmation, with the version loaded', async () => {
    const sent: unknown[] = [];
    mockFetch({
      'GET /api/collaborations/weights': () => jsonResponse(200, saved(7, { ...defaults.weights, kindRarity: 90 })),
      'GET /api/collaborations/status': () => jsonResponse(200, idle),
      'POST /api/collaborations/weights/reset': (_url, init) => {
        sent.push(body(init));
        return jsonResponse(200, saved(8));
      },
    });
    renderWithApp(<WeightsForm />, { user: coordinator });
    expect(await screen.findByDisplayValue('90')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ripristina i valori predefiniti' }));
    const confirm = screen.getByRole('group', { name: 'Ripristina i valori predefiniti' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ripristina i valori predefiniti' }));
    expect(await screen.findByText('Valori predefiniti ripristinati.')).toBeTruthy();
    expect(sent).toEqual([{ version: 7 }]);
    expect((weightField(/^Tipi di organizzazione/) as HTMLInputElement).value).toBe(String(defaults.weights.kindRarity));
  });
});

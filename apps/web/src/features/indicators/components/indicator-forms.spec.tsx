import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { IndicatorDefinitionDto, IndicatorValueDto } from '../api/types';
import { IndicatorForm } from './indicator-form';
import { ValueEntryForm } from './value-entry-form';
import { ValueQueue } from './value-queue';

const area = { code: 'ATS_BA_01', name: 'Ambito di Molfetta' };
const reference = {
  'GET /api/municipalities': () =>
    jsonResponse(200, { items: [{ istatCode: '072029', name: 'Molfetta', socialArea: area }], total: 1, page: 1, pageSize: 100 }),
  'GET /api/social-areas': () => jsonResponse(200, { items: [area], total: 1, page: 1, pageSize: 100 }),
};

const definition: IndicatorDefinitionDto = {
  code: 'crimes_reported',
  nameIt: 'N. delitti denunciati',
  nameEn: 'No. of crimes reported',
  descriptionIt: null,
  descriptionEn: null,
  unit: 'count',
  kind: 'context',
  timeAggregation: 'sum',
  territoryAggregation: 'sum',
  direction: 'lower',
  perCapita: true,
  decimals: 0,
  baselineValue: null,
  baselineYear: null,
  source: 'manual',
  computation: null,
  computationParams: {},
  position: 3,
  active: true,
  version: 4,
  updatedAt: '2026-12-01T10:00:00.000Z',
  targets: [{ year: 2026, territory: { kind: 'tenant', code: 'tenant', name: '' }, value: 900 }],
};

const body = (init: RequestInit) => JSON.parse(String(init.body)) as Record<string, unknown>;

describe('IndicatorForm', () => {
  it('saves the edited definition with its version, then the whole list of targets with the version the save returned', async () => {
    const sent: Record<string, unknown>[] = [];
    mockFetch({
      ...reference,
      'PATCH /api/indicators/crimes_reported': (_url, init) => {
        sent.push(body(init));
        return jsonResponse(200, { ...definition, version: 5 });
      },
      'PUT /api/indicators/crimes_reported/targets': (_url, init) => {
        sent.push(body(init));
        return jsonResponse(200, { ...definition, version: 6 });
      },
    });
    const onDone = jest.fn();
    renderWithApp(<IndicatorForm indicator={definition} onDone={onDone} onCancel={() => undefined} />, { user: coordinator });
    fireEvent.change(screen.getByLabelText(/^Nome \(italiano\)/), { target: { value: 'Delitti denunciati' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi obiettivo' }));
    const second = screen.getByRole('group', { name: 'Obiettivo 2' });
    await waitFor(() => expect(within(second).getByRole('option', { name: 'Molfetta' })).toBeTruthy());
    fireEvent.change(within(second).getByLabelText(/^Anno/), { target: { value: '2026' } });
    fireEvent.change(within(second).getByLabelText(/^Territorio/), { target: { value: 'municipality:072029' } });
    fireEvent.change(within(second).getByLabelText(/^Valore/), { target: { value: '120,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({ version: 4, nameIt: 'Delitti denunciati', perCapita: true });
    expect(sent[0]).not.toHaveProperty('code');
    expect(sent[0]).not.toHaveProperty('source');
    expect(sent[1]).toEqual({
      version: 5,
      targets: [
        { year: 2026, territory: 'tenant', value: 900 },
        { year: 2026, territory: 'municipality:072029', value: 120.5 },
      ],
    });
  });

  it('refuses a computed definition without its computation before asking the server', async () => {
    const fetch = mockFetch(reference);
    renderWithApp(<IndicatorForm onDone={() => undefined} onCancel={() => undefined} />, { user: coordinator });
    fireEvent.change(screen.getByLabelText(/^Codice/), { target: { value: 'orti_attivi' } });
    fireEvent.change(screen.getByLabelText(/^Nome \(italiano\)/), { target: { value: 'Orti attivi' } });
    fireEvent.change(screen.getByLabelText(/^Nome \(inglese\)/), { target: { value: 'Active gardens' } });
    fireEvent.change(screen.getByLabelText(/^Fonte/), { target: { value: 'computed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva' }));
    const computation = await screen.findByLabelText(/^Calcolo/);
    await waitFor(() => expect(computation.getAttribute('aria-invalid')).toBe('true'));
    expect(fetch.mock.calls.some(([input]) => String(input).includes('/api/indicators'))).toBe(false);
  });
});

describe('ValueEntryForm', () => {
  it('sends the territory, the period, the value typed with a comma and the note', async () => {
    let sent: Record<string, unknown> | null = null;
    mockFetch({
      ...reference,
      'POST /api/indicators/crimes_reported/values': (_url, init) => {
        sent = body(init);
        return jsonResponse(201, { id: 'v1', status: 'draft' });
      },
    });
    renderWithApp(<ValueEntryForm code="crimes_reported" />, { user: coordinator });
    const territory = screen.getByLabelText(/^Territorio/);
    await waitFor(() => expect(within(territory).getByRole('option', { name: 'Molfetta' })).toBeTruthy());
    fireEvent.change(territory, { target: { value: 'municipality:072029' } });
    fireEvent.change(screen.getByLabelText(/^Periodo/), { target: { value: '2025-Q3' } });
    fireEvent.change(screen.getByLabelText(/^Valore/), { target: { value: '1234,5' } });
    fireEvent.change(screen.getByLabelText(/^Nota sulla fonte/), { target: { value: 'ISTAT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva il valore' }));
    await screen.findByText('Valore salvato come bozza.');
    expect(sent).toEqual({ territory: 'municipality:072029', period: '2025-Q3', value: 1234.5, note: 'ISTAT' });
  });

  it('refuses a malformed period before asking the server', async () => {
    const fetch = mockFetch(reference);
    renderWithApp(<ValueEntryForm code="crimes_reported" />, { user: coordinator });
    fireEvent.change(screen.getByLabelText(/^Periodo/), { target: { value: '2025-Q5' } });
    fireEvent.change(screen.getByLabelText(/^Valore/), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva il valore' }));
    await waitFor(() => expect(screen.getByLabelText(/^Periodo/).getAttribute('aria-invalid')).toBe('true'));
    expect(fetch.mock.calls.some(([input]) => String(input).includes('/values'))).toBe(false);
  });
});

describe('ValueQueue', () => {
  const draft: IndicatorValueDto = {
    id: '11111111-1111-4111-8111-111111111111',
    indicator: 'crimes_reported',
    territory: { kind: 'municipality', code: 'municipality:072029', name: 'Molfetta' },
    period: '2025',
    grain: 'year',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    value: 812,
    note: 'ISTAT',
    status: 'draft',
    enteredBy: { id: '00000000-0000-4000-8000-000000000002', fullName: 'Innovatore Bari' },
    validatedBy: null,
    validatedAt: null,
    version: 2,
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
  };

  it('validates a draft with the version it was loaded at, and deletes another with its version', async () => {
    const calls: string[] = [];
    mockFetch({
      'GET /api/indicators': () => jsonResponse(200, { items: [definition], total: 1 }),
      'GET /api/indicators/values/entries': (url) => {
        expect(url.searchParams.get('status')).toBe('draft');
        return jsonResponse(200, { items: [draft], total: 1, page: 1, pageSize: 100 });
      },
      [`POST /api/indicators/values/${draft.id}/validate`]: (_url, init) => {
        calls.push(`validate ${JSON.stringify(body(init))}`);
        return jsonResponse(200, { ...draft, status: 'validated', version: 3 });
      },
      [`DELETE /api/indicators/values/${draft.id}`]: (url) => {
        calls.push(`delete ${url.searchParams.get('version')}`);
        return jsonResponse(204, undefined);
      },
    });
    renderWithApp(<ValueQueue />, { user: coordinator });
    fireEvent.click(await screen.findByRole('button', { name: 'Valida N. delitti denunciati, Molfetta, 2025' }));
    await screen.findByText('Valore validato: N. delitti denunciati, Molfetta, 2025.');
    fireEvent.click(screen.getByRole('button', { name: 'Elimina N. delitti denunciati, Molfetta, 2025' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Elimina' }));
    await waitFor(() => expect(calls).toEqual(['validate {"version":2}', 'delete 2']));
  });
});

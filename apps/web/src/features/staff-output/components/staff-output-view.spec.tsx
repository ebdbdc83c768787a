import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type ActivityType } from '@trama/contracts';
import type { SessionUser } from '../../../lib/api/types';
import type { StaffOutputDto, StaffOutputInnovator } from '../api/types';
import { Route, Routes, useLocation } from 'react-router';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { StaffOutputView } from './staff-output-view';

const TODAY = '2026-03-20';
const ANNA = '11111111-1111-4111-8111-111111111111';
const BRUNO = '22222222-2222-4222-8222-222222222222';
const CARLA = '33333333-3333-4333-8333-333333333333';

const byType = (counts: Partial<Record<ActivityType, number>>) =>
  Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, counts[type] ?? 0])) as Record<ActivityType, number>;

const innovator = (fields: Partial<StaffOutputInnovator> & Pick<StaffOutputInnovator, 'id' | 'fullName'>): StaffOutputInnovator => ({
  active: true,
  hiredOn: '2026-01-15',
  contractEnd: null,
  assignedMunicipalities: [],
  unvisitedMunicipalities: [],
  lastActivityDate: null,
  lastSyncAt: null,
  activities: 0,
  byStatus: { draft: 0, submitted: 0, approved: 0, returned: 0 },
  byType: byType({}),
  hours: 0,
  participants: 0,
  reviewTime: { reviewed: 0, medianHours: null, p90Hours: null },
  ...fields,
});

function report(period = { from: '2026-03-01', to: TODAY }): StaffOutputDto {
  return {
    tenant: coordinator.tenant!,
    period: { ...period, staleDays: 30, staleSince: '2026-02-19' },
    reportedStatuses: ['submitted', 'approved'],
    innovators: [
      innovator({
        id: ANNA,
        fullName: 'Anna Amoruso',
        assignedMunicipalities: [
          { istatCode: '072006', name: 'Bari' },
          { istatCode: '072029', name: 'Molfetta' },
        ],
        unvisitedMunicipalities: [{ istatCode: '072006', name: 'Bari', lastVisit: '2026-02-10' }],
        lastActivityDate: '2026-03-19',
        lastSyncAt: new Date(Date.now() - 3_600_000).toISOString(),
        activities: 5,
        byStatus: { draft: 1, submitted: 0, approved: 2, returned: 2 },
        byType: byType({ meeting: 2, workshop: 1, event: 1, consulting: 1 }),
        hours: 4.2,
        participants: 1032,
        reviewTime: { reviewed: 4, medianHours: 42, p90Hours: 81.6 },
      }),
      innovator({
        id: BRUNO,
        fullName: 'Bruno Colella',
        assignedMunicipalities: [{ istatCode: '072020', name: 'Corato' }],
        unvisitedMunicipalities: [{ istatCode: '072020', name: 'Corato', lastVisit: null }],
      }),
      innovator({
        id: CARLA,
        fullName: 'Carla Losito',
        active: false,
        contractEnd: '2026-03-31',
        lastActivityDate: '2026-03-05',
        lastSyncAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
        activities: 7,
        byStatus: { draft: 0, submitted: 0, approved: 7, returned: 0 },
        byType: byType({ training: 7 }),
        hours: 10,
        participants: 3,
        reviewTime: { reviewed: 1, medianHours: 205.5, p90Hours: 205.5 },
      }),
    ],
    totals: {
      activities: 12,
      byStatus: { draft: 1, submitted: 0, approved: 9, returned: 2 },
      byType: byType({ meeting: 2, workshop: 1, event: 1, consulting: 1, training: 7 }),
      hours: 14.2,
      participants: 1035,
      reviewTime: { reviewed: 5, medianHours: 48, p90Hours: 161.7 },
      innovators: 3,
      activeInnovators: 2,
      unvisitedMunicipalities: 2,
    },
  };
}

/** Shows where a drill-down link led. */
function ActivitiesProbe() {
  const location = useLocation();
  return <p data-testid="activities-location">{`${location.pathname}${location.search}`}</p>;
}

function renderPage(options: { user?: SessionUser; path?: string } = {}) {
  return renderWithApp(
    <Routes>
      <Route path="/staff" element={<StaffOutputView today={TODAY} />} />
      <Route path="/attivita" element={<ActivitiesProbe />} />
    </Routes>,
    { user: options.user ?? coordinator, path: options.path ?? '/staff' },
  );
}

const rowOf = (table: HTMLElement, name: string) =>
  within(table)
    .getByRole('rowheader', { name: new RegExp(name) })
    .closest('tr')!;
const cell = (row: HTMLElement, column: string) => row.querySelector(`[data-column="${column}"]`)!;

describe('StaffOutputView', () => {
  it('asks for the last 30 days by default, says so, and shows the figures in the table, in Italian formats', async () => {
    const fetchMock = mockFetch({ 'GET /api/staff-output': () => jsonResponse(200, report()) });
    renderPage();

    const table = await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    const url = new URL(String(fetchMock.mock.calls[0][0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-02-19', to: '2026-03-20', staleDays: '30' });
    expect(screen.getByText(/Periodo predefinito: gli ultimi 30 giorni/).getAttribute('role')).toBe('status');

    const anna = rowOf(table, 'Anna Amoruso');
    expect(cell(anna, 'activities')).toHaveTextContent('5');
    expect(cell(anna, 'draft')).toHaveTextContent('1');
    expect(cell(anna, 'approved')).toHaveTextContent('2');
    expect(cell(anna, 'hours')).toHaveTextContent('4,2');
    expect(cell(anna, 'participants')).toHaveTextContent('1032');
    expect(cell(anna, 'medianReview')).toHaveTextContent('42,0');
    expect(cell(anna, 'p90Review')).toHaveTextContent('81,6');
    expect(cell(anna, 'unvisited')).toHaveTextContent('Bari (ultima visita 10 feb 2026)');
    expect(cell(anna, 'lastActivity')).toHaveTextContent('19 mar 2026');
    expect(within(anna).getByRole('rowheader')).toHaveTextContent('in servizio dal 15 gen 2026');

    const bruno = rowOf(table, 'Bruno Colella');
    expect(cell(bruno, 'activities')).toHaveTextContent('0');
    expect(within(cell(bruno, 'activities') as HTMLElement).queryByRole('link')).toBeNull();
    expect(cell(bruno, 'medianReview')).toHaveTextContent('—');
    expect(cell(bruno, 'unvisited')).toHaveTextContent('Corato (mai visitato)');

    const carla = rowOf(table, 'Carla Losito');
    expect(within(carla).getByRole('rowheader')).toHaveTextContent(/Non attivo.*contratto fino al 31 mar 2026/);
    expect(cell(carla, 'hours')).toHaveTextContent('10,0');
    expect(cell(carla, 'medianReview')).toHaveTextContent('205,5');

    const totals = table.querySelector('tfoot tr')!;
    expect(within(totals as HTMLElement).getByRole('rowheader')).toHaveTextContent('Totale (3 innovatori, 2 attivi)');
    expect(cell(totals as HTMLElement, 'activities')).toHaveTextContent('12');
    expect(cell(totals as HTMLElement, 'participants')).toHaveTextContent('1035');
    expect(cell(totals as HTMLElement, 'p90Review')).toHaveTextContent('161,7');
    expect(screen.getByRole('region', { name: /^Produzione per innovatore/ })).toHaveAttribute('tabindex', '0');
    // the basis of hours and participants is said in words
    expect(screen.getByText(/Ore e partecipanti contano solo le attività negli stati «In revisione», «Approvata»/)).toBeInTheDocument();
  });

  it('draws the chart with the same figures as the table, in the same order', async () => {
    mockFetch({ 'GET /api/staff-output': () => jsonResponse(200, report()) });
    renderPage();
    const table = await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    const chart = screen.getByRole('img', { name: /Grafico a barre/ });
    expect(chart).toHaveAccessibleName(
      expect.stringContaining('3 innovatori, 12 attività, di cui 9 approvate, 0 in revisione, 2 restituite, 1 bozza'),
    );
    expect(chart).toHaveAccessibleName(expect.stringContaining('Più attività: Carla Losito (7)'));

    const check = () => {
      const chartRows = [...chart.querySelectorAll<HTMLElement>('[data-innovator]')];
      const tableRows = [...table.querySelectorAll<HTMLElement>('tbody tr')];
      expect(chartRows.map((r) => r.dataset.innovator)).toEqual(tableRows.map((r) => r.dataset.innovator));
      const max = Math.max(...tableRows.map((r) => Number(cell(r, 'activities').textContent)));
      for (const [i, bar] of chartRows.entries()) {
        for (const status of ACTIVITY_STATUSES) {
          const rect = bar.querySelector<SVGRectElement>(`rect[data-status="${status}"]`);
          const inTable = Number(cell(tableRows[i], status).textContent);
          expect([bar.dataset.innovator, status, rect ? Number(rect.dataset.count) : 0]).toEqual([bar.dataset.innovator, status, inTable]);
          if (rect) expect(Number.parseFloat(rect.getAttribute('width')!)).toBeCloseTo((inTable / max) * 100, 5);
        }
        expect(bar.querySelector('[data-total]')).toHaveTextContent(cell(tableRows[i], 'activities').textContent!);
      }
    };
    check();
    // sorted by activities (most first), the chart follows the table
    fireEvent.click(within(table).getByRole('button', { name: /^Attività/ }));
    expect(within(table).getByRole('columnheader', { name: /^Attività/ })).toHaveAttribute('aria-sort', 'descending');
    expect([...table.querySelectorAll<HTMLElement>('tbody tr')].map((r) => r.dataset.innovator)).toEqual([CARLA, ANNA, BRUNO]);
    check();
  });

  it("shows each innovator's last sync, marks in words one not synced for days, and sorts by it", async () => {
    mockFetch({ 'GET /api/staff-output': () => jsonResponse(200, report()) });
    renderPage();
    const table = await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    const anna = cell(rowOf(table, 'Anna Amoruso'), 'lastSync');
    const carla = cell(rowOf(table, 'Carla Losito'), 'lastSync');
    expect(anna).not.toHaveTextContent('non sincronizza');
    expect(anna).not.toHaveAttribute('data-stale');
    expect(carla).toHaveTextContent('non sincronizza da più di 3 giorni');
    expect(carla).toHaveAttribute('data-stale', 'true');
    expect(cell(rowOf(table, 'Bruno Colella'), 'lastSync')).toHaveTextContent('mai');
    const order = () => [...table.querySelectorAll<HTMLElement>('tbody tr')].map((r) => r.dataset.innovator);
    const header = within(table).getByRole('button', { name: /^Ultima sincronizzazione/ });
    fireEvent.click(header);
    expect(order()).toEqual([ANNA, CARLA, BRUNO]);
    fireEvent.click(header);
    // the longest without a sync first: the ones to call
    expect(order()).toEqual([CARLA, ANNA, BRUNO]);
  });

  it('sorts by a column both ways, empty values last', async () => {
    mockFetch({ 'GET /api/staff-output': () => jsonResponse(200, report()) });
    renderPage();
    const table = await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    const order = () => [...table.querySelectorAll<HTMLElement>('tbody tr')].map((r) => r.dataset.innovator);
    const header = within(table).getByRole('button', { name: /^Revisione, mediana/ });
    fireEvent.click(header);
    expect(order()).toEqual([CARLA, ANNA, BRUNO]);
    fireEvent.click(header);
    expect(within(table).getByRole('columnheader', { name: /^Revisione, mediana/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(order()).toEqual([ANNA, CARLA, BRUNO]);
  });

  it('drills down to the activity list with the innovator, status or type, and the period', async () => {
    mockFetch({ 'GET /api/staff-output': () => jsonResponse(200, report()) });
    renderPage();
    const table = await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    const anna = rowOf(table, 'Anna Amoruso');
    expect(within(anna).getByRole('link', { name: 'Anna Amoruso: tutte le attività del periodo' })).toHaveAttribute(
      'href',
      `/attivita?innovator=${ANNA}&from=2026-03-01&to=2026-03-20`,
    );
    const typeTable = screen.getByRole('table', { name: /^Attività per tipo/ });
    expect(within(rowOf(typeTable, 'Anna Amoruso')).getByRole('link', { name: /^2 attività «Incontro» di Anna Amoruso/ })).toHaveAttribute(
      'href',
      `/attivita?innovator=${ANNA}&type=meeting&from=2026-03-01&to=2026-03-20`,
    );

    fireEvent.click(within(anna).getByRole('link', { name: /^2 attività «Approvata» di Anna Amoruso/ }));
    const location = await screen.findByTestId('activities-location');
    const url = new URL(location.textContent!, 'http://localhost');
    expect(url.pathname).toBe('/attivita');
    expect(Object.fromEntries(url.searchParams)).toEqual({ innovator: ANNA, status: 'approved', from: '2026-03-01', to: '2026-03-20' });
  });

  it('checks a custom period before asking, then asks for it and keeps it in the URL', async () => {
    const fetchMock = mockFetch({
      'GET /api/staff-output': (url) => jsonResponse(200, report({ from: url.searchParams.get('from')!, to: url.searchParams.get('to')! })),
    });
    renderPage();
    await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.change(screen.getByLabelText('Periodo'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('Dal'), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText('Al'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText(/^Comuni non visitati da/), { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostra' }));
    expect(screen.getByLabelText('Al')).toHaveAccessibleDescription('La data di fine non può precedere quella di inizio.');
    expect(screen.getByLabelText('Al')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Comuni non visitati da/)).toHaveAccessibleDescription(/Indica un numero intero di giorni da 1 a 365/);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    fireEvent.change(screen.getByLabelText('Al'), { target: { value: '2026-03-15' } });
    fireEvent.change(screen.getByLabelText(/^Comuni non visitati da/), { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostra' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const url = new URL(String(fetchMock.mock.calls[1][0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-03-10', to: '2026-03-15', staleDays: '14' });
    expect(await screen.findByRole('table', { name: 'Produzione per innovatore dal 10 mar 2026 al 15 mar 2026' })).toBeInTheDocument();
    // the form keeps the applied choice (it lives in the URL)
    expect(screen.getByLabelText('Periodo')).toHaveValue('custom');
    expect(screen.getByLabelText('Dal')).toHaveValue('2026-03-10');
  });

  it('reads presets relative to today: last month is the whole previous month', async () => {
    const fetchMock = mockFetch({ 'GET /api/staff-output': () => jsonResponse(200, report()) });
    renderPage({ path: '/staff?period=last-month&staleDays=7' });
    await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    const url = new URL(String(fetchMock.mock.calls[0][0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: '2026-02-01', to: '2026-02-28', staleDays: '7' });
    expect(screen.getByRole('option', { name: "Quest'anno (1 gen 2026 – 20 mar 2026)" })).toBeInTheDocument();
  });

  it("shows the server's field errors beside the field", async () => {
    mockFetch({
      'GET /api/staff-output': () =>
        jsonResponse(400, {
          statusCode: 400,
          error: 'Bad Request',
          code: 'VALIDATION_FAILED',
          message: 'staleDays must not be greater than 365',
          details: [
            { field: 'staleDays', messages: ['staleDays must not be greater than 365'], codes: ['OUT_OF_RANGE'], params: { max: 365 } },
          ],
        }),
    });
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('Impossibile calcolare la produzione dello staff');
    await waitFor(() =>
      expect(screen.getByLabelText(/^Comuni non visitati da/)).toHaveAccessibleDescription(/Valore fuori dai limiti consentiti\./),
    );
  });

  it('lets an admin choose the metropolitan city and sends it', async () => {
    const admin: SessionUser = { ...coordinator, id: '00000000-0000-4000-8000-0000000000ad', role: 'admin', tenant: null };
    const fetchMock = mockFetch({
      'GET /api/tenants': () =>
        jsonResponse(200, [
          { id: 'b', istatCode: '237', name: 'Città Metropolitana di Bologna' },
          { id: 'a', istatCode: '272', name: 'Città Metropolitana di Bari' },
        ]),
      'GET /api/staff-output': () => jsonResponse(200, report()),
    });
    renderPage({ user: admin });
    expect(await screen.findByText('Scegli una città metropolitana per vedere la produzione dei suoi innovatori.')).toBeInTheDocument();
    expect(await screen.findByRole('option', { name: 'Città Metropolitana di Bologna' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Mostra' }));
    expect(screen.getByLabelText('Città metropolitana')).toHaveAccessibleDescription('Scegli la città metropolitana.');
    expect(fetchMock.mock.calls.some((call) => String(call[0]).includes('/staff-output'))).toBe(false);

    fireEvent.change(screen.getByLabelText('Città metropolitana'), { target: { value: '272' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mostra' }));
    await screen.findByRole('table', { name: /^Produzione per innovatore/ });
    const call = fetchMock.mock.calls.find((c) => String(c[0]).includes('/staff-output'))!;
    expect(new URL(String(call[0]), 'http://localhost').searchParams.get('tenant')).toBe('272');
  });
});

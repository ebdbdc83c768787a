import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { progressShares } from '@trama/contracts';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { ProjectDto, ProjectProgress } from '../api/types';
import { AMOUNT_KEYS, progressOverTime } from './chart-options';
import { ProjectDetail } from './project-detail';

// the chart itself is echarts' (drawn in the browser journey); here its option is checked against the table
jest.mock('./echarts-view', () => ({ __esModule: true, default: () => <div data-testid="echarts" /> }));

const ID = '0b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f';

function snapshot(
  id: string,
  date: string,
  amounts: { programmed: number; admitted: number; committed: number; paid: number },
): ProjectProgress {
  return { id, date, ...amounts, shares: progressShares(amounts) };
}

const PROGRESS = [
  snapshot('p1', '2017-12-31', { programmed: 412248.84, admitted: 412248.84, committed: 148500, paid: 21350 }),
  snapshot('p2', '2021-06-30', { programmed: 412248.84, admitted: 412248.84, committed: 412248.84, paid: 412248.83 }),
];

function project(overrides: Partial<ProjectDto> = {}): ProjectDto {
  return {
    id: ID,
    clientId: '1b0c7a52-6c55-4a3b-9f4e-2a1b3c4d5e6f',
    version: 6,
    code: 'BO3.3.1.b',
    title: 'Accelerazione civica',
    description: null,
    programme: 'pon_metro',
    action: 'Azione 3.3.1',
    implementingBody: 'Comune di Bologna',
    implementingOrganization: null,
    cup: 'F39G16000350007',
    rup: null,
    startDate: '2016-11-01',
    endDate: '2021-03-30',
    status: 'completed',
    expectedInvestment: null,
    municipalities: [{ istatCode: '037006', name: 'Bologna' }],
    latestProgress: PROGRESS[1],
    documents: [{ title: 'Scheda', url: 'https://opencoesione.gov.it/' }],
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    progress: PROGRESS,
    beneficiaries: [],
    initiatives: [],
    buildings: [],
    activities: [],
    ...overrides,
  };
}

describe('ProjectDetail', () => {
  it('shows the snapshots in a table whose figures are the chart’s, with the percentages', async () => {
    renderWithApp(<ProjectDetail project={project()} canWrite={false} />, { user: coordinator });
    const table = screen.getByTestId('progress-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('412.248,83');
    expect(rows[1]).toHaveTextContent('100%');
    expect(rows[0]).toHaveTextContent('36%');
    expect(rows[0]).toHaveTextContent('5,2%');
    await screen.findByTestId('echarts');
    // the chart draws one series per amount, a point per snapshot: the same numbers as the table
    const option = progressOverTime(
      PROGRESS,
      { programmed: 'P', admitted: 'A', committed: 'C', paid: 'Pg' },
      { date: (d) => d, money: (n) => String(n) },
    ) as { series: { data: number[] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['2017-12-31', '2021-06-30']);
    AMOUNT_KEYS.forEach((key, i) => expect(option.series[i].data).toEqual(PROGRESS.map((p) => p[key])));
    expect(screen.queryByRole('button', { name: 'Aggiungi i dati finanziari' })).toBeNull();
  });

  it('adds a snapshot with amounts typed the Italian way, and shows the server’s refusal beside the field', async () => {
    const bodies: unknown[] = [];
    mockFetch({
      [`POST /api/projects/${ID}/progress`]: async (_url, init) => {
        const body = JSON.parse(String(init.body ?? (await new Request('http://x', init).text())));
        bodies.push(body);
        if (bodies.length === 1) {
          return jsonResponse(400, {
            statusCode: 400,
            error: 'Bad Request',
            code: 'PROJECT_PAID_OVER_COMMITTED',
            message: 'The paid amount cannot exceed the legally committed amount',
            details: [{ field: 'paid', messages: ['paid must not exceed committed'], codes: ['PROJECT_PAID_OVER_COMMITTED'] }],
          });
        }
        return jsonResponse(201, project({ version: 7 }));
      },
      [`GET /api/projects/${ID}/history`]: () => jsonResponse(200, { entries: [] }),
      'GET /api/projects': () => jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 100 }),
    });
    renderWithApp(<ProjectDetail project={project()} canWrite />, { user: coordinator });
    fireEvent.change(screen.getByLabelText(/^Data dei dati/), { target: { value: '2021-12-31' } });
    fireEvent.change(screen.getByLabelText(/^Impegni giuridicamente vincolanti/), { target: { value: '1.000,50' } });
    fireEvent.change(screen.getByLabelText(/^Pagamenti/), { target: { value: '2000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi i dati finanziari' }));
    await screen.findByText('I pagamenti non possono superare gli impegni.');
    expect(bodies[0]).toEqual({
      date: '2021-12-31',
      programmed: 412248.84,
      admitted: 412248.84,
      committed: 1000.5,
      paid: 2000,
      version: 6,
    });
    fireEvent.change(screen.getByLabelText(/^Pagamenti/), { target: { value: '900' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aggiungi i dati finanziari' }));
    await screen.findByText('Dati finanziari aggiunti.');
    expect(bodies).toHaveLength(2);
  });
});

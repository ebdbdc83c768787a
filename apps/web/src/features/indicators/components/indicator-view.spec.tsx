import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { byMunicipality, point, valuesResponse } from '../test-fixtures';
import { IndicatorView } from './indicator-view';

// echarts and Leaflet do not draw in jsdom: the chart and the map are stood in for by what they are given
jest.mock('./trend-chart', () => ({
  TrendChart: ({ points }: { points: { period: string; value: number | null }[] }) => (
    <ol data-testid="trend-chart">
      {points.map((p) => (
        <li key={p.period}>{`${p.period}:${p.value ?? 'null'}`}</li>
      ))}
    </ol>
  ),
}));
jest.mock('./choropleth-map', () => ({
  ChoroplethMap: ({ areas }: { areas: Map<string, { classIndex: number | null }> }) => (
    <ul data-testid="choropleth">
      {[...areas].map(([istat, area]) => (
        <li key={istat} data-istat={istat} data-class={area.classIndex ?? 'missing'} />
      ))}
    </ul>
  ),
}));

const molfettaUser: SessionUser = {
  ...coordinator,
  id: '00000000-0000-4000-8000-000000000003',
  email: 'comune.molfetta@trama.test',
  role: 'municipality',
  territory: { kind: 'municipality', code: '072029', name: 'Molfetta' },
};

const area = { code: 'ATS_BA_01', name: 'Ambito di Molfetta' };
const municipality = (istatCode: string, name: string) => ({ istatCode, name, socialArea: area, population: 1000 });
const allMunicipalities = byMunicipality.map((p) => municipality(p.territory.slice('municipality:'.length), p.territoryName));

function serve(user: SessionUser) {
  const own = user.role === 'municipality';
  const valueRequests: URLSearchParams[] = [];
  const fetch = mockFetch({
    'GET /api/municipalities': () => {
      const items = own ? allMunicipalities.filter((m) => m.istatCode === '072029') : allMunicipalities;
      return jsonResponse(200, { items, total: items.length, page: 1, pageSize: 100 });
    },
    'GET /api/social-areas': () => jsonResponse(200, { items: own ? [] : [area], total: own ? 0 : 1, page: 1, pageSize: 100 }),
    'GET /api/map/municipalities': () => jsonResponse(200, { type: 'FeatureCollection', features: [] }),
    'GET /api/indicators/initiatives_realised/values': (url) => {
      valueRequests.push(url.searchParams);
      const territory = url.searchParams.get('territory')!;
      const perCapita = url.searchParams.get('perCapita') === 'true';
      if (url.searchParams.get('by') === 'municipality' || url.searchParams.get('period')) {
        const items = url.searchParams.get('by') ? byMunicipality : byMunicipality.filter((p) => p.territory === territory);
        return jsonResponse(200, { ...valuesResponse(items), perCapita });
      }
      const from = Number(url.searchParams.get('from'));
      // the answer lacks the second year: the page must show it as missing
      return jsonResponse(200, {
        ...valuesResponse([point(territory, 'x', 3, { period: String(from) }), point(territory, 'x', 5, { period: String(from + 2) })]),
        perCapita,
      });
    },
  });
  return { fetch, valueRequests };
}

describe('IndicatorView', () => {
  it('draws the map and the ranking table from the same answer: same municipalities, same classes', async () => {
    serve(coordinator);
    renderWithApp(<IndicatorView code="initiatives_realised" />, { user: coordinator, path: '/indicatori/initiatives_realised' });
    await screen.findByRole('heading', { level: 1, name: 'N. iniziative realizzate' });
    const map = await screen.findByTestId('choropleth');
    const table = await screen.findByRole('table', { name: /^Classifica dei comuni/ });
    const rows = within(table).getAllByRole('row').slice(1);
    const fromTable = rows.map((r) => [r.dataset.territory!.slice('municipality:'.length), r.dataset.class]).sort();
    const fromMap = Array.from(map.querySelectorAll('li'), (li) => [li.dataset.istat, li.dataset.class]).sort();
    expect(fromMap).toEqual(fromTable);
    expect(fromTable).toHaveLength(5);
    expect(fromTable).toContainEqual(['072043', 'missing']);
  });

  it('shows a period the answer lacks as missing in the trend and its table, never as zero', async () => {
    serve(coordinator);
    renderWithApp(<IndicatorView code="initiatives_realised" />, {
      user: coordinator,
      path: '/indicatori/initiatives_realised?dal=2022&al=2026',
    });
    const chart = await screen.findByTestId('trend-chart');
    expect(Array.from(chart.querySelectorAll('li'), (li) => li.textContent)).toEqual([
      '2022:3',
      '2023:null',
      '2024:5',
      '2025:null',
      '2026:null',
    ]);
    const trendTable = screen.getByRole('table', { name: /^Andamento di/ });
    const row2023 = within(trendTable).getByRole('rowheader', { name: '2023' }).closest('tr')!;
    expect(within(row2023).getByText('dato mancante')).toBeTruthy();
  });

  it('asks for a social area and for per-capita values when the user picks them', async () => {
    const { valueRequests } = serve(coordinator);
    renderWithApp(<IndicatorView code="initiatives_realised" />, { user: coordinator, path: '/indicatori/initiatives_realised' });
    const picker = await screen.findByRole('combobox', { name: 'Territorio' });
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'Ambito di Molfetta' })).toBeTruthy());
    fireEvent.change(picker, { target: { value: 'socialArea:ATS_BA_01' } });
    await waitFor(() =>
      expect(valueRequests.some((q) => q.get('territory') === 'socialArea:ATS_BA_01' && q.get('by') === 'municipality')).toBe(true),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Per 1.000 abitanti' }));
    await waitFor(() =>
      expect(valueRequests.some((q) => q.get('territory') === 'socialArea:ATS_BA_01' && q.get('perCapita') === 'true')).toBe(true),
    );
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Per 1.000 abitanti' }) as HTMLInputElement).checked).toBe(true));
  });

  it('limits a municipality user to their own municipality: no metropolitan city, no drafts toggle, every request on Molfetta', async () => {
    const { valueRequests } = serve(molfettaUser);
    renderWithApp(<IndicatorView code="initiatives_realised" />, { user: molfettaUser, path: '/indicatori/initiatives_realised' });
    const picker = await screen.findByRole('combobox', { name: 'Territorio' });
    await waitFor(() =>
      expect(
        within(picker)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Molfetta']),
    );
    expect(screen.queryByRole('checkbox', { name: 'Includi le bozze' })).toBeNull();
    await screen.findByRole('table', { name: /^Classifica/ });
    expect(valueRequests.length).toBeGreaterThan(0);
    for (const q of valueRequests) {
      expect(q.get('territory')).toBe('municipality:072029');
      expect(q.get('by')).toBeNull();
    }
  });
});

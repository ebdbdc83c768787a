import { describe, expect, it, jest } from '@jest/globals';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { id, NETWORK } from '../test-fixtures';
import { pairKey } from '../utils/network-model';
import type { NetworkGraphProps } from './network-graph';
import { NetworkView } from './network-view';

// the page's queries resolve after a lazy chunk or a refetch: give them room on a loaded machine
configure({ asyncUtilTimeout: 5000 });

// sigma needs WebGL 2, which jsdom lacks: the graph is a stub that shows what the page hands it
jest.mock('./network-graph', () => ({
  __esModule: true,
  default: (props: NetworkGraphProps) => (
    <div
      data-testid="graph"
      role="img"
      aria-label={props.label}
      data-highlighted={props.highlighted ?? ''}
      data-focus={props.focusRequest}
      data-pairs={props.graph
        .mapEdges((_k, a, s, t) => `${s < t ? `${s}|${t}` : `${t}|${s}`}:${a.suggested}`)
        .sort()
        .join(',')}
      data-colour={props.graph.getNodeAttribute(props.graph.nodes()[0], 'color')}
    />
  ),
}));

let webgl = true;
jest.mock('../utils/webgl', () => ({ webgl2Available: () => webgl }));

function serve() {
  const queries: URLSearchParams[] = [];
  mockFetch({
    'GET /api/municipalities': () =>
      jsonResponse(200, {
        items: [
          { istatCode: '072006', name: 'Bari', socialArea: null, population: 1 },
          { istatCode: '072029', name: 'Molfetta', socialArea: null, population: 1 },
        ],
        total: 2,
        page: 1,
        pageSize: 200,
      }),
    'GET /api/collaborations/network': (url) => {
      queries.push(url.searchParams);
      return jsonResponse(200, NETWORK);
    },
  });
  return queries;
}

describe('NetworkView', () => {
  it('draws the graph and lists the same pairs in its table, the suggested ones marked', async () => {
    webgl = true;
    const queries = serve();
    renderWithApp(<NetworkView />, { user: coordinator, path: '/collaborazioni/rete?municipality=072006' });
    const graph = await screen.findByTestId('graph', {}, { timeout: 5000 });
    expect(graph.getAttribute('aria-label')).toMatch(/5 organizzazioni, 2 collegamenti e 2 collegamenti suggeriti/);
    const pairs = screen.getByRole('table', { name: /Collegamenti e coppie suggerite/ });
    const rows = within(pairs).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children, (c) => c.textContent))).toEqual([
      ['Associazione Aurora', 'Banco Alimentare', 'Collegamento', '2,5'],
      ['Cooperativa Città Nuova', 'Istituto Comprensivo Dante', 'Collegamento', '0,75'],
      ['Associazione Aurora', 'Cooperativa Città Nuova', 'Suggerito', '—'],
      ['Banco Alimentare', 'Istituto Comprensivo Dante', 'Suggerito', '—'],
    ]);
    // the same pairs as the graph's data, no more, no fewer
    const tablePairs = rows.map((r) => `${r.dataset.pair}:${r.dataset.suggested}`).sort();
    expect(graph.dataset.pairs).toBe(tablePairs.join(','));
    expect(tablePairs).toContain(`${pairKey(id(2), id(4))}:true`);
    expect(queries[0].get('municipality')).toBe('072006');
    // the node table names municipalities and communities
    const nodes = screen.getByRole('table', { name: /Organizzazioni della rete/ });
    const banco = within(nodes).getByRole('button', { name: 'Banco Alimentare' }).closest('tr')!;
    expect(Array.from(banco.children, (c) => c.textContent)).toEqual([
      'Banco Alimentare',
      'Organizzazione di volontariato (ODV)',
      'Bari',
      '1',
      '1',
      '1',
    ]);
  });

  it('highlights an organization focused in the table and opens its panel with Enter (a click)', async () => {
    webgl = true;
    serve();
    renderWithApp(<NetworkView />, { user: coordinator, path: '/collaborazioni/rete' });
    const graph = await screen.findByTestId('graph', {}, { timeout: 5000 });
    const button = screen.getByRole('button', { name: 'Banco Alimentare' });
    fireEvent.focus(button);
    expect(graph.dataset.highlighted).toBe(id(2));
    expect(graph.dataset.focus).toBe('0');
    fireEvent.click(button);
    const panel = screen.getByRole('complementary', { name: 'Banco Alimentare' });
    expect(graph.dataset.focus).toBe('1');
    expect(within(panel).getByText(/peso 2,5/)).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Mostra Istituto Comprensivo Dante nel grafo' })).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'I suoi suggerimenti' }).getAttribute('href')).toBe(
      `/collaborazioni?organization=${id(2)}`,
    );
    expect(document.activeElement?.textContent).toBe('Banco Alimentare');
    // from the panel to a partner
    fireEvent.click(within(panel).getByRole('button', { name: 'Mostra Istituto Comprensivo Dante nel grafo' }));
    expect(screen.getByRole('complementary', { name: 'Istituto Comprensivo Dante' })).toBeTruthy();
    expect(graph.dataset.highlighted).toBe(id(4));
  });

  it('finds an organization by name and focuses it; says when none matches', async () => {
    webgl = true;
    serve();
    renderWithApp(<NetworkView />, { user: coordinator, path: '/collaborazioni/rete' });
    const graph = await screen.findByTestId('graph', {}, { timeout: 5000 });
    const search = screen.getByRole('searchbox', { name: "Trova un'organizzazione" });
    fireEvent.change(search, { target: { value: 'zzz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trova' }));
    expect(screen.getByText('Nessuna organizzazione della rete si chiama così.')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'citta nuova' } });
    fireEvent.click(screen.getByRole('button', { name: 'Trova' }));
    expect(graph.dataset.highlighted).toBe(id(3));
    expect(screen.getByRole('complementary', { name: 'Cooperativa Città Nuova' })).toBeTruthy();
    // the table narrows to the matches
    const nodes = screen.getByRole('table', { name: /Organizzazioni della rete \(1\)/ });
    expect(within(nodes).getAllByRole('row')).toHaveLength(2);
  });

  it('colours by kind when asked', async () => {
    webgl = true;
    serve();
    renderWithApp(<NetworkView />, { user: coordinator, path: '/collaborazioni/rete' });
    await screen.findByTestId('graph', {}, { timeout: 5000 });
    expect(screen.getByText('Comunità 1')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Tipo di organizzazione' }));
    expect(screen.queryByText('Comunità 1')).toBeNull();
    expect(screen.getByRole('region', { name: 'Legenda' }).textContent).toContain('Scuola');
  });

  it('without WebGL 2 says so and keeps the tables', async () => {
    webgl = false;
    serve();
    renderWithApp(<NetworkView />, { user: coordinator, path: '/collaborazioni/rete' });
    expect(await screen.findByText(/WebGL 2 non disponibile/)).toBeTruthy();
    expect(screen.queryByTestId('graph')).toBeNull();
    expect(screen.getByRole('table', { name: /Collegamenti e coppie suggerite \(4\)/ })).toBeTruthy();
  });
});

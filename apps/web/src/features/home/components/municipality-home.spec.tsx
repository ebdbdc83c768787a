import { describe, expect, it, jest } from '@jest/globals';
import { ACTIVITY_TYPES, ORGANIZATION_KINDS, THEMES } from '@trama/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import type { SessionUser } from '../../../lib/api/types';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { MunicipalityHomeDto } from '../api/types';
import { tableCsv } from '../utils/csv';
import { MunicipalityHome } from './municipality-home';

const molfetta: SessionUser = {
  ...coordinator,
  id: '00000000-0000-4000-8000-000000000003',
  email: 'comune.molfetta@trama.test',
  fullName: 'Comune di Molfetta',
  role: 'municipality',
  territory: { kind: 'municipality', code: '072029', name: 'Molfetta' },
};

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const home: MunicipalityHomeDto = {
  from: '2026-01-01',
  to: '2026-03-31',
  defaultPeriod: true,
  approved: { total: 0, capped: false },
  byType: zero(ACTIVITY_TYPES),
  byTheme: zero(THEMES),
  latest: [],
  points: [],
  pointsCapped: false,
  registers: {
    buildings: { total: 3, byStage: { mapped: 1, assessed: 0, planned: 0, assigned: 1, active: 1, discarded: 0 } },
    organizations: {
      total: 2,
      byKind: { ...zero(ORGANIZATION_KINDS), aps: 1, odv: 1 },
    },
    initiatives: { total: 1, byStatus: { idea: 0, planned: 1, running: 0, completed: 0, stopped: 0 } },
  },
  expiringAssignments: {
    months: 6,
    total: 1,
    overdue: 1,
    items: [
      {
        id: '22222222-2222-4222-8222-222222222222',
        name: 'Ex mercato ittico',
        version: 3,
        municipality: { istatCode: '072029', name: 'Molfetta' },
        stage: 'active',
        assignment: {
          organization: { id: '33333333-3333-4333-8333-333333333333', name: 'Circolo Il Faro' },
          instrument: 'free_loan',
          startDate: '2024-01-01',
          endDate: '2026-03-01',
        },
        daysLeft: -19,
        overdue: true,
      },
    ],
  },
};

describe('MunicipalityHome ("Il mio territorio")', () => {
  it('shows the territory’s registers per stage, kind and status, each row a link to its list with the territory, and the exports', async () => {
    const fetch = mockFetch({
      'GET /api/home/municipality': () => jsonResponse(200, home),
      'GET /api/map/municipalities': () => jsonResponse(200, { type: 'FeatureCollection', features: [] }),
      'GET /api/config': () => jsonResponse(200, { tileUrl: '', tileAttribution: '' }),
    });
    renderWithApp(<MunicipalityHome />, { user: molfetta });
    await screen.findByRole('heading', { level: 1, name: 'Il mio territorio' });

    const buildings = await screen.findByRole('region', { name: '3 immobili nel territorio' });
    const table = within(buildings).getByRole('table', { name: 'Immobili del territorio per fase di riuso' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'Fase di riusoImmobili',
      'Mappato1',
      'Valutato0',
      'Progettato0',
      'Assegnato1',
      'Attivo1',
      'Scartato0',
      'Totale3',
    ]);
    expect(within(table).getByRole('link', { name: 'Assegnato' }).getAttribute('href')).toBe(
      '/immobili?municipality=072029&stage=assigned',
    );
    expect(within(buildings).getByRole('link', { name: 'Apri l’elenco degli immobili' }).getAttribute('href')).toBe(
      '/immobili?municipality=072029',
    );
    // the map page lands on the caller's territory by itself: the link names the layer only
    expect(within(buildings).getByRole('link', { name: 'Vedi gli immobili sulla mappa' }).getAttribute('href')).toBe(
      '/mappa?layers=buildings',
    );
    const exports = within(buildings).getByRole('group', { name: 'Scarica gli immobili del territorio' });
    expect(
      within(exports)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Elenco CSV', 'Elenco CSV per Excel', 'Elenco Excel (XLSX)', 'Elenco GeoJSON', 'Questa tabella (CSV)']);

    const organizations = screen.getByRole('region', { name: '2 organizzazioni nel territorio' });
    // the kinds present only (sixteen kinds, most empty in a municipality), then the total
    expect(within(organizations).getAllByRole('row')).toHaveLength(4);
    expect(within(organizations).getByRole('link', { name: 'Associazione di promozione sociale (APS)' }).getAttribute('href')).toBe(
      '/organizzazioni?municipality=072029&kind=aps',
    );
    const initiatives = screen.getByRole('region', { name: '1 iniziativa nel territorio' });
    expect(within(initiatives).getByRole('link', { name: 'Vedi le iniziative sulla mappa' }).getAttribute('href')).toBe(
      '/mappa?layers=initiatives',
    );
    expect(within(initiatives).getByRole('link', { name: 'Apri l’elenco delle iniziative' }).getAttribute('href')).toBe(
      '/iniziative?municipality=072029',
    );

    const expiring = screen.getByRole('region', { name: '1 assegnazione di immobile in scadenza o scaduta' });
    expect(within(expiring).getByText('Di queste, 1 è già scaduta.')).toBeTruthy();
    expect(within(expiring).getByRole('link', { name: 'Ex mercato ittico' }).getAttribute('href')).toBe(
      '/immobili/22222222-2222-4222-8222-222222222222',
    );
    expect(within(expiring).getByText('scaduta da 19 giorni')).toBeTruthy();
    expect(within(expiring).getByRole('link', { name: 'Tutte le scadenze degli immobili' }).getAttribute('href')).toBe(
      '/immobili/scadenze',
    );

    expect(screen.getByRole('heading', { level: 2, name: 'Attività approvate' })).toBeTruthy();
    expect(fetch.mock.calls.some((c) => String(c[0]).includes('/api/home/municipality'))).toBe(true);
  });

  it('exports a register with the territory’s filter (a social area’s code), in the interface’s language', async () => {
    const area: SessionUser = { ...molfetta, territory: { kind: 'social_area', code: 'ATS_BA_MOLFETTA', name: 'Ambito di Molfetta' } };
    const saved = jest.fn();
    const createObjectURL = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = saved as unknown as () => void;
    const fetch = mockFetch({
      'GET /api/home/municipality': () => jsonResponse(200, home),
      'GET /api/map/municipalities': () => jsonResponse(200, { type: 'FeatureCollection', features: [] }),
      'GET /api/config': () => jsonResponse(200, { tileUrl: '', tileAttribution: '' }),
      'GET /api/organizations/export': () =>
        new Response('id,nome\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="organizzazioni.csv"' },
        }),
    });
    renderWithApp(<MunicipalityHome />, { user: area });
    const organizations = await screen.findByRole('region', { name: '2 organizzazioni nel territorio' });
    expect(within(organizations).getByRole('link', { name: 'Apri l’elenco delle organizzazioni' }).getAttribute('href')).toBe(
      '/organizzazioni?socialArea=ATS_BA_MOLFETTA',
    );
    fireEvent.click(within(organizations).getByRole('button', { name: 'Elenco CSV' }));
    await screen.findByText('File pronto.');
    const call = fetch.mock.calls.map((c) => String(c[0])).find((u) => u.includes('/api/organizations/export'));
    expect(call).toContain('socialArea=ATS_BA_MOLFETTA');
    expect(call).toContain('format=csv');
    expect(call).toContain('lang=it');
    expect(saved).toHaveBeenCalled();
    HTMLAnchorElement.prototype.click = click;
  });

  it('writes a table as CSV with quoting and no formula injection', () => {
    expect(
      tableCsv(
        ['Fase', 'Immobili'],
        [
          ['Mappato, ancora', 1],
          ['=SOMMA(A1)', 2],
        ],
      ),
    ).toBe('\uFEFFFase,Immobili\r\n"Mappato, ancora",1\r\n\'=SOMMA(A1),2\r\n');
  });
});

import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../test/render';
import { byMunicipality } from '../test-fixtures';
import { classify } from '../utils/class-breaks';
import { valueFormat } from '../utils/format-value';
import { RankingTable } from './ranking-table';

const format = valueFormat({ unit: 'count', decimals: 0 }, { locale: 'it-IT', perCapita: false, missing: 'dato mancante', unitSuffix: '' });

describe('RankingTable', () => {
  it('lists every territory best first with value, target, progress in words and the class the map uses; missing last, as missing', () => {
    const classification = classify(byMunicipality.map((p) => p.value));
    renderWithApp(
      <RankingTable
        items={byMunicipality}
        direction="higher"
        classification={classification}
        format={format}
        perCapita={false}
        caption="Classifica"
      />,
    );
    const table = screen.getByRole('table', { name: 'Classifica' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children, (c) => c.textContent))).toEqual([
      ['1', 'Bari', '30', '—', 'nessun obiettivo', '4 di 4'],
      ['2', 'Molfetta', '12', '10', '120% · raggiunto', '3 di 4'],
      ['3', 'Giovinazzo', '4', '8', '50% · in ritardo', '2 di 4'],
      ['4', 'Bitonto', '0', '—', 'nessun obiettivo', '1 di 4'],
      ['—', 'Terlizzi', 'dato mancante', '—', 'nessun obiettivo', 'dato mancante'],
    ]);
    // the rows carry the territory and class the map colours them by (the browser test compares the two)
    expect(rows.map((r) => [r.dataset.territory, r.dataset.class])).toEqual([
      ['municipality:072006', '4'],
      ['municipality:072029', '3'],
      ['municipality:072022', '2'],
      ['municipality:072011', '1'],
      ['municipality:072043', 'missing'],
    ]);
    expect(within(rows[1]).getByRole('link', { name: 'Molfetta' }).getAttribute('href')).toBe(
      '/indicatori/territorio/municipality%3A072029',
    );
  });

  it('shows the population beside per-capita values', () => {
    const items = [{ ...byMunicipality[0], value: 0.2, population: 59_000 }];
    const perCapita = valueFormat(
      { unit: 'count', decimals: 0 },
      { locale: 'it-IT', perCapita: true, missing: 'dato mancante', unitSuffix: 'per 1.000 ab.' },
    );
    renderWithApp(
      <RankingTable items={items} direction="higher" classification={classify([0.2])} format={perCapita} perCapita caption="Classifica" />,
    );
    expect(screen.getByRole('columnheader', { name: 'Popolazione' })).toBeTruthy();
    expect(screen.getByText('0,2 per 1.000 ab.')).toBeTruthy();
    expect(screen.getByText('59.000')).toBeTruthy();
  });
});

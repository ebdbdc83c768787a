import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../test/render';
import { classify } from '../utils/class-breaks';
import { valueFormat } from '../utils/format-value';
import { ChoroplethLegend } from './choropleth-legend';

const format = valueFormat({ unit: 'count', decimals: 0 }, { locale: 'it-IT', perCapita: false, missing: 'dato mancante', unitSuffix: '' });

describe('ChoroplethLegend', () => {
  it('names every class with its number, range and count, and "missing" apart with its hatching', () => {
    const classification = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, null]);
    renderWithApp(<ChoroplethLegend classification={classification} format={format} />);
    const legend = screen.getByRole('region', { name: 'Legenda' });
    const items = within(legend)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Classe 1: da 1 a 2 (2 comuni)',
      'Classe 2: da 3 a 4 (2 comuni)',
      'Classe 3: da 5 a 6 (2 comuni)',
      'Classe 4: da 7 a 8 (2 comuni)',
      'Classe 5: da 9 a 10 (2 comuni)',
      'Dato mancante, tratteggio (2 comuni)',
    ]);
    // the swatches are decoration: the words carry the meaning
    for (const swatch of legend.querySelectorAll('.choropleth-swatch')) expect(swatch.getAttribute('aria-hidden')).toBe('true');
    expect(legend.querySelectorAll('.choropleth-swatch--missing')).toHaveLength(1);
  });

  it('writes a one-value class as that value, and says when there is nothing to classify', () => {
    const { unmount } = renderWithApp(<ChoroplethLegend classification={classify([0, 0, 7])} format={format} />);
    expect(screen.getByText('Classe 1: 0 (2 comuni)')).toBeTruthy();
    expect(screen.getByText('Classe 2: 7 (1 comune)')).toBeTruthy();
    unmount();
    renderWithApp(<ChoroplethLegend classification={classify([null])} format={format} />);
    expect(screen.getByText('Nessun valore per questo periodo.')).toBeTruthy();
    expect(screen.getByText('Dato mancante, tratteggio (1 comune)')).toBeTruthy();
  });
});

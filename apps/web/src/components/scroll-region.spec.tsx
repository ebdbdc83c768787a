import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { renderWithApp } from '../test/render';
import { ScrollRegion } from './scroll-region';

describe('ScrollRegion', () => {
  it('is a named region that keyboard users can focus to scroll', () => {
    renderWithApp(
      <ScrollRegion label="Utenti">
        <table>
          <tbody>
            <tr>
              <td>Anna</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>,
    );
    const region = screen.getByRole('region', { name: 'Utenti' });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.querySelector('table')).toBeTruthy();
  });

  it('shows the hint and the shadow when the table is wider than its frame', () => {
    const { container } = renderWithApp(
      <ScrollRegion label="Largo">
        <table>
          <tbody>
            <tr>
              <td>x</td>
            </tr>
          </tbody>
        </table>
      </ScrollRegion>,
    );
    const region = screen.getByRole('region', { name: 'Largo' });
    // jsdom has no layout: give the frame a width narrower than its content, then scroll
    Object.defineProperty(region, 'clientWidth', { value: 300, configurable: true });
    Object.defineProperty(region, 'scrollWidth', { value: 900, configurable: true });
    region.dispatchEvent(new Event('scroll'));
    return screen.findByText('Scorri la tabella →').then((hint) => {
      expect(hint.getAttribute('aria-hidden')).toBe('true');
      expect(container.querySelector('.scroll-region')?.className).toContain('has-more-after');
    });
  });
});

import { afterEach, describe, expect, it } from '@jest/globals';
import { act, render } from '@testing-library/react';
import { MapContainer } from 'react-leaflet';
import { i18n } from '../lib/i18n/i18n';
import { MapControls } from './map-controls';

describe('MapControls', () => {
  afterEach(async () => {
    await act(() => i18n.changeLanguage('it'));
  });

  it("labels Leaflet's controls from the catalogue and switches with the language", async () => {
    await act(() => i18n.changeLanguage('it'));
    const { container } = render(
      <MapContainer center={[41.1, 16.8]} zoom={9} zoomControl={false} style={{ height: 200 }}>
        <MapControls />
      </MapContainer>,
    );
    const zoomIn = () => container.querySelector('.leaflet-control-zoom-in');
    const zoomOut = () => container.querySelector('.leaflet-control-zoom-out');
    const leaflet = () => container.querySelector('.leaflet-control-attribution a[href="https://leafletjs.com"]');
    expect(container.querySelectorAll('.leaflet-control-zoom')).toHaveLength(1);
    expect(zoomIn()?.getAttribute('title')).toBe('Ingrandisci la mappa');
    expect(zoomIn()?.getAttribute('aria-label')).toBe('Ingrandisci la mappa');
    expect(zoomOut()?.getAttribute('title')).toBe('Riduci la mappa');
    expect(leaflet()?.getAttribute('title')).toBe('Leaflet, una libreria JavaScript per mappe interattive');

    await act(() => i18n.changeLanguage('en'));
    expect(container.querySelectorAll('.leaflet-control-zoom')).toHaveLength(1);
    expect(zoomIn()?.getAttribute('title')).toBe('Zoom in');
    expect(zoomOut()?.getAttribute('aria-label')).toBe('Zoom out');
    expect(leaflet()?.getAttribute('title')).toBe('Leaflet, a JavaScript library for interactive maps');
  });
});

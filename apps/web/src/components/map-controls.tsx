import { control, type Control, type PopupEvent } from 'leaflet';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';

/**
 * Leaflet's own words in the interface's language, switching with it: the zoom buttons' titles
 * and accessible names, the attribution's "Leaflet" link title and the popups' close button.
 * Put it inside every `MapContainer` created with `zoomControl={false}` (it adds the zoom control).
 */
export function MapControls() {
  const map = useMap();
  const { t, i18n } = useTranslation();

  useEffect(() => {
    const zoom: Control.Zoom = control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
    return () => {
      zoom.remove();
    };
  }, [map, t, i18n.language]);

  useEffect(() => {
    const link = document.createElement('a');
    link.href = 'https://leafletjs.com';
    link.title = t('map.leaflet');
    link.lang = 'en';
    link.textContent = 'Leaflet';
    map.attributionControl?.setPrefix(link.outerHTML);
  }, [map, t, i18n.language]);

  useEffect(() => {
    const label = (event: PopupEvent) => {
      event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', t('map.closePopup'));
    };
    map.on('popupopen', label);
    return () => {
      map.off('popupopen', label);
    };
  }, [map, t, i18n.language]);

  return null;
}

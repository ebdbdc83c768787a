import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { i18nReady } from './lib/i18n/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
// Italian is in this bundle (ready at once); English is fetched first when it was the user's choice.
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
i18nReady.then(render, render);
// The service worker (the app offline, docs/field-mode.md), once the page is up; not in production tests' dev server.
if (import.meta.env.PROD) {
  window.addEventListener('load', () => {
    void import('./lib/offline/service-worker').then((m) => m.registerServiceWorker());
  });
}

import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}
interface Manifest {
  name?: string;
  short_name?: string;
  description?: string;
  lang?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: ManifestIcon[];
}

/** A PNG's own width and height (its IHDR chunk), so that an icon's declared size is checked against the file. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function referenceAge(page: Page): Promise<string> {
  const age = page.getByTestId('reference-age');
  await age.filter({ hasText: /aggiornati/ }).waitFor({ timeout: 20_000 });
  return (await age.textContent()) ?? '';
}

const screens: [string, Device][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

/**
 * Issue 12: the installable app passes a Lighthouse-style PWA check run by the tests themselves —
 * the manifest's fields and icons, a service worker registered and controlling the page — and
 * starts offline after one visit, with the innovator's reference data and its age.
 */
describe.each(screens)('the installable app (%s)', (screen, device) => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await newSession(browser, { device });
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });

  it('has a complete manifest with real icons of the declared sizes, linked from the page', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `pwa-manifest-${screen}`, async () => {
      await page.goto('/login');
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe('/manifest.webmanifest');
      expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toMatch(/^#[0-9a-f]{6}$/i);

      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^application\/manifest\+json/);
      expect(res.headers()['cache-control']).toBe('no-cache');
      const manifest = (await res.json()) as Manifest;
      expect(manifest).toMatchObject({ lang: 'it', start_url: '/', scope: '/', display: 'standalone' });
      expect(manifest.name).toMatch(/Trama/);
      expect(manifest.short_name).toBe('Trama');
      expect(manifest.short_name!.length).toBeLessThanOrEqual(12);
      expect(manifest.description?.length).toBeGreaterThan(10);
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

      const icons = manifest.icons ?? [];
      for (const wanted of ['192x192', '512x512']) {
        expect(icons.some((i) => i.sizes === wanted && (i.purpose ?? 'any').split(' ').includes('any'))).toBe(true);
      }
      expect(icons.some((i) => (i.purpose ?? '').split(' ').includes('maskable'))).toBe(true);
      for (const icon of icons) {
        const file = await page.request.get(icon.src);
        expect([icon.src, file.status(), file.headers()['content-type']]).toEqual([icon.src, 200, 'image/png']);
        const [width, height] = icon.sizes.split('x').map(Number);
        expect([icon.src, pngSize(await file.body())]).toEqual([icon.src, { width, height }]);
      }
    });
  });

  it('registers a service worker that controls the page, then starts offline with the reference data and its age', async () => {
    const { page, context } = session;
    await withScreenshotOnFailure(page, `pwa-offline-${screen}`, async () => {
      await signIn(page, INNOVATOR);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));

      const sw = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return { scope: registration.scope, script: registration.active?.scriptURL ?? null };
      });
      expect(new URL(sw.scope).pathname).toBe('/');
      expect(new URL(sw.script!).pathname).toBe('/sw.js');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const swRes = await page.request.get('/sw.js');
      expect(swRes.headers()['cache-control']).toBe('no-cache');

      // the first visit online: the reference data is downloaded and its age shown
      expect(await referenceAge(page)).toMatch(/Dati per il campo aggiornati (adesso|\d+ minut)/);

      await context.setOffline(true);
      try {
        await page.reload();
        // the shell comes from the service worker's cache; the session from this browser's memory
        await page.getByRole('navigation', { name: /./ }).first().waitFor({ state: 'attached' });
        await page.getByText('Senza rete.').waitFor();
        expect(await referenceAge(page)).toMatch(/aggiornati/);
        await page.getByText("Che cosa c'è sul dispositivo").click();
        await page.getByText(/^\d+ comun[ei]$/).waitFor();
        await page.getByText(/^Comuni: .*Bari/).waitFor();
        await expectNoAxeViolations(page, `offline start (${screen})`);

        // any page of the app opens offline too (the navigation fallback), never an API path
        await page.goto('/attivita');
        await page.getByTestId('reference-age').waitFor();
        const api = await page.evaluate(() =>
          fetch('/api/health').then(
            (r) => r.status,
            () => 'network error',
          ),
        );
        expect(api).toBe('network error');
      } finally {
        await context.setOffline(false);
      }
    });
  });
});

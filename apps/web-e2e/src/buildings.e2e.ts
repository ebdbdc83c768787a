import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';
const COORDINATOR = 'coordinatore.bari@trama.test';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').waitFor({ state: 'detached' });
}

const screens: [string, Device][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

/** Taps on a phone, clicks at a desk. */
const press = (device: Device) => (locator: ReturnType<Page['getByRole']>) => (device.hasTouch ? locator.tap() : locator.click());

/**
 * The buildings register end to end: an innovator maps a building by tapping the map, adds a photo
 * and moves it through two stages; a coordinator assigns it to an organization and finds it on the
 * expiry list. axe-core on every new page.
 */
describe.each(screens)('buildings register (%s)', (screen, device) => {
  let browser: Browser;
  const sessions: Session[] = [];
  const name = `Ex biblioteca E2E ${screen} ${Date.now().toString(36)}`;
  const tap = press(device);
  let url = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const session of sessions) await session.context.close();
    await browser?.close();
  });

  it('an innovator maps a building by tapping the map, adds a photo and moves it through two stages', async () => {
    const session = await newSession(browser, { device });
    sessions.push(session);
    const { page } = session;
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8a6d3b' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TramaPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 12/1 0/1' } })
      .toBuffer();
    await withScreenshotOnFailure(page, `buildings-innovator-${screen}`, async () => {
      await signIn(page, INNOVATOR);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/immobili');
      await heading(page, 'Immobili');
      await settled(page);
      await expectNoAxeViolations(page, `buildings list, ${screen}`);
      await tap(page.getByRole('link', { name: 'Mappa un immobile' }));
      await heading(page, 'Mappa un immobile');

      await page.getByRole('combobox', { name: 'Comune', exact: true }).selectOption({ label: 'Molfetta' });
      await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(name);
      await page.getByRole('textbox', { name: 'Indirizzo', exact: true }).fill('Via Sant’Angelo 4, Molfetta');
      // the point: tapped on the map, which draws Molfetta's boundary (no tiles)
      await page.locator('.location-picker .leaflet-overlay-pane path').first().waitFor();
      await settled(page);
      await tap(page.getByRole('group', { name: 'Mappa per scegliere il punto' }));
      await page.getByText(/^Punto: 41[.,]\d+/).waitFor();
      expect(await page.getByRole('textbox', { name: 'Latitudine' }).inputValue()).toMatch(/^41\.\d+$/);
      expect(await page.getByRole('textbox', { name: 'Longitudine' }).inputValue()).toMatch(/^16\.\d+$/);
      await page.getByRole('combobox', { name: 'Proprietà' }).selectOption({ label: 'Comunale' });
      await page.getByRole('combobox', { name: 'Stato di conservazione' }).selectOption({ label: 'Discreto' });
      await page.getByRole('combobox', { name: 'Uso attuale' }).selectOption({ label: 'Inutilizzato' });
      await page.getByRole('group', { name: 'Usi possibili' }).getByLabel('Culturale').check();
      await expectNoAxeViolations(page, `building form, ${screen}`);
      await tap(page.getByRole('button', { name: 'Salva' }));
      await heading(page, name);
      url = new URL(page.url()).pathname;

      // a photo, as a phone's camera gives it (EXIF and GPS: removed by the server)
      const photos = page.getByRole('region', { name: 'Foto' });
      await photos.getByText('Nessuna foto.').waitFor();
      await photos.getByLabel('Aggiungi una foto').setInputFiles({ name: 'IMG_3001.jpg', mimeType: 'image/jpeg', buffer: photo });
      await photos.getByText('Foto aggiunta.').waitFor();
      await photos.getByRole('img', { name: `${name}, foto 1` }).waitFor();

      // two moves of the pipeline: mapped → assessed → planned
      await tap(page.getByRole('button', { name: 'Segna come valutato' }));
      await tap(page.getByRole('dialog').getByRole('button', { name: 'Conferma' }));
      await page.getByRole('button', { name: 'Segna come progettato' }).waitFor();
      await tap(page.getByRole('button', { name: 'Segna come progettato' }));
      await tap(page.getByRole('dialog').getByRole('button', { name: 'Conferma' }));
      await page.getByRole('button', { name: 'Assegna a un’organizzazione' }).waitFor();
      const timeline = page.getByRole('region', { name: 'Fasi del riuso' });
      await timeline.getByText('Progettato').waitFor();
      expect(await timeline.getByRole('listitem').count()).toBe(3);
      await settled(page);
      await expectNoAxeViolations(page, `building detail, ${screen}`);
    });
    expect(session.pageErrors).toEqual([]);
  }, 180_000);

  it('a coordinator assigns it to an organization and sees it on the expiry list', async () => {
    const session = await newSession(browser, { device });
    sessions.push(session);
    const { page } = session;
    const end = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await withScreenshotOnFailure(page, `buildings-coordinator-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto(url);
      await heading(page, name);
      await tap(page.getByRole('button', { name: 'Assegna a un’organizzazione' }));
      const dialog = page.getByRole('dialog');
      // every field is required: the server names the missing ones
      await tap(dialog.getByRole('button', { name: 'Conferma' }));
      await dialog.getByText('Campo obbligatorio.').first().waitFor();
      const organization = dialog.getByRole('group', { name: 'Organizzazione assegnataria' });
      await organization.getByRole('combobox').fill('Lampara');
      await tap(page.getByRole('option', { name: /La Lampara/ }));
      await organization.getByRole('button', { name: /Togli .*La Lampara/ }).waitFor();
      await dialog.getByRole('combobox', { name: 'Strumento di assegnazione' }).selectOption({ label: 'Patto di collaborazione' });
      await dialog.getByLabel('Inizio assegnazione').fill('2026-01-15');
      await dialog.getByLabel('Fine assegnazione').fill(end);
      await expectNoAxeViolations(page, `assignment dialog, ${screen}`);
      await tap(dialog.getByRole('button', { name: 'Conferma' }));
      await page.getByRole('region', { name: 'Assegnazione' }).getByText('Cooperativa sociale La Lampara').waitFor();

      await page.goto('/immobili/scadenze');
      await heading(page, 'Assegnazioni in scadenza');
      await settled(page);
      await page.getByRole('link', { name }).waitFor();
      await expectNoAxeViolations(page, `expiry list, ${screen}`);
      await page.goto('/immobili/da-verificare');
      await heading(page, 'Immobili da verificare');
      await settled(page);
      await expectNoAxeViolations(page, `stale list, ${screen}`);
    });
    expect(session.pageErrors).toEqual([]);
  }, 180_000);
});

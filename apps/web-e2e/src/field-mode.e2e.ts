import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import sharp from 'sharp';
import { api, apiLogin, startApp, stopApp, type ApiUser } from './support/app-control';
import { expectNoAxeViolations } from './support/axe';
import {
  BASE_URL,
  CHROMIUM,
  CHROMIUM_ARGS,
  DESKTOP,
  launchBrowser,
  newSession,
  PHONE,
  signIn,
  withScreenshotOnFailure,
  type Device,
} from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';
const COORDINATOR = 'coordinatore.bari@trama.test';

/** Letters only: the activities' full-text search reads a word with digits as a number (docs/development.md). */
const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Page errors that are the journey's own doing: requests refused while offline or while the server is down. */
const EXPECTED_ERROR = /net::ERR_(FAILED|INTERNET_DISCONNECTED|CONNECTION_REFUSED|CONNECTION_RESET|ABORTED)|status of 4\d\d/;

interface Profile {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
}

/**
 * A browser with a profile on disk (`dir`): what it stored (IndexedDB, cookies) is there when the
 * browser is opened again on the same directory, as on a phone closed and reopened.
 */
async function openProfile(dir: string, device: Device = PHONE): Promise<Profile> {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    baseURL: BASE_URL,
    viewport: device.viewport,
    deviceScaleFactor: device.deviceScaleFactor,
    isMobile: device.isMobile,
    hasTouch: device.hasTouch,
    locale: 'it-IT',
  });
  context.setDefaultTimeout(15_000);
  const origin = new URL(BASE_URL).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !EXPECTED_ERROR.test(message.text())) pageErrors.push(message.text());
  });
  return { context, page, pageErrors };
}

/** Opens `path`, signing in first when the app asks (a reopened browser may still hold its session cookie). */
async function ensureSignedIn(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const title = page.getByRole('heading', { level: 1 });
  await title.waitFor();
  if ((await title.textContent()) === 'Accedi a Trama') {
    await signIn(page, INNOVATOR);
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.goto(path);
  }
}

/**
 * An in-app navigation, as the browser's back and forward buttons make one (the router follows
 * `popstate`): it needs no network, where `page.goto` would load the page from the server.
 */
async function inApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Loads, while online, the pages the journey then opens offline (their code arrives on demand). */
async function visitOnline(page: Page): Promise<void> {
  for (const [path, title] of [
    ['/immobili/nuovo', 'Mappa un immobile'],
    ['/attivita/nuova', 'Nuova attività'],
    ['/in-uscita', 'In uscita'],
  ] as const) {
    await inApp(page, path);
    await heading(page, title);
    // the page's lazy parts (its map) have loaded: the heading shows before them
    await page.waitForFunction(() => document.querySelector('.loading') === null);
  }
  await page.waitForLoadState('networkidle');
}

async function logActivity(page: Page, title: string): Promise<void> {
  await inApp(page, '/attivita/nuova');
  await heading(page, 'Nuova attività');
  await page.getByRole('textbox', { name: 'Titolo' }).fill(title);
  await page.getByRole('combobox', { name: 'Comune', exact: true }).selectOption({ label: 'Bari' });
  await page.getByRole('button', { name: 'Salva bozza' }).click();
  await heading(page, 'In uscita');
  await page.getByText("Salvato su questo dispositivo: sarà inviato appena c'è rete.").waitFor();
}

async function mapBuilding(page: Page, name: string, photo: Buffer): Promise<void> {
  await inApp(page, '/immobili/nuovo');
  await heading(page, 'Mappa un immobile');
  await page.getByRole('combobox', { name: 'Comune', exact: true }).selectOption({ label: 'Bari' });
  await page.getByRole('textbox', { name: 'Nome', exact: true }).fill(name);
  await page.getByRole('combobox', { name: 'Proprietà' }).selectOption({ label: 'Comunale' });
  await page.getByRole('combobox', { name: 'Stato di conservazione' }).selectOption({ label: 'Discreto' });
  await page.getByRole('combobox', { name: 'Uso attuale' }).selectOption({ label: 'Inutilizzato' });
  await page.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'IMG_4410.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.getByRole('button', { name: 'Salva' }).click();
  await heading(page, 'In uscita');
}

/** The outbox page's items: their label and their state, as the list shows them. */
async function outboxRows(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Elementi in uscita' });
  await list.waitFor();
  return list
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((li) => `${li.querySelector('strong')?.textContent ?? ''}: ${li.querySelector('.outbox-state')?.textContent ?? ''}`),
    );
}

async function activitiesTitled(user: ApiUser, tag: string): Promise<string[]> {
  const page = await api<{ items: { title: string | null }[] }>(user, `/api/activities?q=${tag}&pageSize=100`);
  return page.items.map((a) => a.title ?? '').sort();
}

async function buildingNamed(user: ApiUser, name: string): Promise<{ id: string; name: string }[]> {
  const page = await api<{ items: { id: string; name: string }[] }>(user, `/api/buildings?q=${encodeURIComponent(name)}&pageSize=100`);
  return page.items.filter((b) => b.name === name);
}

/** Waits until `check` holds (polled every 100 ms, at most 15 s). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`still not true after 15 s: ${what}`);
}

describe('field mode: the outbox', () => {
  let photo: Buffer;
  let innovator: ApiUser;
  let coordinator: ApiUser;
  const dirs: string[] = [];
  /** every browser a journey opened: closed after it whatever happened (a live browser keeps Jest from exiting) */
  const opened: BrowserContext[] = [];
  const profileDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'trama-field-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    // a phone camera's photo, larger than what the outbox keeps (2048 px)
    photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#6a8caf' } })
      .jpeg({ quality: 80 })
      .toBuffer();
    innovator = await apiLogin(INNOVATOR);
    coordinator = await apiLogin(COORDINATOR);
  });
  afterEach(async () => {
    for (const context of opened.splice(0)) await context.close().catch(() => undefined);
  });
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** `openProfile`, closed after the test even when it fails. */
  const openTracked = async (dir: string, device?: Device): Promise<Profile> => {
    const profile = await openProfile(dir, device);
    opened.push(profile.context);
    return profile;
  };

  it('keeps three activities and a building with its photo through a reload and a closed browser, then sends each once', async () => {
    const dir = profileDir();
    const tag = word();
    const titles = [1, 2, 3].map((n) => `Incontro in piazza ${n} ${tag}`);
    const building = `Ex scuola ${tag}`;
    let profile = await openTracked(dir);
    await withScreenshotOnFailure(profile.page, 'field-mode-outbox', async () => {
      const { page, context } = profile;
      await ensureSignedIn(page, '/in-uscita');
      await heading(page, 'In uscita');
      await page.getByText('Niente in uscita: il server ha ricevuto tutto.').waitFor();
      // the service worker installs on the first visit and takes the page (the app then opens offline)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      await visitOnline(page);

      // a half-typed form survives a reload (IndexedDB), and can be thrown away
      await inApp(page, '/attivita/nuova');
      await heading(page, 'Nuova attività');
      await page.getByRole('textbox', { name: 'Titolo' }).fill(`Appunti a metà ${tag}`);
      await until('the draft is written', () =>
        page.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              const open = indexedDB.open('trama-outbox');
              open.onsuccess = () => {
                const get = open.result.transaction('drafts').objectStore('drafts').getAll();
                get.onsuccess = () => resolve(get.result.some((d: { key: string }) => d.key.startsWith('activity:new:')));
                get.onerror = () => resolve(false);
              };
              open.onerror = () => resolve(false);
            }),
        ),
      );
      page.once('dialog', (dialog) => void dialog.accept());
      await page.reload();
      await heading(page, 'Nuova attività');
      await page.getByText('Abbiamo ripristinato ciò che stavi scrivendo.').waitFor();
      expect(await page.getByRole('textbox', { name: 'Titolo' }).inputValue()).toBe(`Appunti a metà ${tag}`);
      await page.getByRole('button', { name: 'Ricomincia da capo' }).click();
      await until('the form is back as it started', async () => (await page.getByRole('textbox', { name: 'Titolo' }).inputValue()) === '');
      await visitOnline(page);

      // in the field: no network
      await context.setOffline(true);
      for (const title of titles) await logActivity(page, title);
      await mapBuilding(page, building, photo);
      const waiting = [...titles.map((t) => `${t}: In attesa`), `${building}: In attesa`, 'IMG_4410.jpg: In attesa'];
      expect(await outboxRows(page)).toEqual(waiting);
      // the menu's count is a query of its own, updated a moment after the list (for screen readers: attached, not visible)
      await page.getByTestId('outbox-count').getByText('5 elementi in uscita non ancora inviati').waitFor({ state: 'attached' });
      await expectNoAxeViolations(page, 'outbox page, offline (phone)');

      // a reload without network: the service worker serves the app, the outbox is read from IndexedDB
      await page.reload();
      await heading(page, 'In uscita');
      expect(await outboxRows(page)).toEqual(waiting);
      await context.close();

      // the browser closed and opened again on the same profile, still without network: still there, still waiting
      profile = await openTracked(dir);
      await profile.context.setOffline(true);
      await profile.page.goto('/in-uscita');
      await heading(profile.page, 'In uscita');
      expect(await outboxRows(profile.page)).toEqual(waiting);
      await profile.page.getByTestId('outbox-count').getByText('5 elementi in uscita non ancora inviati').waitFor({ state: 'attached' });
      expect(await activitiesTitled(innovator, tag)).toEqual([]);

      // the network is back: everything goes by itself, in order, once (the session renewed by its cookie)
      await profile.context.setOffline(false);
      await profile.page.getByText('Niente in uscita: il server ha ricevuto tutto.').waitFor({ timeout: 60_000 });
      expect(await outboxRows(profile.page)).toEqual(waiting.map((row) => row.replace('In attesa', 'Inviato')));
    });
    expect(await activitiesTitled(innovator, tag)).toEqual(titles);
    const [mapped, ...others] = await buildingNamed(innovator, building);
    expect(others).toEqual([]);
    const photos = await api<{ width: number; height: number }[]>(innovator, `/api/buildings/${mapped.id}/photos`);
    // resized on the device (the server alone would keep 2560 px)
    expect(photos.map((p) => [p.width, p.height])).toEqual([[2048, 1365]]);
    expect(profile.pageErrors).toEqual([]);
    await profile.context.close();
  }, 240_000);

  it('loses nothing and duplicates nothing when the server dies in the middle of the sync', async () => {
    const tag = word();
    const titles = [1, 2, 3].map((n) => `Laboratorio di quartiere ${n} ${tag}`);
    const building = `Ex mercato ${tag}`;
    const profile = await openTracked(profileDir(), DESKTOP);
    const { page, context } = profile;
    // whatever happens, the journeys after this one need the server: started again in `finally`
    const journey = withScreenshotOnFailure(page, 'field-mode-server-killed', async () => {
      await ensureSignedIn(page, '/in-uscita');
      await heading(page, 'In uscita');
      // offline, the service worker serves the app's code: it has taken the page
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      await visitOnline(page);
      await context.setOffline(true);
      for (const title of titles) await logActivity(page, title);
      await mapBuilding(page, building, photo);

      // the second activity reaches the server, which writes it and dies before its answer
      let creations = 0;
      let killed: () => void = () => undefined;
      const serverDown = new Promise<void>((resolve) => (killed = resolve));
      await context.route('**/api/activities', async (route) => {
        if (route.request().method() !== 'POST' || ++creations !== 2) return route.fallback();
        await route.fetch();
        await stopApp();
        await route.abort('connectionreset');
        killed();
      });
      await context.setOffline(false);
      await serverDown;
      // the first went through; the rest waits (the backoff keeps trying against a dead server)
      await page.getByText(/3 elementi da inviare|4 elementi da inviare/).waitFor();
      await startApp();
      // "Invia ora" hurries the backoff; the backoff's own retry may have sent everything first, and
      // the button is then disabled (nothing waits): a forced click on a disabled button does nothing
      await page.getByRole('button', { name: /^(Invia ora|Invio in corso…)$/ }).click({ force: true });
      await page.getByText('Niente in uscita: il server ha ricevuto tutto.').waitFor({ timeout: 60_000 });
    });
    await journey.finally(startApp);
    expect(await activitiesTitled(innovator, tag)).toEqual(titles);
    const mapped = await buildingNamed(innovator, building);
    expect(mapped).toHaveLength(1);
    expect(await api<unknown[]>(innovator, `/api/buildings/${mapped[0].id}/photos`)).toHaveLength(1);
    expect(profile.pageErrors).toEqual([]);
    await context.close();
  }, 240_000);

  it('shows an edit that a coordinator overtook side by side, and both resolutions work', async () => {
    const browser: Browser = await launchBrowser();
    // everything after the launch is inside the try: a failed setup too closes the browser
    try {
      const session = await newSession(browser, { device: PHONE });
      const { page, context } = session;
      const tag = word();
      const created = await api<{ id: string; version: number }>(innovator, '/api/buildings', {
        method: 'POST',
        body: {
          clientId: randomUUID(),
          municipality: '072006',
          name: `Casa del popolo ${tag}`,
          ownership: 'municipal',
          condition: 'poor',
          currentUse: 'unused',
        },
      });
      const coordinatorRenames = async (name: string) => {
        const current = await api<{ version: number }>(coordinator, `/api/buildings/${created.id}`);
        await api(coordinator, `/api/buildings/${created.id}`, { method: 'PATCH', body: { name, version: current.version } });
      };
      /** Offline, the innovator renames the building in its form: the edit waits in the outbox at the version the form loaded. */
      const renameOffline = async (name: string) => {
        await inApp(page, `/immobili/${created.id}/modifica`);
        await heading(page, 'Modifica l’immobile');
        // the form shows once the building is loaded (the heading comes before it): only then offline
        const nameBox = page.getByRole('textbox', { name: 'Nome', exact: true });
        await nameBox.waitFor();
        await context.setOffline(true);
        await nameBox.fill(name);
        await page.getByRole('button', { name: 'Salva' }).click();
        await heading(page, 'In uscita');
      };
      await withScreenshotOnFailure(page, 'field-mode-conflict', async () => {
        await signIn(page, INNOVATOR);
        await page.waitForURL((u) => !u.pathname.startsWith('/login'));
        await page.goto('/in-uscita');
        await heading(page, 'In uscita');

        // keep mine: resent at the coordinator's version
        await renameOffline(`Casa del popolo (mia) ${tag}`);
        await coordinatorRenames(`Casa del popolo (coordinamento) ${tag}`);
        await context.setOffline(false);
        const conflict = page.getByRole('status').filter({ hasText: 'Modificato da qualcun altro nel frattempo' });
        await conflict.waitFor();
        const row = conflict.getByRole('row', { name: /^Nome/ });
        expect((await row.getByRole('cell').allTextContents()).slice(0, 2)).toEqual([
          `Casa del popolo (mia) ${tag}`,
          `Casa del popolo (coordinamento) ${tag}`,
        ]);
        await expectNoAxeViolations(page, 'outbox conflict (phone)');
        await conflict.getByRole('button', { name: 'Tieni la mia' }).click();
        await page.getByText('Niente in uscita: il server ha ricevuto tutto.').waitFor();
        expect((await api<{ name: string }>(innovator, `/api/buildings/${created.id}`)).name).toBe(`Casa del popolo (mia) ${tag}`);

        // take theirs: the edit leaves the outbox, the coordinator's version stays
        await renameOffline(`Casa del popolo (seconda mia) ${tag}`);
        await coordinatorRenames(`Casa del popolo (di nuovo coordinamento) ${tag}`);
        await context.setOffline(false);
        await conflict.waitFor();
        await conflict.getByRole('button', { name: 'Prendi la loro' }).click();
        await page.getByText('Niente in uscita: il server ha ricevuto tutto.').waitFor();
        expect((await api<{ name: string }>(innovator, `/api/buildings/${created.id}`)).name).toBe(
          `Casa del popolo (di nuovo coordinamento) ${tag}`,
        );
      });
      expect(session.pageErrors.filter((e) => !EXPECTED_ERROR.test(e))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import {
  BASE_URL,
  DEMO_PASSWORD,
  DESKTOP,
  launchBrowser,
  newSession,
  PHONE,
  screenshot,
  signIn,
  withScreenshotOnFailure,
  type Device,
  type Session,
} from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';
const INNOVATOR = 'innovatore.bari@trama.test';
const MOLFETTA = '072029';

async function token(email: string): Promise<string> {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

async function call<T>(accessToken: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Status {
  state: string;
  computedVersion: number;
  weightsVersion: number;
}

/** Waits until the stored suggestions are those of the current weights (the recompute runs in the background). */
async function recomputed(accessToken: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const s = await call<Status>(accessToken, 'GET', '/api/collaborations/status');
    if (s.state === 'idle' && s.computedVersion === s.weightsVersion) return;
    if (s.state === 'failed') throw new Error('the recompute failed');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the recompute did not finish in 30 s');
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Waits until no spinner is left (a list's, the graph's). */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** Saves one factor weight on the weights page and waits for the recompute it starts. */
async function saveThemesWeight(page: Page, value: string, accessToken: string): Promise<void> {
  await page.goto('/collaborazioni/pesi');
  await heading(page, 'Pesi del modello delle collaborazioni');
  await page.getByRole('textbox', { name: /^Temi in comune/ }).fill(value);
  await page.getByRole('button', { name: 'Salva e ricalcola' }).click();
  await page.getByText('Pesi salvati: i suggerimenti si stanno ricalcolando.').waitFor();
  await recomputed(accessToken);
  // the page's own progress indicator reaches "up to date" too (it polls the status)
  await page.getByText(/^Suggerimenti aggiornati/).waitFor({ timeout: 30_000 });
}

const screens: [string, Device][] = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
];

describe.each(screens)('collaboration suggestions on %s', (screen, device) => {
  let browser: Browser;
  let session: Session;
  let coordinatorToken: string;
  const run = `${screen}-${Date.now().toString(36)}`;
  // a complementary pair made for this run, far apart (no joint work): the school needs volunteers
  // and offers space, the volunteers' organization the other way round, both in Molfetta, education
  const school = { name: `Istituto Gardenia ${run}`, id: '' };
  const volunteers = { name: `Volontari del Faro ${run}`, id: '' };
  /** the pair's card (the API orders the two organizations its own way: either name first) */
  const pairCard = (page: Page) =>
    page
      .locator('article')
      .filter({ has: page.getByRole('heading', { level: 2, name: school.name }) })
      .filter({ has: page.getByRole('heading', { level: 2, name: volunteers.name }) });

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinatorToken = await token(COORDINATOR);
    // each run's names resemble the previous run's: the duplicate warning is acknowledged
    const create = (body: object) =>
      call<{ id: string }>(coordinatorToken, 'POST', '/api/organizations', { ...body, acknowledgeDuplicates: true });
    school.id = (
      await create({
        name: school.name,
        kind: 'school',
        municipality: MOLFETTA,
        themes: ['education', 'youth'],
        targetGroups: [],
        offers: ['space'],
        needs: ['volunteers'],
      })
    ).id;
    volunteers.id = (
      await create({
        name: volunteers.name,
        kind: 'odv',
        municipality: MOLFETTA,
        themes: ['education'],
        targetGroups: [],
        offers: ['volunteers'],
        needs: ['space'],
      })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await newSession(browser, { device });
  });
  afterEach(async () => {
    // closed before the check: a failed check must not leave the context open
    const errors = session?.pageErrors;
    await session?.context.close();
    expect(errors).toEqual([]);
  });

  it('a coordinator changes a weight and sees the suggestion, its score and its reasons change', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `collaborations-weights-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.waitForURL((url) => url.pathname === '/');
      // shared themes left out of the score
      await saveThemesWeight(page, '0', coordinatorToken);
      await expectNoAxeViolations(page, `weights page (${screen})`);

      const suggestions = `/collaborazioni?organization=${school.id}`;
      await page.goto(suggestions);
      await heading(page, 'Collaborazioni suggerite');
      const card = pairCard(page);
      await card.waitFor();
      const before = await card.locator('.collab-card__score strong').textContent();
      const reasonsBefore = await card.locator('.collab-reason').allTextContents();
      expect(reasonsBefore.join(' ')).toMatch(/offerte e bisogni si incontrano/);
      expect(reasonsBefore.join(' ')).not.toMatch(/temi in comune/);
      await settled(page);
      await expectNoAxeViolations(page, `suggestions (${screen})`);

      // shared themes weigh again: the same pair now has that reason, and another score
      await saveThemesWeight(page, '60', coordinatorToken);
      await page.goto(suggestions);
      await card.waitFor();
      const reasonsAfter = await card.locator('.collab-reason').allTextContents();
      expect(reasonsAfter.join(' ')).toMatch(/temi in comune: Istruzione/i);
      expect(await card.locator('.collab-card__score strong').textContent()).not.toBe(before);

      // back to the defaults, through the reset (confirmed)
      await page.goto('/collaborazioni/pesi');
      await heading(page, 'Pesi del modello delle collaborazioni');
      await page.getByRole('button', { name: 'Ripristina i valori predefiniti' }).click();
      await page
        .getByRole('group', { name: 'Ripristina i valori predefiniti' })
        .getByRole('button', { name: 'Ripristina i valori predefiniti' })
        .click();
      await page.getByText('Valori predefiniti ripristinati.').waitFor();
      await recomputed(coordinatorToken);
    });
  }, 180_000);

  it('the network page draws the graph and has a table with the same pairs as its data', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `collaborations-network-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.waitForURL((url) => url.pathname === '/');
      const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/collaborations/network' && r.ok());
      await page.goto(`/collaborazioni/rete?organization=${volunteers.id}`);
      await heading(page, 'La rete delle organizzazioni');
      const data = (await (await answer).json()) as {
        nodes: { id: string }[];
        edges: { source: string; target: string; suggested: boolean }[];
      };
      const ids = new Set(data.nodes.map((n) => n.id));
      const expected = [
        ...new Set(
          data.edges
            .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
            .map((e) => `${e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`}`),
        ),
      ].sort();
      expect(expected.length).toBeGreaterThan(0);
      const pairs = page.getByRole('table', { name: /Collegamenti e coppie suggerite/ });
      await pairs.waitFor();
      const rows = await pairs.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.pair ?? ''));
      expect(rows.sort()).toEqual(expected);
      // the run's pair is among them, as a suggested link
      const runPair = school.id < volunteers.id ? `${school.id}|${volunteers.id}` : `${volunteers.id}|${school.id}`;
      expect(await pairs.locator(`tbody tr[data-pair="${runPair}"]`).getAttribute('data-suggested')).toBe('true');
      // the graph is drawn (WebGL 2 through SwiftShader in the headless browser) from the same pairs
      const graph = page.locator('.collab-graph__canvas');
      await graph.locator('canvas').first().waitFor();
      expect(await graph.getAttribute('data-edges')).toBe(String(expected.length));
      expect(await page.getByText(/WebGL 2 non disponibile/).count()).toBe(0);
      // for a look at the drawing (tmp/e2e/): suggested links dashed
      await screenshot(page, `collaborations-network-${screen}`);

      // find an organization: it is focused and its panel opens
      await page.getByRole('searchbox', { name: "Trova un'organizzazione" }).fill('volontari del faro ' + run);
      await page.getByRole('button', { name: 'Trova', exact: true }).click();
      const panel = page.getByRole('complementary', { name: volunteers.name });
      await panel.waitFor();
      await expectNoAxeViolations(page, `network with a panel open (${screen})`);
      await panel.getByRole('button', { name: 'Chiudi il pannello' }).click();

      // with the keyboard: a name in the table, Enter opens the panel
      await page.getByRole('searchbox', { name: "Trova un'organizzazione" }).fill('');
      const nodes = page.getByRole('table', { name: /Organizzazioni della rete/ });
      await nodes.getByRole('button', { name: school.name }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('complementary', { name: school.name }).waitFor();
      // colour by kind
      await page.getByRole('radio', { name: 'Tipo di organizzazione' }).check();
      await page.getByRole('region', { name: 'Legenda' }).getByText('Scuola').waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `network coloured by kind (${screen})`);
    });
  }, 120_000);
  it('an innovator accepts a suggestion and finds the draft introduction activity', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `collaborations-accept-${screen}`, async () => {
      await signIn(page, INNOVATOR);
      await page.waitForURL((url) => url.pathname === '/');
      if (screen === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Collaborazioni', exact: true }).click();
      await heading(page, 'Collaborazioni suggerite');
      // narrowed to the run's school through the card's own link
      await page.goto(`/collaborazioni?organization=${school.id}`);
      const card = pairCard(page);
      await card.waitFor();
      await card.getByRole('button', { name: "Accetta e pianifica l'incontro" }).click();
      const open = page.getByRole('link', { name: "Apri la bozza dell'attività" });
      await open.waitFor();
      await expectNoAxeViolations(page, `suggestion accepted (${screen})`);
      const href = await open.getAttribute('href');
      expect(href).toMatch(/^\/attivita\/[0-9a-f-]{36}$/);
      await open.click();
      await page.waitForURL((url) => url.pathname === href);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // the draft names both organizations
      await page.getByRole('main').getByText(school.name).first().waitFor();
      await page.getByRole('main').getByText(volunteers.name).first().waitFor();
      // and it is among the innovator's drafts
      await page.goto('/attivita?status=draft');
      await page.getByRole('main').locator(`a[href="${href}"]`).first().waitFor();
      // the accepted pair is no longer offered
      await page.goto(`/collaborazioni?organization=${school.id}`);
      await heading(page, 'Collaborazioni suggerite');
      await settled(page);
      expect(await pairCard(page).count()).toBe(0);
    });
  }, 120_000);
});

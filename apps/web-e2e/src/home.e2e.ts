import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import {
  BASE_URL,
  DEMO_PASSWORD,
  DESKTOP,
  launchBrowser,
  newSession,
  PHONE,
  signIn,
  withScreenshotOnFailure,
  type Device,
  type Session,
} from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';
const INNOVATOR = 'innovatore.bari@trama.test';
const MOLFETTA_USER = 'comune.molfetta@trama.test';

/** The figure in a home section's heading, e.g. "Da revisionare 3" → 3. */
async function sectionCount(page: Page, title: string): Promise<number> {
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) });
  await heading.waitFor();
  const text = (await heading.locator('.home-section__count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** The figure of a home section found by its region (whose name is the count's sentence for screen readers). */
async function regionCount(region: Locator): Promise<number> {
  const figure = region.locator('.home-section__count').first();
  await figure.waitFor();
  return Number(((await figure.textContent()) ?? '').replace(/\D/g, ''));
}

/** The navigation (opened on a phone, where it sits behind the menu button). */
async function openNav(page: Page, device: Device) {
  if (device === PHONE) {
    const toggle = page.getByRole('button', { name: 'Menu' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.tap();
  }
  return page.getByRole('navigation', { name: 'Navigazione principale' });
}

/**
 * The accessible name of a navigation entry: its label and, when there is one, the badge's sentence
 * (`expected`, waited for: the badges are queries of their own, answered after the page's).
 */
async function navEntry(page: Page, device: Device, name: RegExp, expected: string): Promise<string> {
  const nav = await openNav(page, device);
  const link = nav.getByRole('link', { name }).filter({ hasText: expected });
  await link.waitFor();
  return (await link.textContent()) ?? '';
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** A new submitted activity of the demo innovator, through the API: the coordinator's journey has one to approve. */
async function submitOne(title: string): Promise<void> {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: INNOVATOR, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
  const created = await fetch(`${BASE_URL}/api/activities`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      clientId: randomUUID(),
      municipality: '072006',
      date: new Date().toISOString().slice(0, 10),
      type: 'meeting',
      title,
      durationMinutes: 60,
      participants: { total: 8 },
      themes: ['youth'],
    }),
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const submitted = await fetch(`${BASE_URL}/api/activities/${id}/submit`, { method: 'POST', headers, body: '{}' });
  if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${await submitted.text()}`);
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('homes (%s)', (screen, device) => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await newSession(browser, { device });
  });
  afterEach(async () => {
    await session?.context.close();
  });

  it("innovator: lands on 'Il mio lavoro' with the returned activities first, the badge agreeing with them", async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `home-innovator-${screen}`, async () => {
      await signIn(page, INNOVATOR);
      await page.getByRole('heading', { level: 1, name: 'Il mio lavoro' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await settled(page);
      const returned = await sectionCount(page, 'Da correggere');
      // the demo innovator has a returned activity, with the coordinator's comment beside it
      expect(returned).toBeGreaterThan(0);
      await expect(page.locator('.home-item__comment').count()).resolves.toBeGreaterThan(0);
      await sectionCount(page, 'Bozze');
      await sectionCount(page, 'In attesa di revisione');
      await page.getByRole('heading', { level: 2, name: /non visitat[oi] da 30 giorni/ }).waitFor();
      await page.getByRole('link', { name: 'Nuova attività' }).waitFor();
      await expectNoAxeViolations(page, `innovator home (${screen})`);
      // the navigation's badge says the same number, in words for screen readers
      const badge = returned === 1 ? '1 attività rimandata da correggere' : `${returned} attività rimandate da correggere`;
      expect(await navEntry(page, device, /^Il mio lavoro/, badge)).toContain(badge);
    });
  });

  it("municipality user: lands on 'Il mio territorio' with the registers per stage, kind and status, the expiring assignments, every block downloadable, and the approved activities of the last 90 days with their map", async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `home-municipality-${screen}`, async () => {
      await signIn(page, MOLFETTA_USER);
      await page.getByRole('heading', { level: 1, name: 'Il mio territorio' }).waitFor();
      await settled(page);
      const summary = page.getByRole('status').filter({ hasText: /attività approvat/ });
      await expect(summary.textContent()).resolves.toMatch(
        /^\d+ attività approvat[ae] dal .+ al .+\. Periodo predefinito: ultimi 90 giorni/,
      );
      // the demo's approved activity in Molfetta (40 days ago), and any the other journeys approved there
      await page.getByRole('heading', { level: 2, name: 'Le più recenti' }).waitFor();
      await expect(page.locator('.home-item').count()).resolves.toBeGreaterThanOrEqual(1);
      await page.getByRole('link', { name: 'Tavolo di rete sul centro storico di Molfetta' }).waitFor();
      // the map draws the boundaries of the area's municipalities
      await page.locator('.home-map .leaflet-overlay-pane path').first().waitFor();

      // the territory's registers: buildings per reuse stage, organizations per kind, initiatives per status
      const buildings = page.getByRole('region', { name: /immobil[ei] nel territorio$/ });
      const buildingsTotal = await regionCount(buildings);
      expect(buildingsTotal).toBeGreaterThanOrEqual(3);
      const stages = buildings.getByRole('table', { name: 'Immobili del territorio per fase di riuso' });
      await expect(stages.getByRole('row').count()).resolves.toBe(8); // header, six stages, total
      await expect(stages.getByRole('link', { name: 'Assegnato' }).getAttribute('href')).resolves.toBe(
        '/immobili?municipality=072029&stage=assigned',
      );
      await expect(regionCount(page.getByRole('region', { name: /organizzazion[ei] nel territorio$/ }))).resolves.toBeGreaterThan(0);
      await regionCount(page.getByRole('region', { name: /iniziativ[ae] nel territorio$/ }));
      // the demo's confiscated flat in Molfetta: assigned, its pact ends in 40 days
      const expiring = page.getByRole('region', { name: /in scadenza o scadut[ae]$/ });
      await expiring.getByRole('link', { name: 'Appartamento confiscato in via Baccarini' }).waitFor();
      await expiring
        .getByText(/^finisce tra \d+ giorni$/)
        .first()
        .waitFor();
      await expectNoAxeViolations(page, `municipality home (${screen})`);

      // every block downloads: the table as CSV, and the register's own export with the territory's filter
      const [table] = await Promise.all([
        page.waitForEvent('download'),
        buildings.getByRole('button', { name: 'Questa tabella (CSV)' }).click(),
      ]);
      expect(table.suggestedFilename()).toBe('immobili-per-fase.csv');
      const tableText = await readFile((await table.path())!, 'utf8');
      expect(tableText).toContain(`Totale,${buildingsTotal}`);
      const [list] = await Promise.all([
        page.waitForEvent('download'),
        buildings.getByRole('button', { name: 'Elenco CSV', exact: true }).click(),
      ]);
      const listText = await readFile((await list.path())!, 'utf8');
      expect(listText).toContain('Appartamento confiscato in via Baccarini');
      expect(listText).not.toContain('Ex Mercato del pesce di Santo Spirito'); // Bari's
      const [expiringCsv] = await Promise.all([
        page.waitForEvent('download'),
        expiring.getByRole('button', { name: 'Questa tabella (CSV)' }).click(),
      ]);
      expect(await readFile((await expiringCsv.path())!, 'utf8')).toContain('Appartamento confiscato in via Baccarini');

      // a stage's row opens the buildings list with the territory and that stage
      await stages.getByRole('link', { name: 'Assegnato' }).click();
      await page.waitForURL(/\/immobili\?municipality=072029&stage=assigned/);
      await page.getByRole('link', { name: 'Appartamento confiscato in via Baccarini' }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Il mio territorio' }).waitFor();
      await settled(page);
      // another period: the figures follow, the default is no longer said
      await page.getByLabel('Periodo').selectOption({ label: 'Ultimi 30 giorni' });
      await page.waitForURL(/periodo=30d/);
      // the previous figures stay on screen until the new ones arrive
      await summary.filter({ hasNotText: 'Periodo predefinito' }).waitFor();
    });
  });

  it('coordinator: the queue, its oldest item and the badge; approving one lowers both without a reload', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `home-coordinator-${screen}`, async () => {
      const title = `Incontro da approvare dalla home (${screen})`;
      await submitOne(title);
      await signIn(page, COORDINATOR);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await settled(page);
      const queue = await sectionCount(page, 'Da revisionare');
      expect(queue).toBeGreaterThan(0);
      await page.getByText(/^La più vecchia attende da/).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Ultima settimana/ }).waitFor();
      await page.getByRole('heading', { level: 2, name: /rimandat[ae] e non reinviat[ae] da 30 giorni/ }).waitFor();
      await expectNoAxeViolations(page, `coordinator home (${screen})`);
      expect(await navEntry(page, device, /^Revisione/, `${queue} attività da revisionare`)).toContain(`${queue} attività da revisionare`);

      // approve the new activity from its page, reached and left through the menu: no reload
      await (await openNav(page, device)).getByRole('link', { name: 'Attività', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Attività' }).waitFor();
      // dated today: first in the list (newest first)
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('button', { name: 'Approva' }).click();
      await page.getByText(`Hai approvato «${title}».`).waitFor();
      const nav = await openNav(page, device);
      await nav.getByRole('link', { name: /^Home/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await page.getByRole('heading', { level: 2, name: new RegExp(`^Da revisionare: ${queue - 1} attività`) }).waitFor();
      const badgeAfter = queue - 1 === 0 ? 'Revisione' : `${queue - 1} attività da revisionare`;
      const after = await navEntry(page, device, /^Revisione/, badgeAfter);
      expect(after).toContain(badgeAfter);
      if (queue - 1 > 0) expect(after).not.toContain(`${queue} attività da revisionare`);
    });
  });
});

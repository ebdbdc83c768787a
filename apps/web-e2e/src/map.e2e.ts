import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const MOLFETTA_USER = 'comune.molfetta@trama.test';

/** The number before `what` ("12 attività nell'area della mappa") in a text. */
function countOf(text: string, what: string): number {
  const match = new RegExp(`(\\d[\\d.]*) ${what} nell'area della mappa`).exec(text);
  if (!match) throw new Error(`no count of ${what} in: ${text}`);
  return Number(match[1].replace(/\./g, ''));
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

const screens: [string, Device][] = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
];

describe.each(screens)('the map, %s', (screen, device) => {
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
    // closed before the check: a failed check must not leave the context open
    const errors = session?.pageErrors;
    await session?.context.close();
    expect(errors).toEqual([]);
  });

  it("shows the Molfetta user only Molfetta's records, and the list view counts the same", async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `map-molfetta-${screen}`, async () => {
      await signIn(page, MOLFETTA_USER);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/mappa');
      await page.getByRole('heading', { level: 1, name: 'Mappa' }).waitFor();
      // every layer has answered: while one loads, its part of the summary says so
      const summary = page.getByRole('status').filter({ hasText: "nell'area della mappa" }).filter({ hasNotText: 'Caricamento' });
      await summary.waitFor();
      await settled(page);
      const summaryText = (await summary.textContent()) ?? '';
      const onMap = countOf(summaryText, 'attività');
      const buildingsOnMap = countOf(summaryText, 'immobil[ei]');
      // the initiatives layer: the demo's initiatives of Molfetta (one shared with Giovinazzo), at their own points
      const initiativesOnMap = countOf(summaryText, 'iniziativ[ae]');
      expect(onMap).toBeGreaterThan(0);
      expect(initiativesOnMap).toBeGreaterThan(0);
      // activities of the period: the last 90 days unless chosen, said in words
      await page.getByText(/^Attività degli ultimi 90 giorni/).waitFor();
      await expect(page.getByRole('checkbox', { name: 'Iniziative (per stato)' }).isChecked()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: /\((Idea|Pianificata|In corso|Conclusa|Interrotta)\)$/ }).count()).resolves.toBe(
        initiativesOnMap,
      );
      await expectNoAxeViolations(page, `map page (${screen})`);

      // every record on the map is Molfetta's (the layer answers with its rule); open one with the keyboard
      const point = page.locator('.map-point').last();
      await point.focus();
      await page.keyboard.press('Enter');
      const panel = page.getByRole('complementary', { name: 'Elemento scelto' });
      await panel.getByRole('link', { name: 'Apri la scheda' }).waitFor();
      // the municipality line reads "Comune: Molfetta" to a screen reader
      await expect(panel.locator('.map-item__meta li', { hasText: /^Comune: Molfetta$/ }).count()).resolves.toBe(1);
      await settled(page);
      await expectNoAxeViolations(page, `map page with the side panel (${screen})`);

      // the list of what the map shows: the same count, only Molfetta
      await page.getByRole('button', { name: 'Elenco' }).click();
      const list = page.getByRole('region', { name: /attività nell'area della mappa$/ });
      await list.waitFor();
      await settled(page);
      expect(countOf((await list.getByRole('heading', { level: 2 }).textContent()) ?? '', 'attività')).toBe(onMap);
      const buildingsList = page.getByRole('region', { name: /immobil[ei] nell'area della mappa$/ });
      expect(countOf((await buildingsList.getByRole('heading', { level: 2 }).textContent()) ?? '', 'immobil[ei]')).toBe(buildingsOnMap);
      for (const building of await buildingsList.locator('.map-list__items > li').all()) {
        await expect(building.locator('.map-item__meta li', { hasText: /^Comune: Molfetta$/ }).count()).resolves.toBe(1);
      }
      const initiativesList = page.getByRole('region', { name: /iniziativ[ae] nell'area della mappa$/ });
      expect(countOf((await initiativesList.getByRole('heading', { level: 2 }).textContent()) ?? '', 'iniziativ[ae]')).toBe(
        initiativesOnMap,
      );
      for (const initiative of await initiativesList.locator('.map-list__items > li').all()) {
        await expect(initiative.locator('.map-item__meta li', { hasText: /^Comun[ei]: (.*, )?Molfetta(,.*)?$/ }).count()).resolves.toBe(1);
      }
      const items = list.locator('.map-list__items > li');
      const shown = await items.count();
      expect(shown).toBe(Math.min(onMap, 25));
      for (let i = 0; i < shown; i++) {
        await expect(
          items
            .nth(i)
            .locator('.map-item__meta li', { hasText: /^Comune: Molfetta$/ })
            .count(),
        ).resolves.toBe(1);
      }
      await expectNoAxeViolations(page, `map list view (${screen})`);
    });
  });
  it('turns the reuse-potential layer on: buildings by score band, the legend in words, the ranking as its list with the same count', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `map-reuse-${screen}`, async () => {
      await signIn(page, MOLFETTA_USER);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/mappa');
      await page.getByRole('heading', { level: 1, name: 'Mappa' }).waitFor();
      const toggle = page.getByRole('checkbox', { name: 'Potenziale di riuso (immobili per punteggio)' });
      // off by default
      await expect(toggle.isChecked()).resolves.toBe(false);
      // a click, not check(): the box follows the address (check() verifies at once; indicators.e2e.ts)
      await toggle.click();
      await page.waitForURL((url) => (url.searchParams.get('layers') ?? '').split(',').includes('reuse'));
      await page.getByRole('checkbox', { name: 'Potenziale di riuso (immobili per punteggio)', checked: true }).waitFor();
      const what = 'immobil[ei] nella graduatoria del riuso';
      const summary = page.getByRole('status').filter({ hasText: 'nella graduatoria del riuso' });
      await summary.waitFor();
      await settled(page);
      const onMap = countOf((await summary.textContent()) ?? '', what);
      expect(onMap).toBeGreaterThan(0);
      // the legend names the bands (colour is never the only cue)
      const legend = page.getByRole('region', { name: 'Legenda' });
      for (const band of ['Potenziale molto alto (80–100)', 'Potenziale basso (0–39)', 'Non ancora valutato'])
        await legend.getByText(new RegExp(`^${band.replace(/[()]/g, '\\$&')} \\(\\d+\\)$`)).waitFor();
      // every point of the layer says its band in its name
      await expect(
        page.getByRole('button', { name: /\((Potenziale (molto alto|alto|medio|basso) \(\d+–\d+\)|Non ancora valutato)\)$/ }).count(),
      ).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(page, `map page with the reuse layer (${screen})`);

      // the list view: the ranking of the map's area, the same count, only Molfetta
      await page.getByRole('button', { name: 'Elenco' }).click();
      const list = page.getByRole('region', { name: /nella graduatoria del riuso nell'area della mappa, dal più promettente$/ });
      await list.waitFor();
      await settled(page);
      expect(countOf((await list.getByRole('heading', { level: 2 }).textContent()) ?? '', what)).toBe(onMap);
      for (const building of await list.locator('.map-list__items > li').all()) {
        await expect(building.locator('.map-item__meta li', { hasText: /^Comune: Molfetta$/ }).count()).resolves.toBe(1);
        await expect(building.locator('.map-item__meta li', { hasText: /su 100/ }).count()).resolves.toBe(1);
      }
      await expectNoAxeViolations(page, `map list view with the reuse layer (${screen})`);
    });
  });
});

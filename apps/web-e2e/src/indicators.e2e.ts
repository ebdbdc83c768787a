import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';
const MOLFETTA = 'comune.molfetta@trama.test';
const INDICATOR = 'N. iniziative realizzate';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The ranking table's rows as [territory, class] (data attributes the table writes from the classification). */
async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.territory ?? '', (r as HTMLElement).dataset.class ?? '']));
}

/** The choropleth's polygons as [territory, class], read from the CSS classes Leaflet gave each path. */
async function mapAreas(page: Page): Promise<string[][]> {
  return page.locator('path.choropleth-area').evaluateAll((paths) =>
    paths.map((p) => {
      const classes = (p.getAttribute('class') ?? '').split(/\s+/);
      const istat = classes.find((c) => /^choropleth-area--\d{6}$/.test(c))!.slice('choropleth-area--'.length);
      const klass = classes.find((c) => c.startsWith('choropleth-class--'))!.slice('choropleth-class--'.length);
      return [`municipality:${istat}`, klass];
    }),
  );
}

/**
 * Waits until the map shows the table's territories in the table's classes (the map is redrawn in an
 * effect after the table's render: read too early, the two disagree for a moment), then checks them.
 */
async function expectMapAgreesWithTable(page: Page, table: Locator): Promise<string[][]> {
  await table.locator('tbody tr').first().waitFor();
  const deadline = Date.now() + 20_000;
  let rows: string[][] = [];
  let areas: string[][] = [];
  for (;;) {
    rows = (await tableRows(table)).sort();
    // a path being drawn may not have its classes yet
    areas = (await mapAreas(page).catch(() => [])).sort();
    if ((rows.length > 0 && JSON.stringify(areas) === JSON.stringify(rows)) || Date.now() > deadline) break;
    await page.waitForTimeout(200);
  }
  expect(areas).toEqual(rows);
  // every class the table names is in the legend, and missing is drawn hatched, never in the lowest class
  for (const [, klass] of rows) expect(klass).toMatch(/^([1-5]|missing)$/);
  return rows;
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as [string, Device][])('indicators journey (%s): a coordinator reads N. iniziative realizzate', (screen, device) => {
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

  it('sees the choropleth and the table agree, switches to a social area and to per capita, exports the CSV, and every page is axe-clean', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `indicators-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await heading(page, 'Home');
      await page.goto('/indicatori');
      await heading(page, 'Indicatori');
      await page.getByRole('heading', { level: 2, name: 'Gli indicatori del programma' }).waitFor();
      await expectNoAxeViolations(page, `indicators list (${screen})`);

      await page.getByRole('link', { name: INDICATOR, exact: true }).click();
      await heading(page, INDICATOR);
      const table = page.getByRole('table', { name: /^Classifica dei comuni/ });
      const tenantRows = await expectMapAgreesWithTable(page, table);
      expect(tenantRows.length).toBeGreaterThan(10);
      await page.getByRole('region', { name: 'Legenda' }).waitFor();
      await page.getByRole('table', { name: /^Andamento di/ }).waitFor();
      // the trend chart is drawn by echarts with its aria description
      await page.locator('.trend-chart svg').first().waitFor();
      await expectNoAxeViolations(page, `indicator page (${screen})`);

      // a social area: only its municipalities, on the map and in the table
      const picker = page.getByRole('combobox', { name: 'Territorio' });
      const area = await picker
        .locator('optgroup[label="Ambiti sociali"] option')
        .first()
        .evaluate((o) => ({ value: (o as HTMLOptionElement).value, name: o.textContent ?? '' }));
      await picker.selectOption(area.value);
      await page.waitForURL(new RegExp(`territorio=${encodeURIComponent(area.value)}`));
      await page.getByRole('heading', { level: 2, name: `I comuni di ${area.name}`, exact: false }).waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('table.ranking-table tbody tr').length < n, tenantRows.length);
      const areaRows = await expectMapAgreesWithTable(page, table);
      expect(areaRows.length).toBeGreaterThan(0);
      for (const row of areaRows) expect(tenantRows.map((r) => r[0])).toContain(row[0]);

      // per capita: the population joins the table, the values are per 1,000 inhabitants
      // (a click, not check(): the box follows the address, which a busy machine updates a moment after
      // the click, and check() verifies the state at once — "Clicking the checkbox did not change its state")
      const perCapita = page.getByRole('checkbox', { name: 'Per 1.000 abitanti' });
      await perCapita.click();
      await page.waitForURL(/procapite=1/);
      await page.getByRole('checkbox', { name: 'Per 1.000 abitanti', checked: true }).waitFor();
      await table.getByRole('columnheader', { name: 'Popolazione' }).waitFor();
      await expectMapAgreesWithTable(page, table);
      await expectNoAxeViolations(page, `indicator page, social area per capita (${screen})`);

      // the CSV of the map's view: the same territories as the table
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('group', { name: 'Scarica i dati dei comuni' }).getByRole('button', { name: 'Scarica CSV', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      const csvTerritories = [...csv.matchAll(/municipality:\d{6}/g)].map((m) => m[0]).sort();
      expect(csvTerritories).toEqual(areaRows.map((r) => r[0]));
      expect(csv).toContain('initiatives_realised');

      // a municipality's own page: every indicator of it
      await table.locator('tbody tr').first().getByRole('link').click();
      await heading(page, /^Indicatori di /);
      await page.locator('table.territory-indicators tbody tr').first().waitFor();
      await page.getByRole('link', { name: INDICATOR, exact: true }).waitFor();
      await expectNoAxeViolations(page, `territory indicators (${screen})`);
    });
  });
});

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as [string, Device][])('indicators, read by the Molfetta municipality user (%s)', (screen, device) => {
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

  it("sees only Molfetta's figures, from the home's link to the indicator page, and both pages are axe-clean", async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `indicators-molfetta-${screen}`, async () => {
      await signIn(page, MOLFETTA);
      await heading(page, 'Il mio territorio');
      await page.getByRole('link', { name: 'Gli indicatori del mio territorio' }).click();
      await heading(page, 'Indicatori di Molfetta');
      await page.locator('table.territory-indicators tbody tr').first().waitFor();
      await expectNoAxeViolations(page, `territory indicators, municipality user (${screen})`);

      await page.getByRole('link', { name: INDICATOR, exact: true }).click();
      await heading(page, INDICATOR);
      const picker = page.getByRole('combobox', { name: 'Territorio' });
      await expect(picker.locator('option').allTextContents()).resolves.toEqual(['Molfetta']);
      const table = page.getByRole('table', { name: /^Classifica dei comuni|^Classifica/ });
      const rows = await expectMapAgreesWithTable(page, table);
      expect(rows.map((r) => r[0])).toEqual(['municipality:072029']);
      await expect(page.getByRole('checkbox', { name: 'Includi le bozze' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, `indicator page, municipality user (${screen})`);

      // another municipality's figures are not served: asking for Bari shows an error, not Bari
      await page.goto('/indicatori/initiatives_realised?territorio=municipality%3A072006');
      await page.getByRole('alert').waitFor();
      await expect(page.locator('table.ranking-table').count()).resolves.toBe(0);
    });
  });
});

describe('indicators: a manual value from entry to the dashboard (desktop)', () => {
  let browser: Browser;
  let innovator: Session;
  let coordinator: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
    innovator = await newSession(browser, { device: DESKTOP });
    coordinator = await newSession(browser, { device: DESKTOP });
  });
  afterAll(async () => {
    await innovator?.context.close();
    await coordinator?.context.close();
    await browser?.close();
  });

  it('an innovator enters a draft, the coordinator validates it in the queue, and the dashboard counts it', async () => {
    await withScreenshotOnFailure(innovator.page, 'indicators-values-innovator', async () => {
      const { page } = innovator;
      await signIn(page, 'innovatore.bari@trama.test');
      await heading(page, 'Il mio lavoro');
      await page.goto('/indicatori/crimes_reported');
      await heading(page, 'N. delitti denunciati');
      await page.getByRole('link', { name: 'Inserisci un valore' }).click();
      await heading(page, 'Inserisci un valore: N. delitti denunciati');
      const territory = page.getByRole('combobox', { name: /^Territorio/ });
      await territory.locator('option[value="municipality:072029"]').waitFor({ state: 'attached' });
      await territory.selectOption('municipality:072029');
      await page.getByRole('textbox', { name: /^Periodo/ }).fill('2021');
      await page.getByRole('textbox', { name: /^Valore/ }).fill('512');
      await page.getByRole('textbox', { name: /^Nota sulla fonte/ }).fill('Prova E2E');
      await expectNoAxeViolations(page, 'indicator value entry');
      await page.getByRole('button', { name: 'Salva il valore' }).click();
      await page.getByText('Valore salvato come bozza.').waitFor();
    });
    await withScreenshotOnFailure(coordinator.page, 'indicators-values-coordinator', async () => {
      const { page } = coordinator;
      await signIn(page, COORDINATOR);
      await heading(page, 'Home');
      await page.goto('/indicatori/da-validare');
      await heading(page, 'Valori da validare');
      const validate = page.getByRole('button', { name: 'Valida N. delitti denunciati, Molfetta, 2021' });
      await validate.waitFor();
      await expectNoAxeViolations(page, 'indicator validation queue');
      await validate.click();
      await page.getByText('Valore validato: N. delitti denunciati, Molfetta, 2021.').waitFor();
      await expect(validate.count()).resolves.toBe(0);

      await page.goto('/indicatori/crimes_reported?territorio=municipality%3A072029&dal=2021&al=2021&periodo=2021&procapite=0');
      await heading(page, 'N. delitti denunciati');
      const trend = page.getByRole('table', { name: /^Andamento di Molfetta/ });
      await trend.getByRole('row', { name: /^2021\s+512\b/ }).waitFor();
    });
  });
});

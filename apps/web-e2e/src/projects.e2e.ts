import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const BOLOGNA = 'coordinatore.bologna@trama.test';
const BARI = 'coordinatore.bari@trama.test';
const MOLFETTA = 'comune.molfetta@trama.test';
const SUFFIX = Date.now().toString(36);

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The texts echarts drew (SVG <text>), and the first cells (dates) of the progress table: the chart's axis and the table's rows. */
async function chartAndTableDates(page: Page): Promise<{ chart: string[]; table: string[] }> {
  const texts = page.locator('[data-testid="echarts"] svg text');
  await texts.first().waitFor();
  const table = (await page.getByTestId('progress-table').locator('tbody th').allTextContents()).map((s) => s.trim());
  // the chart is drawn in an effect after the table's render: each date has had its moment to appear
  for (const date of table) await texts.filter({ hasText: date }).first().waitFor();
  const chart = await texts.allTextContents();
  return { chart: chart.map((s) => s.trim()), table };
}

describe.each([
  ['desktop', DESKTOP, '2021-12-31'],
  ['phone', PHONE, '2022-06-30'],
] as [string, Device, string][])('projects journey (%s): the Bologna coordinator follows BO3.3.1.b', (screen, device, date) => {
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

  it('sees the chart and the table agree, adds a snapshot, exports CSV; every page axe-clean', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `projects-${screen}`, async () => {
      await signIn(page, BOLOGNA);
      await heading(page, 'Home');
      await page.goto('/progetti');
      await heading(page, 'Progetti finanziati');
      await page
        .getByRole('status')
        .filter({ hasText: /progett/ })
        .waitFor();
      await expectNoAxeViolations(page, `projects list (${screen})`);

      // the CSV export of the list
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
      expect(download.suggestedFilename()).toMatch(/^progetti-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv).toContain('BO3.3.1.b');
      expect(csv).toContain('F39G16000350007');

      await page.getByRole('link', { name: /BO3\.3\.1\.b/ }).click();
      await heading(page, /BO3\.3\.1\.b/);
      const before = await chartAndTableDates(page);
      expect(before.table.length).toBeGreaterThanOrEqual(5);
      for (const d of before.table) expect(before.chart).toContain(d);
      await expect(page.getByTestId('progress-table').textContent()).resolves.toMatch(/412\.248,83\s€/);
      await expectNoAxeViolations(page, `project detail (${screen})`);

      // a new snapshot: the form starts from the latest figures; only the date is new
      await page.getByLabel(/^Data dei dati/).fill(date);
      await page.getByRole('button', { name: 'Aggiungi i dati finanziari' }).click();
      await page.getByText('Dati finanziari aggiunti.').waitFor();
      await page.getByTestId('progress-table').locator('tbody tr').nth(before.table.length).waitFor();
      const after = await chartAndTableDates(page);
      expect(after.table).toHaveLength(before.table.length + 1);
      for (const d of after.table) expect(after.chart).toContain(d);
      await page.getByRole('heading', { name: 'Storico delle modifiche' }).waitFor();
      await expect(page.getByRole('main').textContent()).resolves.toContain('Dati finanziari aggiunti');

      await page.goto('/programma');
      await heading(page, 'Programma');
      await page.getByTestId('programme-table').waitFor();
      await page.locator('[data-testid="echarts"] svg').waitFor();
      await expect(page.getByTestId('programme-table').textContent()).resolves.toContain('BO3.3.1.b');
      await expectNoAxeViolations(page, `programme page (${screen})`);
    });
  });
});

describe('projects of Bari: the coordinator registers two, the Molfetta user sees only Molfetta’s', () => {
  let browser: Browser;
  const molfettaCode = `BA-MOL-${SUFFIX}`;
  const bariCode = `BA-BAR-${SUFFIX}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a project in Molfetta and one in Bari through the form', async () => {
    const session = await newSession(browser, { device: DESKTOP });
    const { page } = session;
    await withScreenshotOnFailure(page, 'projects-bari-create', async () => {
      await signIn(page, BARI);
      await heading(page, 'Home');
      for (const [code, municipality] of [
        [molfettaCode, 'Molfetta'],
        [bariCode, 'Bari'],
      ]) {
        await page.goto('/progetti/nuovo');
        await heading(page, 'Nuovo progetto');
        await page.getByRole('textbox', { name: /^Codice/ }).fill(code);
        await page.getByRole('textbox', { name: /^Titolo/ }).fill(`Laboratorio civico di ${municipality}`);
        await page.getByLabel(/^Programma/).selectOption({ label: 'PN Metro Plus 2021-2027' });
        await page.getByLabel(/^Stato/).selectOption({ label: 'Ammesso a finanziamento' });
        await page.getByRole('button', { name: 'Salva' }).click();
        // past the idea, the CUP is required: the form says so beside the field
        await page.getByText("Inserisci il CUP: è obbligatorio salvo che il progetto sia un'idea.").first().waitFor();
        await page.getByRole('textbox', { name: /^CUP/ }).fill(code === molfettaCode ? 'C51B24000010001' : 'C51B24000010002');
        await page.getByRole('group', { name: 'Comuni', exact: true }).getByLabel(municipality, { exact: true }).check();
        if (code === molfettaCode) await expectNoAxeViolations(page, 'project form (desktop)');
        await page.getByRole('button', { name: 'Salva' }).click();
        await heading(page, new RegExp(code));
        await expect(page.getByRole('main').textContent()).resolves.toContain(municipality);
      }
    });
    await session.context.close();
  });

  it.each([
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as [string, Device][])('the Molfetta user lists only the projects touching Molfetta (%s)', async (screen, device) => {
    const session = await newSession(browser, { device });
    const { page } = session;
    await withScreenshotOnFailure(page, `projects-molfetta-${screen}`, async () => {
      await signIn(page, MOLFETTA);
      await heading(page, 'Il mio territorio');
      await page.goto('/progetti');
      await heading(page, 'Progetti finanziati');
      await page.getByRole('link', { name: new RegExp(molfettaCode) }).waitFor();
      const text = (await page.getByRole('main').textContent()) ?? '';
      expect(text).not.toContain(bariCode);
      expect(text).not.toContain('BA5.5.1.b');
      expect(text).not.toContain('BO3.3.1.b');
      await expect(page.getByRole('link', { name: 'Nuovo progetto' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, `projects list, municipality user (${screen})`);
      await page.getByRole('link', { name: new RegExp(molfettaCode) }).click();
      await heading(page, new RegExp(molfettaCode));
      await expect(page.getByRole('button', { name: 'Aggiungi i dati finanziari' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, `project detail, municipality user (${screen})`);
    });
    await session.context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as [string, Device][])(
  'initiatives journey (%s): an innovator registers an initiative in two municipalities and starts it',
  (screen, device) => {
    let browser: Browser;
    let session: Session;
    const title = `Orti condivisi E2E ${screen} ${Date.now().toString(36)}`;

    beforeAll(async () => {
      browser = await launchBrowser();
      session = await newSession(browser, { device });
    });
    afterAll(async () => {
      await session?.context.close();
      await browser?.close();
    });

    it('creates it with a lead organization, moves it to running, and every page is axe-clean', async () => {
      const { page } = session;
      await withScreenshotOnFailure(page, `initiatives-${screen}`, async () => {
        await signIn(page, INNOVATOR);
        await heading(page, 'Il mio lavoro');
        await page.goto('/iniziative');
        await heading(page, 'Iniziative');
        await page
          .getByRole('status')
          .filter({ hasText: /iniziativ/ })
          .waitFor();
        await expectNoAxeViolations(page, `initiatives list (${screen})`);

        await page.getByRole('link', { name: 'Nuova iniziativa' }).click();
        await heading(page, 'Nuova iniziativa');
        await page.getByLabel('Titolo').fill(title);
        await page.getByLabel('Stato iniziale').selectOption({ label: 'Pianificata' });
        await page.getByLabel('Comune principale').selectOption({ label: 'Molfetta' });
        await page.getByRole('group', { name: 'Altri comuni coinvolti' }).getByLabel('Giovinazzo', { exact: true }).check();
        await page.getByLabel('Descrizione').fill('Orti di quartiere curati da anziani e studenti.');

        const lead = page.getByRole('group', { name: 'Organizzazione capofila', exact: true });
        await lead.getByRole('combobox').fill('Melograno');
        await page
          .getByRole('option', { name: /Il Melograno/ })
          .first()
          .click();
        await lead.getByRole('button', { name: /Togli APS Il Melograno/ }).waitFor();

        await page.getByRole('group', { name: 'Temi', exact: true }).getByLabel('Ambiente').check();
        await page.getByLabel('Fonte di finanziamento').selectOption({ label: 'Fondazione' });
        await page.getByLabel('Importo del finanziamento (€)').fill('12500,50');
        await expectNoAxeViolations(page, `initiative form (${screen})`);
        await page.getByRole('button', { name: 'Salva' }).click();

        await heading(page, title);
        const main = page.getByRole('main');
        await expect(main.textContent()).resolves.toContain('Molfetta, Giovinazzo');
        await expect(main.textContent()).resolves.toContain('APS Il Melograno');
        await expect(main.textContent()).resolves.toContain('Pianificata');
        await expect(main.textContent()).resolves.toMatch(/12\.500,50\s€/);

        await page.getByRole('button', { name: 'Passa a «In corso»' }).click();
        await page.getByLabel(/^Data/).fill('2026-11-02');
        await page.getByRole('button', { name: 'Conferma' }).click();
        await page.getByText('Stato aggiornato: In corso.').waitFor();
        await page.getByText('Da «Pianificata» a «In corso»').first().waitFor();
        await expect(main.textContent()).resolves.toContain('Cambio di stato');
        await expectNoAxeViolations(page, `initiative detail (${screen})`);

        // the list finds it by a word typed without its accent, and counts it
        await page.goto(`/iniziative?q=${encodeURIComponent('orti condivisi e2e')}&status=running`);
        await page.getByRole('link', { name: title }).waitFor();
      });
    });
  },
);

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as [string, Device][])('initiatives, read by the Molfetta municipality user (%s)', (screen, device) => {
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

  it('lists only initiatives of Molfetta, opens one read-only, and both pages are axe-clean', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `initiatives-molfetta-${screen}`, async () => {
      await signIn(page, 'comune.molfetta@trama.test');
      await heading(page, 'Il mio territorio');
      await page.goto('/iniziative');
      await heading(page, 'Iniziative');
      const cards = page.getByRole('main').locator('.initiative-card');
      await cards.first().waitFor();
      for (const text of await cards.allTextContents()) expect(text).toContain('Molfetta');
      await expect(page.getByRole('link', { name: 'Nuova iniziativa' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, `initiatives, municipality user (${screen})`);

      await page.getByRole('link', { name: 'Porto di comunità: il centro storico di Molfetta' }).click();
      await heading(page, 'Porto di comunità: il centro storico di Molfetta');
      const main = page.getByRole('main');
      await expect(main.textContent()).resolves.toContain('J51B24000450006');
      await expect(main.textContent()).resolves.not.toContain('Note interne');
      await expect(page.getByRole('button', { name: /^Passa a/ }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: 'Modifica' }).count()).resolves.toBe(0);
      await page.getByRole('heading', { name: 'Storico delle modifiche' }).waitFor();
      await expectNoAxeViolations(page, `initiative detail, municipality user (${screen})`);
    });
  });
});

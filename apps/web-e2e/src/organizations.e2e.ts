import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Session } from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';
const INNOVATOR = 'innovatore.bari@trama.test';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe.each([
  ['desktop', DESKTOP, COORDINATOR],
  ['phone', PHONE, INNOVATOR],
] as const)('organizations register on %s', (screen, device, email) => {
  let browser: Browser;
  let session: Session;
  const run = `${screen}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await newSession(browser, { device });
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });

  it('registers an organization past the duplicate warning, checks an import file, lists the stale ones', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `organizations-${screen}`, async () => {
      await signIn(page, email);
      await page.waitForURL((url) => url.pathname === '/');
      if (screen === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Organizzazioni', exact: true }).click();
      await heading(page, 'Organizzazioni');
      await page
        .getByRole('status')
        .filter({ hasText: /organizzazion/ })
        .waitFor();
      await expectNoAxeViolations(page, `organizations list (${screen})`);

      // A name like a demo organization's (La Lampara, Bari): the warning lists it before saving.
      await page.getByRole('link', { name: 'Nuova organizzazione' }).click();
      await heading(page, 'Nuova organizzazione');
      await page.getByLabel(/^Nome/).fill('Cooperativa sociale La Lampara Bari');
      await page.getByLabel(/^Tipo/).selectOption({ label: 'Impresa sociale (anche cooperativa sociale)' });
      await page.getByLabel(/^Comune/).selectOption({ label: 'Bari' });
      await page.getByRole('group', { name: 'Offre' }).getByLabel('Formazione').check();
      await page.getByLabel(/^Indirizzo/).fill(`Via del Porto ${run}`);
      await page.getByRole('button', { name: 'Salva', exact: true }).click();
      const warning = page.getByRole('alert').filter({ hasText: 'Forse è già nel registro' });
      await warning.waitFor();
      await warning.getByRole('link', { name: 'Cooperativa sociale La Lampara', exact: true }).waitFor();
      await expectNoAxeViolations(page, `organization form with the duplicate warning (${screen})`);
      await warning.getByRole('button', { name: /salva comunque/ }).click();
      await heading(page, 'Cooperativa sociale La Lampara Bari');
      await page.getByText(`Via del Porto ${run}`).waitFor();
      await expectNoAxeViolations(page, `organization detail (${screen})`);

      // The import: a file with a good row and a bad one; the dry run reports both, nothing is written.
      await page.goto('/organizzazioni/importa');
      await heading(page, 'Importa da CSV');
      const csv = ['Nome;Tipo;Comune (codice ISTAT)', `Associazione Import ${run};aps;072006`, `Senza tipo ${run};;072006`].join('\r\n');
      await page
        .getByLabel('File CSV')
        .setInputFiles({ name: 'organizzazioni.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByRole('button', { name: 'Controlla' }).click();
      await page.getByText('Da creare: 1 · da aggiornare: 0 · scartate: 1').waitFor();
      const report = page.getByRole('table', { name: 'Esito riga per riga' });
      await report.getByRole('cell', { name: 'Scartata' }).waitFor();
      await expect(page.getByRole('button', { name: 'Importa', exact: true }).isDisabled()).resolves.toBe(true);
      await expectNoAxeViolations(page, `import dry run report (${screen})`);

      // The stale list: the demo has organizations never verified on site
      await page.goto('/organizzazioni/da-verificare');
      await heading(page, 'Da verificare sul posto');
      await page.getByText('Mai verificata sul posto').first().waitFor();
      await expectNoAxeViolations(page, `stale list (${screen})`);
    });
  });
});

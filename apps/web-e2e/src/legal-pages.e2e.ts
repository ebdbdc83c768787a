import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';

/** Waits until the page has its heading and has finished loading its data (no spinner left). */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').waitFor({ state: 'detached' });
}

/** The footer's legal links (on a phone the footer is below the page: the link scrolls into view when clicked). */
function footerLink(page: Page, name: string) {
  return page.getByRole('contentinfo').getByRole('navigation', { name: 'Note legali' }).getByRole('link', { name });
}

const screens: [string, Device][] = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
];

describe.each(screens)('accessibility statement and privacy notice, %s', (screen, device) => {
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

  it('reaches both pages from the login page without signing in, for the chosen city, in Italian and English', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `legal-public-${screen}`, async () => {
      await page.goto('/login');
      await settled(page);
      await footerLink(page, 'Dichiarazione di accessibilità').click();
      // two cities on the platform and nobody signed in: choose one
      await page.getByRole('heading', { level: 1, name: 'Dichiarazione di accessibilità' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `statement, choose the city (${screen})`);
      await page.getByRole('main').getByRole('link', { name: 'Città Metropolitana di Bari' }).click();
      await page.waitForURL(/\/accessibilita\/272$/);
      await page.getByRole('heading', { level: 2, name: 'Stato di conformità' }).waitFor();
      await settled(page);
      await expect(page.getByRole('main').textContent()).resolves.toContain('Procedura di attuazione');
      await page.getByRole('link', { name: 'Segnala al Difensore civico per il digitale (AgID)' }).waitFor();
      // nobody signed in: no edit button
      await expect(page.getByRole('link', { name: 'Modifica' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, `statement (${screen})`);

      await footerLink(page, 'Informativa privacy').click();
      await page.getByRole('main').getByRole('link', { name: 'Città Metropolitana di Bologna' }).click();
      await page.waitForURL(/\/privacy\/237$/);
      await page.getByRole('heading', { level: 2, name: 'Titolare del trattamento' }).waitFor();
      await settled(page);
      await expect(page.getByRole('main').textContent()).resolves.toContain('Via Zamboni 13, 40126 Bologna');
      await page.getByRole('link', { name: 'Garante per la protezione dei dati personali' }).waitFor();
      await expectNoAxeViolations(page, `privacy notice (${screen})`);

      // English: the labels in English; the entity's name, given only in Italian, stays marked as Italian
      const toggle = page.locator('.nav-toggle');
      if (await toggle.isVisible()) await toggle.click();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Complaint to the Garante' }).waitFor();
      await expect(page.getByRole('main').locator('[lang="it"]').count()).resolves.toBeGreaterThan(0);
      await expectNoAxeViolations(page, `privacy notice, English (${screen})`);
    });
  });

  it('links both pages from the signed-in footer; the coordinator edits the statement and sees it published', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `legal-edit-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      // the header names the coordinator's city
      await expect(page.locator('.tenant-brand__name').textContent()).resolves.toBe('Città Metropolitana di Bari');

      await footerLink(page, 'Informativa privacy').click();
      await page.waitForURL(/\/privacy\/272$/);
      await page.getByRole('heading', { level: 2, name: 'Titolare del trattamento' }).waitFor();
      await page.getByRole('link', { name: 'Modifica' }).click();
      await page.getByRole('heading', { level: 1, name: "Modifica l'informativa privacy" }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `privacy notice form (${screen})`);

      await page.goto('/territorio');
      await page.getByRole('heading', { level: 1, name: 'Territorio' }).waitFor();
      await footerLink(page, 'Dichiarazione di accessibilità').click();
      await page.waitForURL(/\/accessibilita\/272$/);
      await page.getByRole('link', { name: 'Modifica' }).click();
      await page.getByRole('heading', { level: 1, name: 'Modifica la dichiarazione di accessibilità' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `statement form (${screen})`);

      // a required text left empty: the error beside the field, audited
      const entity = page.getByRole('group', { name: "Nome dell'ente" });
      await entity.getByLabel(/^Italiano/).fill('');
      await page.getByRole('button', { name: 'Salva' }).click();
      await entity.getByText('Campo obbligatorio.').waitFor();
      await expectNoAxeViolations(page, `statement form with an error (${screen})`);

      const address = `accessibilita.${screen}@cittametropolitana.ba.it`;
      await entity.getByLabel(/^Italiano/).fill('Città Metropolitana di Bari');
      await page.getByLabel(/^E-mail per le segnalazioni di accessibilità/).fill(address);
      await page.getByLabel(/^Stato di conformità/).selectOption('partially_compliant');
      // one more non-accessible content, with its reason (the journey runs once per screen: count first)
      const n = (await page.getByLabel(/^Motivo del contenuto non accessibile/).count()) + 1;
      await page.getByRole('button', { name: 'Aggiungi un contenuto non accessibile' }).click();
      await page.getByLabel(`Motivo del contenuto non accessibile ${n}`).selectOption('disproportionate_burden');
      const description = `I verbali scansionati caricati prima del 2026 (${screen}) non hanno testo riconoscibile.`;
      await page
        .getByRole('group', { name: new RegExp(`^Contenuto non accessibile ${n}:`) })
        .getByLabel(/^Italiano/)
        .fill(description);
      await expectNoAxeViolations(page, `statement form with a new item (${screen})`);
      await page.getByRole('button', { name: 'Salva' }).click();

      await page.getByText('Modifiche salvate e pubblicate.').waitFor();
      await page.waitForURL(/\/accessibilita\/272$/);
      await expect(page.getByRole('main').textContent()).resolves.toContain('è parzialmente conforme ai requisiti');
      const burden = page.getByRole('region', { name: 'Onere sproporzionato' });
      await burden.getByText(description).waitFor();
      const report = page.getByRole('link', { name: 'Segnala un problema di accessibilità' });
      await expect(report.getAttribute('href')).resolves.toMatch(new RegExp(`^mailto:${address.replace(/\./g, '\\.')}\\?subject=`));
      await settled(page);
      await expectNoAxeViolations(page, `statement after saving (${screen})`);
    });
  });
});

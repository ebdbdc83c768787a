import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';
const INNOVATOR = 'innovatore.bari@trama.test';
const MOLFETTA_USER = 'comune.molfetta@trama.test';

/**
 * Every page is audited whole: Leaflet's own controls (zoom buttons, attribution) included, since
 * axe-core finds no violation in them. Exclude library markup (AxeOptions.exclude) only for a
 * violation inside it that cannot be fixed from our side, and say so where it is excluded.
 */

/** Waits until the page has its heading and has finished loading its data (no spinner left). */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // several spinners may be on screen at once (a map's and a list's): wait until there is none
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

async function audit(page: Page, path: string, context: string): Promise<void> {
  await page.goto(path);
  await settled(page);
  await expectNoAxeViolations(page, context);
}

/** Switches the language; on a phone the switch is inside the header's menu, audited open on the way. */
async function switchLanguage(page: Page, screen: string, language: 'English' | 'Italiano'): Promise<void> {
  const toggle = page.locator('.nav-toggle');
  if (screen === 'phone' && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
    await page.getByRole('button', { name: language }).waitFor();
    await expectNoAxeViolations(page, `header menu open (${screen})`);
  }
  await page.getByRole('button', { name: language }).click();
}

const screens: [string, Device][] = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
];

describe.each(screens)('WCAG 2.1 AA audit (axe-core), %s', (screen, device) => {
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

  it('login page (Italian and English)', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `a11y-login-${screen}`, async () => {
      await audit(page, '/login', `login (${screen})`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Trama' }).waitFor();
      await expectNoAxeViolations(page, `login, English (${screen})`);
    });
  });

  it('coordinator: home, territory, activities, an activity, review queue, users, staff output, territory in English', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `a11y-coordinator-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await audit(page, '/', `coordinator home (${screen})`);
      await audit(page, '/territorio', `territory (${screen})`);
      await audit(page, '/attivita', `activities (${screen})`);
      const first = page.getByRole('main').locator('a[href^="/attivita/"]:not([href="/attivita/nuova"])').first();
      const href = await first.getAttribute('href');
      expect(href).toMatch(/^\/attivita\/[^/]+$/);
      await audit(page, href ?? '', `activity detail (${screen})`);
      await audit(page, '/revisione', `review queue (${screen})`);
      await audit(page, '/utenti', `users (${screen})`);
      await audit(page, '/staff', `staff output (${screen})`);
      await audit(page, '/logo', `tenant logo (${screen})`);
      // The English version of a page: labels change length, <html lang> follows.
      await page.goto('/territorio');
      await settled(page);
      await switchLanguage(page, screen, 'English');
      await page.getByRole('heading', { level: 1, name: 'Territory' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `territory, English (${screen})`);
      await switchLanguage(page, screen, 'Italiano');
      await page.getByRole('heading', { level: 1, name: 'Territorio' }).waitFor();
    });
    // eight pages audited (the home joined them): more than the default 60 s on a loaded machine
  }, 120_000);

  it('innovator: the new-activity form, and the own activities', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `a11y-innovator-${screen}`, async () => {
      await signIn(page, INNOVATOR);
      await page.getByRole('heading', { level: 1, name: 'Il mio lavoro' }).waitFor();
      await audit(page, '/', `innovator home (${screen})`);
      await audit(page, '/attivita/nuova', `new activity (${screen})`);
      // The form with its errors shown: an empty submission is stopped before it is sent.
      await page.getByRole('button', { name: 'Invia per revisione' }).click();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await expectNoAxeViolations(page, `new activity with errors (${screen})`);
      // The inline organization form open inside the activity form: its heading continues the page's outline.
      await page.getByRole('combobox', { name: 'Comune', exact: true }).selectOption({ label: 'Molfetta' });
      const organizations = page.getByRole('group', { name: 'Organizzazioni coinvolte', exact: true });
      await organizations.getByRole('combobox').fill('Associazione per la prova di accessibilità');
      await page.getByRole('option', { name: /Registra «Associazione per la prova di accessibilità»/ }).click();
      await page.getByRole('group', { name: 'Nuova organizzazione' }).waitFor();
      await expectNoAxeViolations(page, `new activity, inline organization form open (${screen})`);
      await audit(page, '/attivita', `activities, innovator (${screen})`);
      // an own draft: its attachments section with the upload controls
      await audit(page, '/attivita?status=draft', `own drafts (${screen})`);
      const draft = page.getByRole('main').locator('a[href^="/attivita/"]:not([href="/attivita/nuova"])').first();
      await audit(page, (await draft.getAttribute('href')) ?? '', `own draft with its attachments (${screen})`);
      await page.getByRole('region', { name: 'Allegati' }).getByLabel('Scatta una foto').waitFor();
    });
    // five audits (the home joined them): more than the default 60 s on a loaded machine
  }, 120_000);

  it("coordinator: the indicators' and projects' forms, imports and territory page, the indicators in English", async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `a11y-indicators-projects-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await audit(page, '/indicatori/nuovo', `new indicator (${screen})`);
      await audit(page, '/indicatori/crimes_reported/modifica', `edit indicator (${screen})`);
      await audit(page, '/indicatori/crimes_reported/valori', `enter a value (${screen})`);
      await audit(page, '/indicatori/importa', `indicator values import (${screen})`);
      await audit(page, '/indicatori/territorio/municipality%3A072029', `territory indicators (${screen})`);
      await audit(page, '/progetti/importa', `projects import (${screen})`);
      await page.goto('/indicatori');
      await settled(page);
      await switchLanguage(page, screen, 'English');
      await page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `indicators, English (${screen})`);
      await switchLanguage(page, screen, 'Italiano');
      await page.getByRole('heading', { level: 1, name: 'Indicatori' }).waitFor();
    });
  }, 120_000);

  it('coordinator: the collaboration model (suggestions, the network drawn, the weights)', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `a11y-collaborations-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await audit(page, '/collaborazioni', `collaboration suggestions (${screen})`);
      await audit(page, '/collaborazioni/rete', `collaboration network (${screen})`);
      await audit(page, '/collaborazioni/pesi', `collaboration weights (${screen})`);
    });
  }, 120_000);

  it('municipality: territory and activities (read-only)', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `a11y-municipality-${screen}`, async () => {
      await signIn(page, MOLFETTA_USER);
      await page.getByRole('heading', { level: 1, name: 'Il mio territorio' }).waitFor();
      await audit(page, '/', `municipality home (${screen})`);
      await audit(page, '/territorio', `territory, municipality (${screen})`);
      await audit(page, '/attivita', `activities, municipality (${screen})`);
    });
  });
});

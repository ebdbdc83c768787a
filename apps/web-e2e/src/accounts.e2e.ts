import type { Browser, Page } from 'playwright-core';
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
  type Session,
} from './support/browser';
import { Mailbox } from './support/mailbox';

const COORDINATOR = 'coordinatore.bari@trama.test';
/** Each journey audits four or five pages at two sizes: more than jest's 60 s on a loaded machine. */
const JOURNEY_TIMEOUT_MS = 180_000;

/** axe on the page as it is, at phone and at desktop size (the page stays at `back` after). */
async function auditBothSizes(page: Page, what: string, back = PHONE): Promise<void> {
  for (const [name, device] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(device.viewport);
    await expectNoAxeViolations(page, `${what} (${name})`);
  }
  await page.setViewportSize(back.viewport);
}

/** A new innovator made by the Bari coordinator through the API; returns the temporary password. */
async function createInnovator(email: string, fullName: string): Promise<string> {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: COORDINATOR, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${BASE_URL}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ email, fullName, role: 'innovator', municipalities: ['072029'] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { temporaryPassword: string }).temporaryPassword;
}

/** Signed in and at home: off the sign-in and change pages, inside the app's shell (the header names the tenant). */
async function waitForHome(page: Page): Promise<void> {
  await page.waitForURL((url) => !['/login', '/cambio-password'].includes(url.pathname));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('banner').getByText('Città Metropolitana di Bari').waitFor();
}

describe('accounts', () => {
  let browser: Browser;
  let mailbox: Mailbox;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    mailbox = await Mailbox.start();
  });
  afterAll(async () => {
    // both, whatever the other does: a listening SMTP server would keep Jest alive
    await Promise.allSettled([browser?.close(), mailbox?.close()]);
  });
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.context.close();
  });

  it(
    'makes a user created by the coordinator change the temporary password at the first sign-in, then takes them home',
    async () => {
      const desk = await newSession(browser);
      const phone = await newSession(browser, { device: PHONE });
      sessions.push(desk, phone);
      const email = `prima.volta.${Date.now()}@trama.test`;
      let temporary = '';

      await withScreenshotOnFailure(desk.page, 'accounts-create', async () => {
        const { page } = desk;
        await signIn(page, COORDINATOR);
        await page.getByRole('link', { name: 'Utenti' }).click();
        await page.getByRole('link', { name: 'Nuovo utente' }).click();
        await page.getByRole('heading', { level: 1, name: 'Nuovo utente' }).waitFor();
        await page.getByLabel(/^Nome e cognome/).fill('Paola Primavolta');
        await page.getByLabel(/^Email/).fill(email);
        await page.getByLabel(/^Data di assunzione/).fill('2026-03-01');
        await page
          .getByRole('group', { name: 'Comuni assegnati' })
          .getByRole('checkbox', { name: /^Molfetta/ })
          .check();
        await page.getByRole('button', { name: 'Crea utente' }).click();
        await page.getByText('Utente creato: Paola Primavolta').waitFor();
        temporary = (await page.locator('[data-secret]').textContent())?.trim() ?? '';
        expect(temporary).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
      });

      await withScreenshotOnFailure(phone.page, 'accounts-forced-change', async () => {
        const { page } = phone;
        await signIn(page, email, temporary);
        await page.getByRole('heading', { level: 1, name: 'Scegli la tua password' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/cambio-password');
        await auditBothSizes(page, 'forced password change');

        // Nothing else opens until the change: another page sends back here.
        await page.goto('/attivita');
        await page.getByRole('heading', { level: 1, name: 'Scegli la tua password' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/cambio-password');

        // A mistake first: the form says what is wrong, in place.
        await page.getByLabel(/^Password attuale/).fill(temporary);
        await page.getByLabel(/^Nuova password/).fill('Paola-sceglie-la-sua');
        await page.getByLabel(/^Ripeti la nuova password/).fill('Paola-sceglie-altro');
        await page.getByRole('button', { name: 'Cambia password' }).click();
        await page.getByText('Le due password non coincidono.').waitFor();
        await auditBothSizes(page, 'forced password change with an error');

        await page.getByLabel(/^Ripeti la nuova password/).fill('Paola-sceglie-la-sua');
        await page.getByRole('button', { name: 'Cambia password' }).click();
        await waitForHome(page);
      });
      expect(phone.pageErrors).toEqual([]);

      // The new password is hers now; the temporary one no longer signs in.
      await withScreenshotOnFailure(desk.page, 'accounts-after-change', async () => {
        const check = await newSession(browser);
        sessions.push(check);
        await signIn(check.page, email, temporary);
        await check.page.getByText('Email o password non corretti.').waitFor();
        await signIn(check.page, email, 'Paola-sceglie-la-sua');
        await waitForHome(check.page);
      });
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'resets a forgotten password through the link e-mailed over SMTP, once',
    async () => {
      const phone = await newSession(browser, { device: PHONE });
      sessions.push(phone);
      const email = `dimentica.${Date.now()}@trama.test`;
      await createInnovator(email, 'Dario Dimentica');

      await withScreenshotOnFailure(phone.page, 'accounts-reset', async () => {
        const { page } = phone;
        await page.goto('/login');
        await page.getByRole('link', { name: 'Password dimenticata?' }).click();
        await page.getByRole('heading', { level: 1, name: 'Password dimenticata' }).waitFor();
        await auditBothSizes(page, 'forgotten password request');

        await page.getByLabel(/^Email/).fill(email);
        await page.getByRole('button', { name: 'Invia il link' }).click();
        await page.getByRole('heading', { level: 1, name: "Controlla l'email" }).waitFor();
        await page.getByText("Se l'indirizzo corrisponde a un account attivo").waitFor();
        await auditBothSizes(page, 'forgotten password: check your mail');

        const mail = await mailbox.next(email);
        expect(mail.subject).toBe('Trama: reimposta la password');
        expect(mail.html).toEqual(expect.stringContaining('/reimposta-password?token='));
        const link = new URL(/https?:\/\/\S+\/reimposta-password\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0]);
        // The link's origin is the app's configured one (APP_ORIGIN), not whatever Host the request carried.
        expect(link.origin).toBe(new URL(BASE_URL).origin);

        await page.goto(`${link.pathname}${link.search}`);
        await page.getByRole('heading', { level: 1, name: 'Scegli una nuova password' }).waitFor();
        await auditBothSizes(page, 'reset password page');
        await page.getByLabel(/^Nuova password/).fill('Dario-ricorda-adesso');
        await page.getByLabel(/^Ripeti la nuova password/).fill('Dario-ricorda-adesso');
        await page.getByRole('button', { name: 'Reimposta la password' }).click();
        await page.getByText('Password reimpostata. Accedi con la nuova password.').waitFor();
        expect(new URL(page.url()).pathname).toBe('/login');
        await auditBothSizes(page, 'sign-in after a reset');

        // The reset counts as the change of the temporary password: straight home.
        await page.getByLabel(/^Email/).fill(email);
        await page.getByLabel(/^Password/).fill('Dario-ricorda-adesso');
        await page.getByRole('button', { name: 'Accedi' }).click();
        await waitForHome(page);
        expect(new URL(page.url()).pathname).not.toBe('/cambio-password');
      });

      // The link works once.
      const again = await newSession(browser);
      sessions.push(again);
      await withScreenshotOnFailure(again.page, 'accounts-reset-reused', async () => {
        const { page } = again;
        const mail = await mailbox.next(email);
        const link = new URL(/https?:\/\/\S+\/reimposta-password\?token=[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0]);
        await page.goto(`${link.pathname}${link.search}`);
        await page.getByLabel(/^Nuova password/).fill('Un-altro-tentativo');
        await page.getByLabel(/^Ripeti la nuova password/).fill('Un-altro-tentativo');
        await page.getByRole('button', { name: 'Reimposta la password' }).click();
        await page.getByText('Il link per reimpostare la password non è più valido').waitFor();
        await page.getByRole('link', { name: 'Richiedi un nuovo link' }).waitFor();
        await auditBothSizes(page, 'reset with a used link', DESKTOP);
      });
      expect(phone.pageErrors).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});

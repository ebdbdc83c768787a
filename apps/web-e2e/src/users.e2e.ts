import type { Browser } from 'playwright-core';
import { launchBrowser, newSession, signIn, withScreenshotOnFailure, type Session } from './support/browser';

describe('user management (coordinator of Bari)', () => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await newSession(browser);
  });
  afterEach(async () => {
    await session?.context.close();
  });

  it('creates an innovator with a temporary password, then resets it, deactivates and reactivates the account', async () => {
    const { page } = session;
    const email = `innovatrice.${Date.now()}@trama.test`;
    await withScreenshotOnFailure(page, 'users', async () => {
      await signIn(page, 'coordinatore.bari@trama.test');
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await page.getByRole('link', { name: 'Utenti' }).click();
      await page.getByRole('heading', { level: 1, name: 'Utenti' }).waitFor();
      await page.getByRole('link', { name: 'Nuovo utente' }).click();
      await page.getByRole('heading', { level: 1, name: 'Nuovo utente' }).waitFor();

      // The e-mail of an existing user: the server's answer appears beside the field.
      await page.getByLabel(/^Nome e cognome/).fill('Anna Innovatrice');
      await page.getByLabel(/^Email/).fill('innovatore.bari@trama.test');
      await page.getByLabel(/^Data di assunzione/).fill('2026-03-01');
      const picker = page.getByRole('group', { name: 'Comuni assegnati' });
      await picker.getByRole('checkbox', { name: /^Molfetta/ }).check();
      await picker.getByRole('checkbox', { name: /^Giovinazzo/ }).check();
      await page.getByRole('button', { name: 'Crea utente' }).click();
      await page.getByText('Esiste già un utente con questa email.').waitFor();
      expect(await page.getByLabel(/^Email/).getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel(/^Email/).fill(email);
      await page.getByRole('button', { name: 'Crea utente' }).click();
      await page.getByText('Utente creato: Anna Innovatrice').waitFor();
      const temporary = (await page.locator('[data-secret]').textContent())?.trim() ?? '';
      expect(temporary.length).toBeGreaterThanOrEqual(10);
      await page.getByRole('button', { name: 'Copia la password' }).waitFor();

      await page.getByRole('link', { name: "Apri la scheda dell'utente" }).click();
      await page.getByRole('heading', { level: 1, name: 'Anna Innovatrice' }).waitFor();
      await expect(page.getByRole('region', { name: 'Riepilogo' }).textContent()).resolves.toMatch(/Giovinazzo, Molfetta/);

      // Reset: a new temporary password, different from the first.
      await page.getByRole('button', { name: 'Reimposta la password' }).click();
      await page.getByRole('button', { name: 'Sì, reimposta' }).click();
      await page.getByText('Nuova password temporanea per Anna Innovatrice.').waitFor();
      const reset = (await page.locator('[data-secret]').textContent())?.trim() ?? '';
      expect(reset.length).toBeGreaterThanOrEqual(10);
      expect(reset).not.toBe(temporary);

      // Deactivate (with confirmation), then reactivate.
      await page.getByRole('button', { name: "Disattiva l'account" }).click();
      await page.getByRole('button', { name: 'Sì, disattiva' }).click();
      await page.getByText('Account disattivato.').waitFor();
      await page.getByText('Disattivato', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: "Riattiva l'account" }).click();
      await page.getByText('Account riattivato.').waitFor();

      // The list finds her by e-mail, among the innovators.
      await page.getByRole('link', { name: 'Tutti gli utenti' }).click();
      await page.getByLabel('Cerca per nome o email').fill(email);
      await page.getByLabel('Ruolo').selectOption('innovator');
      await page.getByRole('button', { name: 'Filtra' }).click();
      await page.waitForURL(/[?&]role=innovator/);
      await page.getByRole('status').filter({ hasText: '1 utente.' }).waitFor();
      await expect(page.locator('tbody tr').count()).resolves.toBe(1);
      await page.getByRole('link', { name: 'Anna Innovatrice' }).waitFor();
    });
    expect(session.pageErrors).toEqual([]);
  });

  it('does not offer user management to an innovator', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'innovator-no-users', async () => {
      await signIn(page, 'innovatore.bari@trama.test');
      await page.getByRole('heading', { level: 1, name: 'Il mio lavoro' }).waitFor();
      const entries = await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link').allTextContents();
      expect(entries).toContain('Territorio');
      expect(entries).not.toContain('Utenti');
      await page.goto('/utenti');
      await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    });
  });
});

import type { Browser } from 'playwright-core';
import { BASE_URL, launchBrowser, newSession, signIn, withScreenshotOnFailure, type Session } from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';

describe('foundation journey (coordinator of Bari)', () => {
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

  it('signs in, sees 41 municipalities in 12 social areas, switches to English, signs out', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'foundation', async () => {
      // An anonymous visitor is sent to the login page, in Italian.
      await page.goto('/territorio');
      await page.getByRole('heading', { level: 1, name: 'Accedi a Trama' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('it');

      await signIn(page, COORDINATOR);

      // Back to the page asked for, inside the shell with the tenant's name.
      await page.getByRole('heading', { level: 1, name: 'Territorio' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/territorio');
      await expect(page.getByRole('banner').textContent()).resolves.toContain('Città Metropolitana di Bari');

      const list = page.getByRole('region', { name: 'Comuni per ambito territoriale sociale' });
      await list.getByRole('heading', { level: 3 }).first().waitFor();
      await expect(list.getByRole('heading', { level: 3 }).count()).resolves.toBe(12);
      // One row per municipality in the tables' bodies (the totals are in the footers).
      await expect(list.locator('tbody tr').count()).resolves.toBe(41);
      await expect(list.getByRole('rowheader', { name: /^Bari\b/ }).count()).resolves.toBe(1);
      // Numbers in the Italian format: Bari's population has a dot as thousands separator.
      await expect(list.locator('tbody tr', { has: page.getByRole('rowheader', { name: /^Bari\b/ }) }).textContent()).resolves.toMatch(
        /072006.*\d{3}\.\d{3}/,
      );

      // The map draws the boundaries, and credits their source.
      await page.locator('.leaflet-overlay-pane path').first().waitFor();
      await expect(page.locator('.leaflet-overlay-pane path').count()).resolves.toBe(41);
      await expect(page.getByRole('region', { name: 'Mappa' }).textContent()).resolves.toContain(
        'ISTAT – confini amministrativi, elaborazione openpolis',
      );

      // The search narrows the list (by name, code or social area).
      await page.getByRole('searchbox', { name: 'Cerca un comune' }).fill('giovinazzo');
      await expect(list.locator('tbody tr').count()).resolves.toBe(1);
      await page.getByRole('searchbox', { name: 'Cerca un comune' }).fill('molfetta');
      await expect(list.locator('tbody tr').count()).resolves.toBe(2);
      await page.getByRole('searchbox', { name: 'Cerca un comune' }).fill('');

      // English: labels change, <html lang> follows, the choice is remembered.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Territory' }).waitFor();
      await page.getByRole('region', { name: 'Municipalities by social area' }).waitFor();
      await page.getByRole('link', { name: 'Users' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.evaluate(() => window.localStorage.getItem('trama.language'))).toBe('en');

      // The session survives a reload (refresh cookie → new access token in memory).
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Territory' }).waitFor();

      // Sign out from the user menu: back on the login page, and the territory is no longer reachable.
      await page.getByRole('button', { name: /Coordinat/ }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Trama' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.goto('/territorio');
      await page.getByRole('heading', { level: 1, name: 'Sign in to Trama' }).waitFor();
    });
    expect(session.pageErrors).toEqual([]);
    expect(session.blocked.every((url) => !url.startsWith(BASE_URL))).toBe(true);
  });

  it('shows the server’s answer for a wrong password', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, 'wrong-password', async () => {
      await signIn(page, COORDINATOR, 'not-the-password');
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Email o password non corretti.');
      expect(new URL(page.url()).pathname).toBe('/login');
    });
  });
});

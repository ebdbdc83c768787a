import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newSession, signIn, withScreenshotOnFailure, type Session } from './support/browser';

const ALTAMURA = 'Ambito territoriale sociale di Altamura';
const GIOIA = 'Ambito territoriale sociale di Gioia del Colle';

function areaSection(page: Page, name: string) {
  return page.getByRole('region', { name: 'Comuni per ambito territoriale sociale' }).getByRole('region', { name });
}

async function openTerritory(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  // signing in lands on the role's home
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto('/territorio');
  await page.getByRole('heading', { level: 1, name: 'Territorio' }).waitFor();
  await page.getByRole('region', { name: 'Comuni per ambito territoriale sociale' }).getByRole('heading', { level: 3 }).first().waitFor();
}

/** Opens the one "move" action and chooses the municipality (the area is chosen, then confirmed, by the caller: `moveTo`). */
async function moveDialog(page: Page, municipality: string) {
  await page.getByRole('button', { name: 'Sposta un comune in un altro ambito' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sposta un comune in un altro ambito' });
  await dialog.waitFor();
  await dialog.getByLabel(/^Comune/).selectOption({ label: municipality });
  return dialog;
}

/** Chooses the new area, continues, reads the confirmation and confirms. */
async function moveTo(dialog: ReturnType<Page['getByRole']>, municipality: string, area: string) {
  await dialog.getByLabel(/^Nuovo ambito/).selectOption({ label: area });
  await dialog.getByRole('button', { name: 'Continua' }).click();
  await dialog.getByText(new RegExp(`^Stai per spostare ${municipality} dall'ambito «.+» all'ambito «${area}»`)).waitFor();
  await dialog.getByRole('button', { name: 'Conferma lo spostamento' }).click();
}

describe('territory', () => {
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.context.close()));
  });

  it('lets a coordinator move a municipality to another social area, and reports a stale copy as a conflict', async () => {
    const first = await newSession(browser);
    const second = await newSession(browser);
    sessions.push(first, second);
    await withScreenshotOnFailure(first.page, 'territory-move', async () => {
      await openTerritory(first.page, 'coordinatore.bari@trama.test');
      await openTerritory(second.page, 'coordinatore.bari@trama.test');
      await expect(areaSection(first.page, ALTAMURA).locator('tbody tr').count()).resolves.toBe(4);

      // The second tab opens the dialog on the version it loaded…
      const stale = await moveDialog(second.page, 'Poggiorsini');

      // …while the first moves Poggiorsini to Gioia del Colle.
      const dialog = await moveDialog(first.page, 'Poggiorsini');
      await moveTo(dialog, 'Poggiorsini', GIOIA);
      await first.page
        .getByRole('status')
        .filter({ hasText: `Poggiorsini ora fa parte di: ${GIOIA}.` })
        .waitFor();
      await areaSection(first.page, GIOIA)
        .getByRole('rowheader', { name: /^Poggiorsini/ })
        .waitFor();
      await expect(areaSection(first.page, ALTAMURA).locator('tbody tr').count()).resolves.toBe(3);

      // The stale tab is told, and gets the current data.
      await moveTo(stale, 'Poggiorsini', 'Ambito territoriale sociale di Bari');
      await stale.getByRole('alert').filter({ hasText: 'Il comune è stato modificato da qualcun altro' }).waitFor();
      await stale.getByText(`Ambito attuale: ${GIOIA}`).waitFor();
      await stale.getByRole('button', { name: 'Annulla' }).click();

      // Clicking a municipality on the map finds it in the list (focused) and names it in a popup.
      await first.page.locator('.leaflet-overlay-pane path').nth(5).click({ force: true });
      const focused = first.page.locator('tbody th button[aria-pressed="true"]:focus');
      await focused.waitFor();
      const name = ((await focused.textContent()) ?? '').split(',')[0].trim();
      expect(name.length).toBeGreaterThan(1);
      await expect(first.page.locator('.leaflet-popup-content').textContent()).resolves.toContain(name);

      // Put it back.
      const back = await moveDialog(first.page, 'Poggiorsini');
      await moveTo(back, 'Poggiorsini', ALTAMURA);
      await areaSection(first.page, ALTAMURA)
        .getByRole('rowheader', { name: /^Poggiorsini/ })
        .waitFor();
      await expect(areaSection(first.page, ALTAMURA).locator('tbody tr').count()).resolves.toBe(4);
    });
    expect(first.pageErrors).toEqual([]);
    expect(second.pageErrors).toEqual([]);
  });

  it('shows a municipality user only their own municipality, read-only', async () => {
    const session = await newSession(browser, { device: { viewport: { width: 375, height: 800 } } });
    sessions.push(session);
    const { page } = session;
    await withScreenshotOnFailure(page, 'territory-municipality-user', async () => {
      await openTerritory(page, 'comune.molfetta@trama.test');
      const list = page.getByRole('region', { name: 'Comuni per ambito territoriale sociale' });
      await expect(list.locator('tbody tr').count()).resolves.toBe(1);
      await list.getByRole('rowheader', { name: /^Molfetta/ }).waitFor();
      await expect(page.getByRole('button', { name: /^Sposta un comune/ }).count()).resolves.toBe(0);
      // On a phone the navigation is behind the menu button.
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(
        page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link').allTextContents(),
      ).resolves.not.toContain('Utenti');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    });
    expect(session.pageErrors).toEqual([]);
  });
});

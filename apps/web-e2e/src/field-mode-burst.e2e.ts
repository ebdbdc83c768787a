import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { api, apiLogin } from './support/app-control';
import { DESKTOP, launchBrowser, newSession, signIn, withScreenshotOnFailure, type Session } from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';

/** Letters only: the activities' full-text search reads a word with digits as a number (docs/development.md). */
const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/**
 * The burst: 5 devices (browser contexts) × 100 activities in their outboxes, sent over a link that
 * drops every third request: one in two of those before it leaves, the other after the server
 * answered (the request did its work, the answer is lost). The server ends with exactly 500, and
 * every outbox has nothing left to send. The items are written into each device's IndexedDB as the
 * forms write them, then the app's own engine sends them when the page loads.
 */
describe('field mode: a burst over a bad link', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('500 items from 5 devices, one request in three dropped: exactly 500 records, every outbox empty', async () => {
    const tag = word();
    const date = '2021-03-15';
    const innovator = await apiLogin(INNOVATOR);
    const drops = { request: 0, answer: 0 };
    const devices: Session[] = [];
    // one device after the other to sign in and fill its outbox (2 shared cores); then they all send at once
    for (const device of [1, 2, 3, 4, 5]) {
      const session = await newSession(browser, { device: DESKTOP });
      session.context.setDefaultTimeout(30_000);
      await signIn(session.page, INNOVATOR);
      await session.page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await session.page.goto('/in-uscita');
      await session.page.getByText('Niente in uscita: il server ha ricevuto tutto.').waitFor();
      const now = Date.now();
      const items = Array.from({ length: 100 }, (_, i) => {
        const title = `Raffica ${tag} dispositivo ${device} numero ${i + 1}`;
        return {
          userId: innovator.id,
          kind: 'activity',
          op: 'create',
          clientId: randomUUID(),
          fields: { municipality: '072006', date, title },
          label: title,
          state: 'waiting',
          attempts: 0,
          createdAt: now,
          updatedAt: now,
        };
      });
      await session.page.evaluate(
        (rows) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('trama-outbox');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('items', 'readwrite');
              rows.forEach((row) => tx.objectStore('items').add(row));
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
        items,
      );
      let n = 0;
      await session.context.route('**/api/activities', async (route) => {
        if (route.request().method() !== 'POST' || ++n % 3 !== 0) return route.fallback();
        if ((n / 3) % 2 === 1) {
          drops.request++;
          return route.abort('connectionreset');
        }
        await route.fetch();
        drops.answer++;
        return route.abort('connectionreset');
      });
      devices.push(session);
    }
    try {
      await Promise.all(
        devices.map(async ({ page }, i) =>
          withScreenshotOnFailure(page, `field-mode-burst-${i + 1}`, async () => {
            // the app reads its outbox again on load and starts sending at once (as after a restart)
            await page.reload({ waitUntil: 'commit' });
            await page.getByText('Niente in uscita: il server ha ricevuto tutto.').waitFor({ timeout: 300_000 });
          }),
        ),
      );
      const left = await Promise.all(
        devices.map(({ page }) =>
          page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const open = indexedDB.open('trama-outbox');
                open.onsuccess = () => {
                  const all = open.result.transaction('items').objectStore('items').getAll();
                  all.onsuccess = () => resolve(all.result.filter((item: { state: string }) => item.state !== 'sent').length);
                };
              }),
          ),
        ),
      );
      expect(left).toEqual([0, 0, 0, 0, 0]);
      const onServer = await api<{ total: number }>(innovator, `/api/activities?q=${tag}&from=${date}&to=${date}&pageSize=1`);
      expect(onServer.total).toBe(500);
      expect(drops.request).toBeGreaterThan(50);
      expect(drops.answer).toBeGreaterThan(50);
    } finally {
      await Promise.all(devices.map(({ context }) => context.close()));
    }
  }, 420_000);
});

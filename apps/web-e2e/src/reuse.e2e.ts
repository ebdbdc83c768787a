import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const COORDINATOR = 'coordinatore.bari@trama.test';
const BUILDING = 'Ex Manifattura dei Tabacchi – padiglione est';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').waitFor({ state: 'detached' });
}

const screens: [string, Device][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

/**
 * The reuse model end to end: a coordinator reads the ranking with each score's explanation, raises
 * a weight, waits for the background recompute and finds the ranking and the explanation changed;
 * (it starts from the defaults). The building's "Possibili utilizzatori" too. axe-core on each page.
 */
describe.each(screens)('space reuse (%s)', (screen, device) => {
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const session of sessions) await session.context.close();
    await browser?.close();
  });

  it('a coordinator changes a weight and sees the ranking and the explanation change', async () => {
    const session = await newSession(browser, { device });
    sessions.push(session);
    const { page } = session;
    await withScreenshotOnFailure(page, `reuse-${screen}`, async () => {
      await signIn(page, COORDINATOR);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      // from the defaults, whatever an earlier run left
      await page.goto('/riuso/pesi');
      await heading(page, 'Pesi del modello di riuso');
      await page.getByRole('button', { name: 'Ripristina i pesi predefiniti' }).click();
      await page.getByText('Pesi predefiniti ripristinati: ricalcolo dei punteggi avviato.').waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(BUILDING) }) });
      // The recompute runs in the background, and the status read before it still says "aggiornati"
      // for a moment: the ranking is loaded afresh until the building's explanation shows `part`.
      const rankingShows = async (part: string) => {
        const deadline = Date.now() + 90_000;
        for (;;) {
          await page.goto('/riuso');
          await heading(page, 'Riuso degli spazi');
          await settled(page);
          await row.first().waitFor();
          if ((await row.getByText(part).count()) > 0 || Date.now() > deadline) break;
          await page.waitForTimeout(2_000);
        }
        await row.getByText(part).waitFor();
      };
      // a state building: "proprietà pubblica" with the default weight (8)
      await rankingShows('+8 proprietà pubblica');
      await expectNoAxeViolations(page, `reuse ranking, ${screen}`);

      await page.getByRole('link', { name: 'Pesi del modello' }).click();
      await heading(page, 'Pesi del modello di riuso');
      await settled(page);
      await expectNoAxeViolations(page, `reuse weights, ${screen}`);
      const ownership = page.getByRole('spinbutton', { name: 'Proprietà' });
      await ownership.fill('30');
      await page.getByRole('button', { name: 'Salva i pesi' }).click();
      await page.getByText('Pesi salvati: ricalcolo dei punteggi avviato.').waitFor();
      await page.getByText(/Punteggi aggiornati/).waitFor({ timeout: 30_000 });
      await rankingShows('+30 proprietà pubblica');
      expect(await row.getByText('+8 proprietà pubblica').count()).toBe(0);

      // the building's page: its score with the new weight, and who could use it
      await row.getByRole('link', { name: BUILDING }).click();
      await heading(page, BUILDING);
      await page.getByRole('heading', { level: 2, name: 'Possibili utilizzatori' }).waitFor();
      await page.getByText('+30 proprietà pubblica').waitFor();
      await page.getByRole('link', { name: 'APS Officina Teatrale Libertà' }).waitFor();
      await settled(page);
      await expectNoAxeViolations(page, `building with its possible users, ${screen}`);
    });
    // two background recomputes of the demo tenant are waited for (as the accessibility journey, 120 s)
  }, 120_000);
});

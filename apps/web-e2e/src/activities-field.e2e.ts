import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, signIn, withScreenshotOnFailure, type Device, type Session } from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';

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
 * What a field worker expects of their activities, at phone and desktop size: a draft saved with
 * only what was typed, duplicated for the next meeting, deleted; a point outside the municipality
 * refused beside the field; a half-typed form never dropped by the back link or the menu unasked.
 */
describe.each(screens)('activities in the field (%s)', (screen, device) => {
  let browser: Browser;
  let session: Session;
  const tag = `${screen}-${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    session = await newSession(browser, { device });
    await signIn(session.page, INNOVATOR);
    await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
  });

  it('saves a draft with only a title, duplicates it on another date, and deletes a draft after asking', async () => {
    const { page } = session;
    const title = `Incontro ricorrente ${tag}`;
    await withScreenshotOnFailure(page, `field-draft-${screen}`, async () => {
      await page.goto('/attivita/nuova');
      await heading(page, 'Nuova attività');
      await page.getByText(/Per salvare la bozza bastano comune e data/).waitFor();
      await page.getByLabel('Titolo').fill(title);
      await page.getByRole('combobox', { name: 'Comune', exact: true }).selectOption({ label: 'Bari' });
      await page.getByRole('button', { name: 'Salva bozza' }).click();
      await heading(page, title);
      await page.getByText('Bozza salvata.').waitFor();
      await expect(page.getByRole('main').textContent()).resolves.toContain('da completare');

      // submission still needs the full set: stopped beside the fields
      await page.getByRole('link', { name: 'Modifica' }).click();
      await heading(page, "Modifica l'attività");
      await page.getByRole('button', { name: 'Invia per revisione' }).click();
      await page.getByRole('alert').filter({ hasText: 'Attività non salvata' }).waitFor();
      await expect(page.getByLabel('Tipo di attività').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.goto('/attivita');
      await heading(page, 'Attività');
      await page.getByRole('link', { name: title }).click();
      await heading(page, title);

      // duplicate: the date is asked, the copy opens in the form
      await page.getByRole('button', { name: 'Duplica' }).click();
      const dialog = page.getByRole('dialog', { name: "Duplica l'attività" });
      await dialog.waitFor();
      await expectNoAxeViolations(page, `duplicate dialog (${screen})`);
      await dialog.getByLabel(/^Data della nuova attività/).fill('2026-11-27');
      await dialog.getByRole('button', { name: 'Crea la bozza' }).click();
      await heading(page, "Modifica l'attività");
      expect(await page.getByLabel('Titolo').inputValue()).toBe(title);
      expect(await page.getByLabel(/^Data\b/).inputValue()).toBe('2026-11-27');
      const copyUrl = page.url();

      // delete the copy: asked first, then gone from the list
      await page.goto(copyUrl.replace(/\/modifica$/, ''));
      await heading(page, title);
      await page.getByRole('button', { name: 'Elimina bozza' }).click();
      const confirm = page.getByRole('dialog', { name: 'Eliminare la bozza?' });
      await confirm.waitFor();
      await expectNoAxeViolations(page, `delete dialog (${screen})`);
      await confirm.getByRole('button', { name: 'Sì, elimina la bozza' }).click();
      await heading(page, 'Attività');
      await page.getByText('Bozza eliminata.').waitFor();
      await settled(page);
      // the original is still listed, the deleted copy is not
      await expect(page.getByRole('link', { name: title }).count()).resolves.toBe(1);
      await page.goto(copyUrl.replace(/\/modifica$/, ''));
      await heading(page, 'Attività non trovata');
    });
    expect(session.pageErrors).toEqual([]);
  });

  it('refuses a point outside the chosen municipality beside the field', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `field-point-${screen}`, async () => {
      await page.goto('/attivita/nuova');
      await heading(page, 'Nuova attività');
      await page.getByLabel('Titolo').fill(`Punto fuori comune ${tag}`);
      await page.getByRole('combobox', { name: 'Comune', exact: true }).selectOption({ label: 'Bari' });
      await page.locator('.location-map .leaflet-overlay-pane path').first().waitFor();
      // Altamura, not Bari
      await page.getByLabel('Latitudine').fill('40.8268');
      await page.getByLabel('Longitudine').fill('16.5536');
      await page.getByText('Il punto è fuori dai confini del comune scelto.').waitFor();
      await page.getByRole('button', { name: 'Salva bozza' }).click();
      // the server refuses it too; the error stays beside the field and nothing was lost
      await page.getByRole('alert').filter({ hasText: 'Attività non salvata' }).waitFor();
      await expect(page.getByLabel('Latitudine').getAttribute('aria-invalid')).resolves.toBe('true');
      await expectNoAxeViolations(page, `point outside the municipality (${screen})`);
      // inside Bari it is saved, at full precision
      await page.getByLabel('Latitudine').fill('41.117123');
      await page.getByLabel('Longitudine').fill('16.871987');
      await page.getByRole('button', { name: 'Salva bozza' }).click();
      await page.getByText('Bozza salvata.').waitFor();
      await page.getByRole('region', { name: 'Luogo' }).getByText('Latitudine 41,117123, longitudine 16,871987').waitFor();
      await page.locator('.activity-point-map .leaflet-overlay-pane path').first().waitFor();
      await expectNoAxeViolations(page, `activity detail with its point on the map (${screen})`);
    });
  });

  it('asks before the back link or the menu drop a half-typed form', async () => {
    const { page } = session;
    await withScreenshotOnFailure(page, `field-leave-${screen}`, async () => {
      await page.goto('/attivita/nuova');
      await heading(page, 'Nuova attività');
      await page.getByLabel('Titolo').fill('Appunti a metà');
      await page.getByRole('link', { name: 'Tutte le attività' }).click();
      const ask = page.getByRole('dialog', { name: 'Uscire senza salvare?' });
      await ask.waitFor();
      await expectNoAxeViolations(page, `leave a half-typed form (${screen})`);
      await ask.getByRole('button', { name: 'Resta e continua' }).click();
      await heading(page, 'Nuova attività');
      expect(await page.getByLabel('Titolo').inputValue()).toBe('Appunti a metà');

      // the menu asks too; leaving then goes where asked
      if (screen === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('link', { name: 'Attività', exact: true }).click();
      await ask.waitFor();
      await ask.getByRole('button', { name: 'Esci senza salvare' }).click();
      await heading(page, 'Attività');
    });
  });
});

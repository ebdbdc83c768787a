import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, screenshot, signIn, withScreenshotOnFailure, type Session } from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';
const COORDINATOR = 'coordinatore.bari@trama.test';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Waits until an <img> has loaded real pixels (its object URL was fetched through the session). */
async function imageLoaded(image: Locator): Promise<number> {
  await image.waitFor();
  await image.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? undefined : img.decode()));
  return image.evaluate((img: HTMLImageElement) => img.naturalWidth);
}

describe('attachments and the tenant logo', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  const title = `Foto di cantiere E2E ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const session of sessions) await session.context.close();
    await browser?.close();
  });

  it('an innovator adds a photo on a phone and submits; the coordinator at a desk sees it', async () => {
    const phone = await newSession(browser, { device: PHONE });
    const desk = await newSession(browser, { device: DESKTOP });
    sessions.push(phone, desk);
    // a phone photo: with its camera's EXIF and the GPS position
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#4a7c59' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TramaPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 7/1 0/1' } })
      .toBuffer();

    await withScreenshotOnFailure(phone.page, 'attachments-innovator', async () => {
      const { page } = phone;
      await signIn(page, INNOVATOR);
      await heading(page, 'Il mio lavoro');
      await page.goto('/attivita/nuova');
      await heading(page, 'Nuova attività');
      await page.getByLabel('Tipo di attività').selectOption({ label: 'Laboratorio' });
      await page.getByLabel('Titolo').fill(title);
      await page.getByRole('combobox', { name: 'Comune', exact: true }).selectOption({ label: 'Bari' });
      await page.getByRole('button', { name: '60 min' }).tap();
      await page.getByLabel('Totale partecipanti').fill('8');
      await page.getByRole('button', { name: 'Salva bozza' }).tap();
      await heading(page, title);
      await page.getByText('Bozza salvata.').waitFor();

      const attachments = page.getByRole('region', { name: 'Allegati' });
      await attachments.getByText('Nessun allegato.').waitFor();
      // the camera input (capture) and the file picker, each labelled
      await expect(attachments.getByLabel('Scatta una foto').getAttribute('capture')).resolves.toBe('environment');
      await attachments.getByLabel('Scatta una foto').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
      await attachments.getByText('«IMG_2041.jpg» allegato.').waitFor();
      expect(await imageLoaded(attachments.locator('img.attachment__thumb'))).toBeGreaterThan(0);
      await attachments.getByRole('button', { name: 'IMG_2041.jpg', exact: true }).waitFor();

      // a text file renamed .jpg: refused, with the catalogue's words
      await attachments
        .getByLabel('Scegli un file')
        .setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('non sono una foto') });
      await attachments.getByRole('alert').filter({ hasText: 'Tipo di file non accettato' }).waitFor();
      await expectNoAxeViolations(page, 'activity detail with an attachment, phone');
      await screenshot(page, 'attachments-detail-390');

      await page.getByRole('button', { name: 'Invia per revisione' }).tap();
      await page.getByText('Attività inviata per la revisione.').waitFor();
      // under review: no more changes to the attachments
      await expect(attachments.getByLabel('Scatta una foto').count()).resolves.toBe(0);
      await expect(attachments.getByRole('button', { name: /^Elimina/ }).count()).resolves.toBe(0);
    });

    await withScreenshotOnFailure(desk.page, 'attachments-coordinator', async () => {
      const { page } = desk;
      await signIn(page, COORDINATOR);
      await heading(page, 'Home');
      await page.goto('/attivita?status=submitted');
      await page.getByRole('link', { name: title }).click();
      await heading(page, title);
      const attachments = page.getByRole('region', { name: 'Allegati' });
      expect(await imageLoaded(attachments.locator('img.attachment__thumb'))).toBeGreaterThan(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        attachments.getByRole('button', { name: 'IMG_2041.jpg', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('IMG_2041.jpg');
      const saved = await download.path();
      const metadata = await sharp(saved).metadata();
      expect(metadata.exif).toBeUndefined();
      expect([metadata.width, metadata.height]).toEqual([1200, 800]);
      await expectNoAxeViolations(page, 'activity detail with an attachment, desktop (coordinator)');
      await screenshot(page, 'attachments-detail-1280');
    });

    for (const session of [phone, desk]) expect(session.pageErrors).toEqual([]);
  }, 180_000);

  it('a coordinator uploads the tenant logo; it shows in the header for every user; then removes it', async () => {
    const desk = await newSession(browser, { device: DESKTOP });
    const phone = await newSession(browser, { device: PHONE });
    sessions.push(desk, phone);
    const logo = await sharp({ create: { width: 600, height: 300, channels: 4, background: { r: 11, g: 74, b: 130, alpha: 1 } } })
      .png()
      .toBuffer();

    await withScreenshotOnFailure(desk.page, 'logo-coordinator', async () => {
      const { page } = desk;
      await signIn(page, COORDINATOR);
      await heading(page, 'Home');
      await page.getByRole('button', { name: /Account/ }).click();
      await page.getByRole('link', { name: "Logo dell'ente" }).click();
      await heading(page, "Logo dell'ente");
      await page.getByText('Nessun logo caricato.').waitFor();
      await expectNoAxeViolations(page, 'tenant logo page without a logo, desktop');
      await page.getByLabel(/^Scegli un.immagine/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
      await page.getByText('Logo aggiornato.').waitFor();
      expect(await imageLoaded(page.locator('.tenant-logo-preview'))).toBe(256);
      expect(await imageLoaded(page.locator('header img.header-logo'))).toBe(256);
      await expectNoAxeViolations(page, 'tenant logo page with a logo, desktop');
      await screenshot(page, 'tenant-logo-1280');
    });

    await withScreenshotOnFailure(phone.page, 'logo-innovator', async () => {
      const { page } = phone;
      await signIn(page, INNOVATOR);
      await heading(page, 'Il mio lavoro');
      expect(await imageLoaded(page.locator('header img.header-logo'))).toBe(256);
      await expectNoAxeViolations(page, 'header with the tenant logo, phone');
      await screenshot(page, 'tenant-logo-header-390');
    });

    await withScreenshotOnFailure(desk.page, 'logo-remove', async () => {
      const { page } = desk;
      await page.getByRole('button', { name: 'Rimuovi il logo' }).click();
      await page.getByText('Logo rimosso.').waitFor();
      await expect(page.locator('header img.header-logo').count()).resolves.toBe(0);
    });

    for (const session of [phone, desk]) expect(session.pageErrors).toEqual([]);
  }, 180_000);
});

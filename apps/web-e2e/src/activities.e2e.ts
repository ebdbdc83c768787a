import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/axe';
import { DESKTOP, launchBrowser, newSession, PHONE, screenshot, signIn, withScreenshotOnFailure, type Session } from './support/browser';

const INNOVATOR = 'innovatore.bari@trama.test';
const COORDINATOR = 'coordinatore.bari@trama.test';
const MOLFETTA_USER = 'comune.molfetta@trama.test';

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The review queue's item for an activity. */
function queueItem(page: Page, title: string) {
  return page.getByRole('article', { name: title });
}

describe('activities journey: logged on a phone, reviewed, corrected, approved, seen by the municipality', () => {
  let browser: Browser;
  const sessions: Session[] = [];
  const title = `Laboratorio di quartiere E2E ${Date.now().toString(36)}`;
  const organization = `Associazione E2E ${Date.now().toString(36)}`;
  const returnComment = 'Indica quanti giovani hanno partecipato e i prossimi passi.';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const session of sessions) await session.context.close();
    await browser?.close();
  });

  it('goes draft → submitted → returned → submitted → approved, and Molfetta sees it', async () => {
    const phone = await newSession(browser, { device: PHONE });
    const desk = await newSession(browser, { device: DESKTOP });
    sessions.push(phone, desk);

    // 1. The innovator, on a phone, logs an activity in Molfetta and submits it.
    await withScreenshotOnFailure(phone.page, 'activities-innovator-log', async () => {
      const { page } = phone;
      await signIn(page, INNOVATOR);
      await heading(page, 'Il mio lavoro');
      await page.getByRole('button', { name: 'Menu' }).tap();
      await page.getByRole('link', { name: 'Attività', exact: true }).tap();
      await heading(page, 'Attività');
      await page.getByRole('link', { name: 'Nuova attività' }).tap();
      await heading(page, 'Nuova attività');

      // The municipality can only be one of the three assigned to this innovator.
      const municipality = page.getByRole('combobox', { name: 'Comune', exact: true });
      await municipality.waitFor();
      await expect(municipality.locator('option').allTextContents()).resolves.toEqual(['Scegli…', 'Bari', 'Giovinazzo', 'Molfetta']);
      // The date defaults to today, in a native date input.
      const date = page.getByLabel(/^Data\b/);
      await expect(date.getAttribute('type')).resolves.toBe('date');
      expect(await date.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      await page.getByLabel('Tipo di attività').selectOption({ label: 'Laboratorio' });
      await page.getByLabel('Titolo').fill(title);
      await municipality.selectOption({ label: 'Molfetta' });
      await page.getByRole('button', { name: '60 min' }).tap();
      expect(await page.getByLabel('Durata (minuti)').inputValue()).toBe('60');
      await expect(page.getByLabel('Durata (minuti)').getAttribute('inputmode')).resolves.toBe('numeric');

      const participants = page.getByRole('group', { name: 'Partecipanti', exact: true });
      await participants.getByLabel('Totale partecipanti').fill('12');
      await participants.getByLabel('Cittadini').fill('9');
      await participants.getByLabel('Giovani').fill('5');
      // Groups above the total: said at once beside the groups, and refused on sending.
      await participants.getByText('Somma dei gruppi: 14, più del totale (12).').waitFor();
      await page.getByRole('button', { name: 'Invia per revisione' }).tap();
      await page.getByRole('alert').filter({ hasText: 'Attività non salvata' }).waitFor();
      await expect(participants.getByLabel('Totale partecipanti').getAttribute('aria-invalid')).resolves.toBe('true');
      await participants.getByText('La somma dei gruppi supera il totale dei partecipanti').waitFor();
      await participants.getByLabel('Cittadini').fill('7');

      await page.getByRole('group', { name: 'Temi', exact: true }).getByLabel('Giovani').check();
      await page.getByRole('group', { name: 'Temi', exact: true }).getByLabel('Rigenerazione urbana').check();

      // An organization that is not in the register yet: created inline and added.
      const organizations = page.getByRole('group', { name: 'Organizzazioni coinvolte', exact: true });
      await organizations.getByRole('combobox').fill(organization);
      await page.getByRole('option', { name: new RegExp(`Registra «${organization}»`) }).tap();
      const create = page.getByRole('group', { name: 'Nuova organizzazione' });
      await create.getByLabel('Tipo di organizzazione').selectOption({ label: 'Associazione di promozione sociale (APS)' });
      expect(await create.getByLabel('Comune della sede').inputValue()).toBe('072029');
      await create.getByRole('button', { name: 'Registra e aggiungi' }).tap();
      await organizations.getByRole('button', { name: `Togli ${organization}` }).waitFor();

      // A point: tapped on the map, which draws Molfetta's boundary (no tiles).
      const map = page.getByRole('group', { name: "Mappa per segnare il luogo dell'attività" });
      await page.locator('.location-map .leaflet-overlay-pane path').first().waitFor();
      await map.tap();
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.location-map input[inputmode="decimal"]')?.value !== '');
      expect(await page.getByLabel('Latitudine').inputValue()).toMatch(/^4[01]\.\d+$/);
      expect(await page.getByLabel('Longitudine').inputValue()).toMatch(/^16\.\d+$/);

      await page.getByLabel('Esiti').fill('Mappate tre aree verdi da curare insieme ai residenti.');
      await screenshot(page, 'activities-form-390');
      await page.getByRole('button', { name: 'Invia per revisione' }).tap();

      await heading(page, title);
      await page.getByText('Attività inviata per la revisione.').waitFor();
      await expect(page.getByRole('main').textContent()).resolves.toContain('In revisione');
      await expect(page.getByRole('main').textContent()).resolves.toContain(organization);
      // Under review: no more edits for the author.
      await expect(page.getByRole('link', { name: 'Modifica' }).count()).resolves.toBe(0);
    });

    // 2. The coordinator, at a desk, returns it from the review queue with the keyboard: Shift+R opens the
    //    comment, Enter is a new line (never a send), Ctrl+Enter sends.
    await withScreenshotOnFailure(desk.page, 'activities-coordinator-return', async () => {
      const { page } = desk;
      await signIn(page, COORDINATOR);
      await heading(page, 'Home');
      await page.getByRole('link', { name: /^Revisione/ }).click();
      await heading(page, 'Revisione delle attività');
      await page.getByText('Scorciatoie da tastiera').waitFor();
      const item = queueItem(page, title);
      await item.waitFor();
      await screenshot(page, 'activities-review-1280');
      await item.getByText('Mappate tre aree verdi').click(); // focuses the item
      // a single key decides nothing
      await page.keyboard.press('r');
      await expect(item.getByLabel("Commento per l'innovatore (obbligatorio)").count()).resolves.toBe(0);
      await page.keyboard.press('Shift+R');
      const comment = item.getByLabel("Commento per l'innovatore (obbligatorio)");
      await expect(comment.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await page.keyboard.type('Due cose:');
      await page.keyboard.press('Enter');
      await page.keyboard.type(returnComment);
      // Enter made a new line: nothing was sent, the item is still there with the comment open
      expect(await comment.inputValue()).toBe(`Due cose:\n${returnComment}`);
      await expect(item.count()).resolves.toBe(1);
      await page.keyboard.press('Control+Enter');
      await page
        .getByRole('status')
        .filter({ hasText: `Restituita: «${title}».` })
        .waitFor();
      await expect(item.count()).resolves.toBe(0);
    });

    // 3. The innovator sees the comment, completes the activity and submits it again.
    await withScreenshotOnFailure(phone.page, 'activities-innovator-fix', async () => {
      const { page } = phone;
      await page.goto('/attivita?status=returned');
      await heading(page, 'Attività');
      expect(await page.getByLabel('Stato').inputValue()).toBe('returned');
      await screenshot(page, 'activities-list-390');
      await page.getByRole('link', { name: title }).tap();
      await heading(page, title);
      await page.getByRole('region', { name: 'Commento della revisione' }).getByText(returnComment).waitFor();
      // the thread of reviews is on the page too
      await page.getByRole('region', { name: 'Revisioni' }).getByText('Giro 1').waitFor();
      await page.getByRole('link', { name: 'Modifica' }).tap();
      await heading(page, "Modifica l'attività");
      // The coordinator's comment is at the top of the form.
      await page.getByRole('region', { name: 'Commento della revisione' }).getByText(returnComment).waitFor();
      await page.getByLabel('Prossimi passi').fill('Secondo incontro con i giovani del quartiere a dicembre.');
      await page.getByRole('button', { name: 'Invia per revisione' }).tap();
      await heading(page, title);
      await page.getByText('Attività inviata per la revisione.').waitFor();
    });

    // 4. The coordinator approves it with Shift+A, undoes it from the confirmation, and approves it again.
    await withScreenshotOnFailure(desk.page, 'activities-coordinator-approve', async () => {
      const { page } = desk;
      await page.goto('/revisione');
      await heading(page, 'Revisione delle attività');
      const item = queueItem(page, title);
      await item.getByText('Secondo incontro').waitFor();
      await item.getByText('Secondo incontro').click();
      await page.keyboard.press('Shift+A');
      await page.getByText(`Hai approvato «${title}».`).waitFor();
      await expect(item.count()).resolves.toBe(0);
      // the offer lasts 15 s unless the button has the focus: the audit below may take most of them
      const undo = page.getByRole('button', { name: 'Annulla la decisione' });
      await undo.focus();
      await expectNoAxeViolations(page, 'review queue, approved with undo offered (desktop)');
      await undo.click();
      await page.getByText(`Decisione annullata: «${title}» è di nuovo da revisionare.`).waitFor();
      // back in the queue, as submitted, and decided again
      await item.getByText('Secondo incontro').waitFor();
      await item.getByText('Secondo incontro').click();
      await page.keyboard.press('Shift+A');
      await page
        .getByRole('status')
        .filter({ hasText: `Approvata: «${title}».` })
        .waitFor();
      await expect(item.count()).resolves.toBe(0);

      // The history tells the whole story.
      await page.getByRole('link', { name: 'Attività', exact: true }).click();
      await page.getByRole('link', { name: title }).click();
      await heading(page, title);
      const history = page.getByRole('region', { name: 'Cronologia' });
      await history.getByText('Approvata').first().waitFor();
      const steps = await history.locator('li strong').allTextContents();
      expect(steps).toEqual([
        'Creata',
        'Inviata per revisione',
        'Restituita',
        'Modificata',
        'Inviata per revisione',
        'Approvata',
        'Decisione annullata',
        'Approvata',
      ]);
      // the thread keeps both rounds, the undone approval marked
      const thread = page.getByRole('region', { name: 'Revisioni' });
      await thread.getByText(/annullata il/).waitFor();
      await expect(thread.locator('li').count()).resolves.toBe(3);
      await expectNoAxeViolations(page, 'activity detail with the review thread and the map (desktop)');
      await screenshot(page, 'activities-detail-1280');
      await page.goto('/attivita');
      await page.getByRole('link', { name: title }).waitFor();
      await screenshot(page, 'activities-list-1280');
    });

    // 5. The municipality of Molfetta sees the approved activity (read-only).
    const molfetta = await newSession(browser);
    sessions.push(molfetta);
    await withScreenshotOnFailure(molfetta.page, 'activities-municipality', async () => {
      const { page } = molfetta;
      await signIn(page, MOLFETTA_USER);
      await heading(page, 'Il mio territorio');
      await page.getByRole('link', { name: 'Attività', exact: true }).click();
      await heading(page, 'Attività');
      await page.getByRole('link', { name: title }).click();
      await heading(page, title);
      await expect(page.getByRole('main').textContent()).resolves.toContain('Approvata');
      await expect(page.getByRole('button', { name: /Approva|Restituisci|Riapri|Invia/ }).count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: 'Modifica' }).count()).resolves.toBe(0);
    });

    for (const session of [phone, desk, molfetta]) expect(session.pageErrors).toEqual([]);
    // five steps in two browsers, with an undo and axe on the way: more than the default minute on a loaded machine
  }, 240_000);
});

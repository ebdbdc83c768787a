import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ActivityPage } from '../api/types';
import { activityDto } from '../../../test/activity-fixtures';
import { coordinator, jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { ReviewQueue } from './review-queue';

const submitted = (n: number, title: string) => activityDto(n, { title });
const titleOf = (a: { title: string | null }) => a.title ?? '';

const first = submitted(1, 'Tavolo con le scuole');
const second = submitted(2, 'Laboratorio di quartiere');
const third = submitted(3, 'Sportello del martedì');

function setup() {
  const page: ActivityPage = { items: [first, second, third], total: 3, page: 1, pageSize: 50, totalCapped: false };
  const decided: { id: string; action: string; body: Record<string, unknown> }[] = [];
  const decide = (action: string) => (url: URL, init: RequestInit) => {
    const id = url.pathname.split('/')[3];
    decided.push({ id, action, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    const item = page.items.find((a) => a.id === id)!;
    // The server's queue no longer holds it (the list is refetched after a decision).
    page.items = page.items.filter((a) => a.id !== id);
    page.total = page.items.length;
    return jsonResponse(200, { ...item, status: action === 'approve' ? 'approved' : 'returned', version: 3 });
  };
  const handlers: Parameters<typeof mockFetch>[0] = { 'GET /api/activities': () => jsonResponse(200, page) };
  for (const item of page.items) {
    handlers[`POST /api/activities/${item.id}/approve`] = decide('approve');
    handlers[`POST /api/activities/${item.id}/return`] = decide('return');
    handlers[`POST /api/activities/${item.id}/undo-review`] = (_url: URL, init: RequestInit) => {
      decided.push({ id: item.id, action: 'undo', body: JSON.parse(String(init.body)) as Record<string, unknown> });
      return jsonResponse(200, { ...item, status: 'submitted', version: 4 });
    };
    handlers[`GET /api/activities/${item.id}/history`] = () => jsonResponse(200, []);
  }
  const fetchMock = mockFetch(handlers);
  renderWithApp(<ReviewQueue />, { user: coordinator });
  return { fetchMock, decided };
}

const article = (title: string | null) => screen.getByRole('article', { name: title ?? '' });
const press = (key: string, target: Element = document.activeElement ?? document.body, modifiers: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(target, { key, ...modifiers });

describe('ReviewQueue', () => {
  it('asks for the submitted activities, oldest submission first', async () => {
    const { fetchMock } = setup();
    await screen.findByRole('article', { name: titleOf(first) });
    const url = new URL(String(fetchMock.mock.calls[0][0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'submitted', sort: 'submitted', page: '1', pageSize: '50' });
  });

  it('moves with j/k and the arrows, approves with Shift+A (never with a alone), and focuses the next item', async () => {
    const { decided } = setup();
    await screen.findByRole('article', { name: titleOf(first) });

    press('j', document.body);
    expect(article(first.title)).toHaveFocus();
    press('j');
    expect(article(second.title)).toHaveFocus();
    press('ArrowDown');
    expect(article(third.title)).toHaveFocus();
    press('k');
    expect(article(second.title)).toHaveFocus();

    // a single key decides nothing
    press('a');
    press('r');
    expect(decided).toEqual([]);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    press('A', document.activeElement ?? document.body, { shiftKey: true });
    await waitFor(() => expect(decided).toEqual([{ id: second.id, action: 'approve', body: { version: 2 } }]));
    // Gone from the queue at once, the outcome announced, and the focus on the item now in its place.
    expect(screen.queryByRole('article', { name: titleOf(second) })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText(/Approvata: «Laboratorio di quartiere»\. Restano 2 attività da revisionare\./)).toBeInTheDocument(),
    );
    expect(article(third.title)).toHaveFocus();
  });

  it('opens the comment with Shift+R, ignores shortcuts while typing, keeps Enter for new lines and sends with Ctrl+Enter', async () => {
    const { decided } = setup();
    await screen.findByRole('article', { name: titleOf(first) });
    press('j', document.body);

    press('R', document.activeElement ?? document.body, { shiftKey: true });
    const comment = await screen.findByRole('textbox', { name: "Commento per l'innovatore (obbligatorio)" });
    await waitFor(() => expect(comment).toHaveFocus());

    // Typing "a" (or "j", "r") in the comment is text, not a shortcut.
    fireEvent.change(comment, { target: { value: 'Manca la data' } });
    press('a', comment);
    press('j', comment);
    expect(decided).toEqual([]);
    expect(comment).toHaveFocus();

    // Enter (and Shift+Enter) is a new line: nothing is sent; Ctrl+Enter sends.
    press('Enter', comment);
    press('Enter', comment, { shiftKey: true });
    expect(decided).toEqual([]);
    press('Enter', comment, { ctrlKey: true });
    await waitFor(() => expect(decided).toEqual([{ id: first.id, action: 'return', body: { comment: 'Manca la data', version: 2 } }]));
    expect(screen.queryByRole('article', { name: titleOf(first) })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/Restituita: «Tavolo con le scuole»\./)).toBeInTheDocument());
  });

  it('confirms a decision visibly and undoes it on the server with the version the decision returned', async () => {
    const { decided } = setup();
    await screen.findByRole('article', { name: titleOf(first) });
    fireEvent.click(screen.getAllByRole('button', { name: 'Approva' })[0]);
    await waitFor(() => expect(decided).toHaveLength(1));
    expect(await screen.findByText('Hai approvato «Tavolo con le scuole».')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Annulla la decisione' }));
    await waitFor(() => expect(decided.at(-1)).toEqual({ id: first.id, action: 'undo', body: { version: 3 } }));
    expect(await screen.findByText('Decisione annullata: «Tavolo con le scuole» è di nuovo da revisionare.')).toBeInTheDocument();
  });

  it('does not return without a comment', async () => {
    const { decided } = setup();
    await screen.findByRole('article', { name: titleOf(first) });
    fireEvent.click(screen.getAllByRole('button', { name: 'Restituisci' })[0]);
    const comment = await screen.findByRole('textbox', { name: "Commento per l'innovatore (obbligatorio)" });
    press('Enter', comment, { metaKey: true });
    expect(await screen.findByText("Scrivi un commento: spiega all'innovatore cosa correggere.")).toBeInTheDocument();
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(decided).toEqual([]);
  });

  it('puts an item back when the server refuses the decision, and says so', async () => {
    const page: ActivityPage = { items: [first], total: 1, page: 1, pageSize: 50, totalCapped: false };
    mockFetch({
      'GET /api/activities': () => jsonResponse(200, page),
      [`POST /api/activities/${first.id}/approve`]: () =>
        jsonResponse(409, {
          statusCode: 409,
          error: 'Conflict',
          code: 'ACTIVITY_INVALID_TRANSITION',
          message: 'cannot approve an activity in status returned',
        }),
      [`GET /api/activities/${first.id}`]: () => jsonResponse(200, { ...first, status: 'returned' }),
      [`GET /api/activities/${first.id}/history`]: () => jsonResponse(200, []),
    });
    renderWithApp(<ReviewQueue />, { user: coordinator });
    await screen.findByRole('article', { name: titleOf(first) });
    press('j', document.body);
    await act(async () => {
      press('A', document.activeElement ?? document.body, { shiftKey: true });
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('«Tavolo con le scuole» non è stata revisionata');
    expect(screen.getByRole('alert')).toHaveTextContent("L'operazione non è possibile nello stato attuale");
  });
});

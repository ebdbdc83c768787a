import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import type { AttachmentDto } from '../api/attachments';
import { ActivityAttachments } from './activity-attachments';

const ACTIVITY = '00000000-0000-4000-8000-0000000000a1';
const photo: AttachmentDto = {
  id: '00000000-0000-4000-8000-0000000000f1',
  name: 'foto.jpg',
  mime: 'image/jpeg',
  size: 245_000,
  width: 1200,
  height: 800,
  image: true,
  createdAt: '2026-12-01T10:00:00.000Z',
  createdBy: null,
};
const sheet: AttachmentDto = {
  ...photo,
  id: '00000000-0000-4000-8000-0000000000f2',
  name: 'Foglio firme.pdf',
  mime: 'application/pdf',
  width: null,
  height: null,
  image: false,
};
const base = `/api/activities/${ACTIVITY}/attachments`;

describe('ActivityAttachments', () => {
  const createObjectURL = jest.fn(() => 'blob:thumbnail');
  beforeEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  });
  afterEach(() => {
    createObjectURL.mockClear();
  });

  it('lists photos with a thumbnail fetched through the session, and documents by name; no controls for a reader', async () => {
    const fetchMock = mockFetch({
      [`GET ${base}`]: () => jsonResponse(200, [photo, sheet]),
      [`GET ${base}/${photo.id}/thumbnail`]: () =>
        new Response(new Blob(['webp']), { status: 200, headers: { 'Content-Type': 'image/webp' } }),
    });
    const { container } = renderWithApp(<ActivityAttachments activityId={ACTIVITY} canEdit={false} />);
    await screen.findByRole('button', { name: 'foto.jpg' });
    expect(screen.getByRole('button', { name: 'Foglio firme.pdf' })).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector('img.attachment__thumb')).toHaveAttribute('src', 'blob:thumbnail'));
    // the thumbnail request carried no token in its URL: the session's transport sends it as a header
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain(`${base}/${photo.id}/thumbnail`);
    expect(screen.queryByLabelText('Scatta una foto')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Elimina/ })).toBeNull();
  });

  it('lets the author delete after a confirmation, and shows the catalogue text of a refusal', async () => {
    let deletes = 0;
    mockFetch({
      [`GET ${base}`]: () => jsonResponse(200, [sheet]),
      [`DELETE ${base}/${sheet.id}`]: () => {
        deletes++;
        return jsonResponse(409, { statusCode: 409, error: 'Conflict', code: 'ACTIVITY_LOCKED', message: 'locked' });
      },
    });
    renderWithApp(<ActivityAttachments activityId={ACTIVITY} canEdit />);
    expect(await screen.findByLabelText('Scatta una foto')).toHaveAttribute('capture', 'environment');
    expect(screen.getByLabelText('Scegli un file')).toHaveAttribute('accept', expect.stringContaining('application/pdf'));
    fireEvent.click(screen.getByRole('button', { name: 'Elimina Foglio firme.pdf' }));
    expect(deletes).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Conferma: elimina Foglio firme.pdf' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("L'attività è in revisione o approvata: non si può modificare.");
    expect(deletes).toBe(1);
  });
});

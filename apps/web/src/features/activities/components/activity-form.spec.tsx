import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ActivityDto, CreateActivityRequest } from '../api/types';
import type { SessionUser } from '../../../lib/api/types';
import { jsonResponse, mockFetch, renderWithApp } from '../../../test/render';
import { ActivityForm } from './activity-form';

const innovator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000002',
  email: 'innovatore.bari@trama.test',
  fullName: 'Ivan Innovatore',
  role: 'innovator',
  tenant: { id: '00000000-0000-4000-8000-0000000000aa', istatCode: '272', name: 'Città Metropolitana di Bari' },
  assignedMunicipalities: [{ istatCode: '072029', name: 'Molfetta' }],
  territory: null,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const noBoundaries = () => jsonResponse(200, { type: 'FeatureCollection', features: [] });

/** As a response says participants: the groups counted, without the nulls a request may send. */
const counted = (participants: CreateActivityRequest['participants']): ActivityDto['participants'] =>
  participants
    ? (Object.fromEntries(Object.entries(participants).filter(([, n]) => n !== null && n !== undefined)) as ActivityDto['participants'])
    : null;

function activityFrom(body: CreateActivityRequest, overrides: Partial<ActivityDto> = {}): ActivityDto {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    clientId: body.clientId,
    status: 'draft',
    version: 1,
    municipality: { istatCode: body.municipality, name: 'Molfetta' },
    socialArea: null,
    author: { id: innovator.id, fullName: innovator.fullName },
    date: body.date,
    durationMinutes: body.durationMinutes ?? null,
    type: body.type ?? null,
    title: body.title ?? null,
    description: body.description ?? null,
    participants: counted(body.participants),
    themes: body.themes ?? [],
    organizations: [],
    building: null,
    initiative: null,
    location: body.location ?? null,
    outcomes: body.outcomes ?? null,
    followUps: body.followUps ?? null,
    internalNotes: body.internalNotes ?? null,
    reviewComment: null,
    submittedAt: null,
    reviewedAt: null,
    reviewedBy: null,
    createdAt: '2026-11-20T10:00:00Z',
    updatedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

function renderForm(onDone = jest.fn()) {
  renderWithApp(<ActivityForm municipalities={innovator.assignedMunicipalities} defaultDate="2026-11-20" onDone={onDone} />, {
    user: innovator,
  });
  return onDone;
}

function fillRequired() {
  fireEvent.change(screen.getByRole('combobox', { name: 'Tipo di attività' }), { target: { value: 'workshop' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Titolo' }), { target: { value: 'Laboratorio sugli orti' } });
  fireEvent.click(screen.getByRole('button', { name: '90 min' }));
  fireEvent.change(screen.getByRole('textbox', { name: 'Totale partecipanti' }), { target: { value: '12' } });
}

const bodies = (fetchMock: ReturnType<typeof mockFetch>, method: string) =>
  fetchMock.mock.calls
    .filter((call) => call[1]?.method === method)
    .map((call) => JSON.parse(String(call[1]?.body)) as Record<string, unknown>);

describe('ActivityForm', () => {
  it('refuses participant groups that add up to more than the total, beside the total, without calling the server', async () => {
    const fetchMock = mockFetch({ 'GET /api/map/municipalities': noBoundaries });
    renderForm();
    fillRequired();
    const participants = screen.getByRole('group', { name: 'Partecipanti' });
    fireEvent.change(within(participants).getByRole('textbox', { name: 'Cittadini' }), { target: { value: '9' } });
    fireEvent.change(within(participants).getByRole('textbox', { name: 'Giovani' }), { target: { value: '5' } });
    // said as the user types…
    expect(participants).toHaveTextContent('Somma dei gruppi: 14, più del totale (12).');

    fireEvent.click(screen.getByRole('button', { name: 'Invia per revisione' }));

    // …and refused on sending, on the total field, announced in an alert
    const total = within(participants).getByRole('textbox', { name: 'Totale partecipanti' });
    await waitFor(() => expect(total).toHaveAttribute('aria-invalid', 'true'));
    expect(total).toHaveAccessibleDescription('La somma dei gruppi supera il totale dei partecipanti: correggi il totale o i gruppi.');
    expect(screen.getByRole('alert')).toHaveTextContent('Attività non salvata');
    expect(fetchMock.mock.calls.filter((call) => call[1]?.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(participants).getByRole('textbox', { name: 'Cittadini' }), { target: { value: '7' } });
    await waitFor(() => expect(total).not.toHaveAttribute('aria-invalid'));
  });

  it('sends the same clientId again when the user retries after a network error, and gets one activity', async () => {
    let attempts = 0;
    const fetchMock = mockFetch({
      'GET /api/map/municipalities': noBoundaries,
      'POST /api/activities': async (_url, init) => {
        attempts++;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return jsonResponse(201, activityFrom(JSON.parse(String(init.body)) as CreateActivityRequest));
      },
    });
    const onDone = renderForm();
    fillRequired();

    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Il server non risponde');
    expect(screen.getByRole('alert')).toHaveTextContent('Quello che hai scritto è ancora qui');
    expect(screen.getByRole('textbox', { name: 'Titolo' })).toHaveValue('Laboratorio sugli orti');
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));

    const posts = bodies(fetchMock, 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0].clientId).toMatch(UUID);
    expect(posts[1]).toEqual(posts[0]);
    expect(posts[0]).toMatchObject({
      municipality: '072029',
      date: '2026-11-20',
      type: 'workshop',
      durationMinutes: 90,
      participants: { total: 12 },
    });
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ clientId: posts[0].clientId }), 'saved');
  });

  it('keeps what the user typed when the service is temporarily unavailable (503), and the retry creates one activity', async () => {
    let attempts = 0;
    const fetchMock = mockFetch({
      'GET /api/map/municipalities': noBoundaries,
      'POST /api/activities': async (_url, init) => {
        attempts++;
        if (attempts === 1) {
          return jsonResponse(503, {
            statusCode: 503,
            error: 'Service Unavailable',
            code: 'SERVICE_UNAVAILABLE',
            message: 'The service is temporarily unavailable: try again in a few seconds',
          });
        }
        return jsonResponse(201, activityFrom(JSON.parse(String(init.body)) as CreateActivityRequest));
      },
    });
    const onDone = renderForm();
    fillRequired();
    fireEvent.change(screen.getByRole('textbox', { name: /^Descrizione/ }), { target: { value: 'Due ore di lavoro con le scuole.' } });

    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Servizio momentaneamente non disponibile, riprova tra qualche secondo.');
    expect(alert).toHaveTextContent('Quello che hai scritto è ancora qui');
    expect(screen.getByRole('textbox', { name: 'Titolo' })).toHaveValue('Laboratorio sugli orti');
    expect(screen.getByRole('textbox', { name: /^Descrizione/ })).toHaveValue('Due ore di lavoro con le scuole.');
    expect(screen.getByRole('textbox', { name: 'Totale partecipanti' })).toHaveValue('12');
    expect(onDone).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const posts = bodies(fetchMock, 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1]).toEqual(posts[0]);
  });

  it('after a lost answer and an edit, replays the first body (same clientId) and sends the edit as a PATCH', async () => {
    let attempts = 0;
    let created: ActivityDto | null = null;
    const fetchMock = mockFetch({
      'GET /api/map/municipalities': noBoundaries,
      'POST /api/activities': (_url, init) => {
        attempts++;
        // The first request reached the server (the activity exists) but its answer was lost.
        created ??= activityFrom(JSON.parse(String(init.body)) as CreateActivityRequest);
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return jsonResponse(200, created);
      },
      'PATCH /api/activities/10000000-0000-4000-8000-000000000001': (_url, init) => {
        const body = JSON.parse(String(init.body)) as { title: string; version: number };
        return jsonResponse(200, { ...created!, title: body.title, version: body.version + 1 });
      },
      'POST /api/activities/10000000-0000-4000-8000-000000000001/submit': () =>
        jsonResponse(200, { ...created!, status: 'submitted', version: 3 }),
    });
    const onDone = renderForm();
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Invia per revisione' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Il server non risponde');

    fireEvent.change(screen.getByRole('textbox', { name: 'Titolo' }), { target: { value: 'Laboratorio sugli orti urbani' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invia per revisione' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: 'submitted' }), 'submitted'));

    const posts = bodies(fetchMock, 'POST').filter((b) => 'clientId' in b);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toEqual(posts[0]);
    expect(posts[1].title).toBe('Laboratorio sugli orti');
    expect(bodies(fetchMock, 'PATCH')).toEqual([expect.objectContaining({ version: 1, title: 'Laboratorio sugli orti urbani' })]);
    expect(bodies(fetchMock, 'POST').at(-1)).toEqual({ version: 2 });
  });

  it('links the building chosen in the picker the route hands in, and shows a refused building beside it', async () => {
    const buildingId = '10000000-0000-4000-8000-000000000001';
    let refuse = true;
    const fetchMock = mockFetch({
      'GET /api/map/municipalities': noBoundaries,
      'POST /api/activities': (_url, init) =>
        refuse
          ? jsonResponse(400, {
              statusCode: 400,
              error: 'Bad Request',
              code: 'ACTIVITY_BUILDING_UNKNOWN',
              message: 'Unknown building',
              details: [{ field: 'building', messages: ['unknown building'], codes: ['ACTIVITY_BUILDING_UNKNOWN'] }],
            })
          : jsonResponse(201, activityFrom(JSON.parse(String(init.body)) as CreateActivityRequest)),
    });
    const onDone = jest.fn();
    // a stand-in for the buildings feature's picker (features do not import each other)
    renderWithApp(
      <ActivityForm
        municipalities={innovator.assignedMunicipalities}
        defaultDate="2026-11-20"
        onDone={onDone}
        renderBuilding={({ label, value, onChange, error }) => (
          <fieldset>
            <legend>{label}</legend>
            <p>{value ? value.name : 'nessuno'}</p>
            <button type="button" onClick={() => onChange({ id: buildingId, name: 'Ex Macello comunale' })}>
              Scegli l'Ex Macello
            </button>
            {error ? <p>{error}</p> : null}
          </fieldset>
        )}
      />,
      { user: innovator },
    );
    expect(screen.getByRole('group', { name: 'Immobile in cui si è svolta (facoltativo)' })).toBeInTheDocument();
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: "Scegli l'Ex Macello" }));
    expect(screen.getByText('Ex Macello comunale')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    expect(await screen.findByText('Immobile sconosciuto.')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();

    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const posts = bodies(fetchMock, 'POST');
    expect(posts.map((p) => p.building)).toEqual([buildingId, buildingId]);
  });

  it("shows the server's 400 field errors beside the fields", async () => {
    mockFetch({
      'GET /api/map/municipalities': noBoundaries,
      'POST /api/activities': () =>
        jsonResponse(400, {
          statusCode: 400,
          error: 'Bad Request',
          code: 'VALIDATION_FAILED',
          message: 'Validation failed',
          details: [
            {
              field: 'title',
              messages: ['title must be shorter than or equal to 200 characters'],
              codes: ['TOO_LONG'],
              params: { max: 200 },
            },
            {
              field: 'participants',
              messages: ['participants: the groups together must not exceed the total'],
              codes: ['GROUPS_EXCEED_TOTAL'],
            },
          ],
        }),
    });
    renderForm();
    fillRequired();
    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    await waitFor(() =>
      // the catalogue's text for the server's codes, never its English sentence
      expect(screen.getByRole('textbox', { name: 'Titolo' })).toHaveAccessibleDescription('Testo troppo lungo: al massimo 200 caratteri.'),
    );
    expect(screen.getByRole('textbox', { name: 'Totale partecipanti' })).toHaveAccessibleDescription(
      'La somma dei gruppi supera il totale dei partecipanti: correggi il totale o i gruppi.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Correggi i campi indicati');
  });

  it('on a 409 keeps what the user typed and offers to load the other version', async () => {
    const existing = activityFrom(
      {
        clientId: 'c1',
        municipality: '072029',
        date: '2026-11-18',
        durationMinutes: 60,
        type: 'meeting',
        title: 'Incontro',
        participants: { total: 4 },
      },
      { status: 'returned', reviewComment: 'Aggiungi gli esiti.', version: 4 },
    );
    const fetchMock = mockFetch({
      'GET /api/map/municipalities': noBoundaries,
      [`PATCH /api/activities/${existing.id}`]: () =>
        jsonResponse(409, { statusCode: 409, error: 'Conflict', code: 'STALE_VERSION', message: 'Stale' }),
      [`GET /api/activities/${existing.id}`]: () => jsonResponse(200, { ...existing, version: 5, outcomes: 'Da un altro telefono' }),
    });
    renderWithApp(
      <ActivityForm activity={existing} municipalities={innovator.assignedMunicipalities} defaultDate="2026-11-20" onDone={jest.fn()} />,
      { user: innovator },
    );

    // The coordinator's comment is at the top of the form.
    expect(screen.getByRole('region', { name: 'Commento della revisione' })).toHaveTextContent('Aggiungi gli esiti.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Esiti' }), { target: { value: 'Tre proposte dei residenti.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("L'attività è stata modificata altrove");

    fireEvent.click(screen.getByRole('button', { name: 'Tieni le mie modifiche' }));
    expect(await screen.findByText(/le tue modifiche sono rimaste nel modulo/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Esiti' })).toHaveValue('Tre proposte dei residenti.');

    fireEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    await waitFor(() => expect(bodies(fetchMock, 'PATCH')).toHaveLength(2));
    expect(bodies(fetchMock, 'PATCH')[1]).toMatchObject({ version: 5, outcomes: 'Tre proposte dei residenti.' });
  });
});

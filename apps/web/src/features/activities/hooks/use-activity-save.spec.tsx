import { describe, expect, it } from '@jest/globals';
import { act, renderHook } from '@testing-library/react';
import { activityDto } from '../../../test/activity-fixtures';
import { appWrapper, coordinator, jsonResponse, mockFetch, testQueryClient } from '../../../test/render';
import type { ActivityDto } from '../api/types';
import { useActivitySave, type ActivityFields } from './use-activity-save';

/** The fields of an activity as a caller would show them. */
function fieldsOf(activity: ActivityDto): ActivityFields {
  return {
    type: activity.type,
    title: activity.title,
    date: activity.date,
    municipality: activity.municipality.istatCode,
    durationMinutes: activity.durationMinutes,
    participants: activity.participants,
    description: activity.description,
    themes: activity.themes,
    organizations: activity.organizations.map((o) => o.id),
    location: activity.location,
    outcomes: activity.outcomes,
    followUps: activity.followUps,
    internalNotes: activity.internalNotes ?? null,
  };
}

const returned = activityDto(1, { status: 'returned', version: 4, reviewComment: 'Aggiungi gli esiti.' });
const stale = { statusCode: 409, error: 'Conflict', code: 'STALE_VERSION', message: 'Stale' };

function renderSave(options: Parameters<typeof useActivitySave>[0]) {
  return renderHook(() => useActivitySave(options), { wrapper: appWrapper(testQueryClient(coordinator)) });
}

const sent = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.map((call) => `${call[1]?.method} ${new URL(String(call[0]), 'http://localhost').pathname} ${call[1]?.body ?? ''}`);

describe('useActivitySave', () => {
  it('after a creation refused as invalid (400), sends the corrected body, not the refused one again', async () => {
    const draft = activityDto(2, { status: 'draft', version: 1 });
    const bodies: { location: unknown }[] = [];
    mockFetch({
      'POST /api/activities': (_url, init) => {
        const body = JSON.parse(String(init.body)) as { location: unknown };
        bodies.push(body);
        return bodies.length === 1
          ? jsonResponse(400, {
              statusCode: 400,
              error: 'Bad Request',
              code: 'ACTIVITY_POINT_OUTSIDE_MUNICIPALITY',
              message: 'outside',
              details: [{ field: 'location', messages: ['outside'] }],
            })
          : jsonResponse(201, { ...draft, location: body.location });
      },
    });
    const { result } = renderSave({});
    const fields = { ...fieldsOf(draft), location: { lat: 40.8268, lon: 16.5536 } };
    let first: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      first = await result.current.save(fields, 'draft');
    });
    expect(first).toMatchObject({ ok: false, failure: { kind: 'invalid' } });
    let second: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      second = await result.current.save({ ...fields, location: { lat: 41.117123, lon: 16.871987 } }, 'draft');
    });
    expect(second).toMatchObject({ ok: true, activity: { location: { lat: 41.117123, lon: 16.871987 } } });
    expect(bodies.map((b) => b.location)).toEqual([
      { lat: 40.8268, lon: 16.5536 },
      { lat: 41.117123, lon: 16.871987 },
    ]);
  });

  it('submits an unchanged edit without a PATCH, with the version it holds', async () => {
    const fetchMock = mockFetch({
      [`POST /api/activities/${returned.id}/submit`]: () => jsonResponse(200, { ...returned, status: 'submitted', version: 5 }),
    });
    const { result } = renderSave({ activity: returned, baseline: fieldsOf(returned) });

    let outcome: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      outcome = await result.current.save(fieldsOf(returned), 'submit');
    });

    expect(outcome).toMatchObject({ ok: true, outcome: 'submitted', activity: { version: 5 } });
    expect(sent(fetchMock)).toEqual([`POST /api/activities/${returned.id}/submit {"version":4}`]);
  });

  it('reports a 409 as a conflict; after reload the next save edits the other version', async () => {
    let patches = 0;
    const fetchMock = mockFetch({
      [`PATCH /api/activities/${returned.id}`]: (_url, init) => {
        patches++;
        const body = JSON.parse(String(init.body)) as { version: number };
        return patches === 1 ? jsonResponse(409, stale) : jsonResponse(200, { ...returned, version: body.version + 1 });
      },
      [`GET /api/activities/${returned.id}`]: () => jsonResponse(200, { ...returned, version: 7, outcomes: 'Da un altro telefono' }),
    });
    const { result } = renderSave({ activity: returned, baseline: fieldsOf(returned) });
    const mine = { ...fieldsOf(returned), outcomes: 'Tre proposte dei residenti.' };

    let first: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      first = await result.current.save(mine, 'draft');
    });
    expect(first).toEqual({ ok: false, failure: { kind: 'conflict' } });

    await act(async () => {
      await result.current.reload();
    });
    expect(result.current.saved?.version).toBe(7);

    let second: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      second = await result.current.save(mine, 'draft');
    });
    expect(second).toMatchObject({ ok: true, outcome: 'saved', activity: { version: 8 } });
    const patchBodies = fetchMock.mock.calls.filter((c) => c[1]?.method === 'PATCH').map((c) => JSON.parse(String(c[1]?.body)));
    expect(patchBodies.map((b) => [b.version, b.outcomes])).toEqual([
      [4, 'Tre proposte dei residenti.'],
      [7, 'Tre proposte dei residenti.'],
    ]);
  });

  it('says the edit was saved as a draft when only the submit failed, and reports 400 details as invalid', async () => {
    mockFetch({
      [`PATCH /api/activities/${returned.id}`]: (_url, init) => {
        const body = JSON.parse(String(init.body)) as { title: string; version: number };
        if (body.title === '') {
          return jsonResponse(400, {
            statusCode: 400,
            error: 'Bad Request',
            code: 'VALIDATION_FAILED',
            message: 'Validation failed',
            details: [{ field: 'title', messages: ['title should not be empty'] }],
          });
        }
        return jsonResponse(200, { ...returned, title: body.title, version: body.version + 1 });
      },
      [`POST /api/activities/${returned.id}/submit`]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const { result } = renderSave({ activity: returned, baseline: fieldsOf(returned) });

    let submitted: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      submitted = await result.current.save({ ...fieldsOf(returned), title: 'Laboratorio' }, 'submit');
    });
    expect(submitted).toMatchObject({ ok: false, failure: { kind: 'failed', savedAsDraft: true, error: { code: 'NETWORK_ERROR' } } });
    expect(result.current.saved).toMatchObject({ title: 'Laboratorio', version: 5 });

    let invalid: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      invalid = await result.current.save({ ...fieldsOf(returned), title: '' }, 'draft');
    });
    expect(invalid).toMatchObject({ ok: false, failure: { kind: 'invalid', error: { status: 400, code: 'VALIDATION_FAILED' } } });
    expect(result.current.busy).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import { activitySchema, emptyActivity, groupsExceedTotal, toCreateActivityRequest, type ActivityFormValues } from './activity-form-schema';

function valid(overrides: Partial<ActivityFormValues> = {}): ActivityFormValues {
  return {
    ...emptyActivity({ date: '2026-11-20', municipality: '072029' }),
    type: 'workshop',
    title: 'Laboratorio',
    durationMinutes: '90',
    participants: { total: '12', citizens: '', youth: '', families: '', ets: '', businesses: '', publicStaff: '' },
    ...overrides,
  };
}

function issues(values: ActivityFormValues) {
  const result = activitySchema.safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('activity form: participants within the total', () => {
  const groups = (g: Partial<ActivityFormValues['participants']>) => ({ ...valid().participants, ...g });

  it('accepts groups that add up to the total or less, blank groups counting as none', () => {
    expect(issues(valid({ participants: groups({ citizens: '7', youth: '5' }) }))).toEqual([]);
    expect(issues(valid({ participants: groups({ youth: '3' }) }))).toEqual([]);
  });

  it('refuses groups that add up to more than the total, on the total', () => {
    expect(issues(valid({ participants: groups({ citizens: '9', youth: '5' }) }))).toEqual([
      { path: 'participants.total', message: 'validation.groupsExceedTotal' },
    ]);
    expect(groupsExceedTotal(groups({ total: '0', publicStaff: '1' }))).toBe(true);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(issues(valid({ participants: groups({ total: '12,5' }) }))).toEqual([
      { path: 'participants.total', message: 'validation.wholeNumber' },
    ]);
    expect(issues(valid({ participants: groups({ youth: '-1' }) }))).toEqual([
      { path: 'participants.youth', message: 'validation.wholeNumber' },
    ]);
  });

  it('sends only the groups that were filled in', () => {
    const request = toCreateActivityRequest(valid({ participants: groups({ citizens: '7', youth: '0' }) }), 'c1');
    expect(request.participants).toEqual({ total: 12, citizens: 7, youth: 0 });
  });
});

describe('activity form: location', () => {
  it('takes the Italian decimal comma, and wants both coordinates or none', () => {
    expect(toCreateActivityRequest(valid({ location: { lat: '41,2005', lon: '16.5982' } }), 'c1').location).toEqual({
      lat: 41.2005,
      lon: 16.5982,
    });
    expect(toCreateActivityRequest(valid(), 'c1').location).toBeNull();
    expect(issues(valid({ location: { lat: '41.2', lon: '' } }))).toEqual([{ path: 'location.lon', message: 'validation.required' }]);
    expect(issues(valid({ location: { lat: '52.5', lon: '13.4' } }))).toEqual([{ path: 'location.lat', message: 'validation.latitude' }]);
  });
});

import { afterEach, describe, expect, it } from '@jest/globals';
import { ApiRequestError, networkError } from '../api/api-error';
import { coordinator } from '../../test/render';
import { offlineSessionUser, rememberSessionUser } from './offline-session';

describe('offline session', () => {
  afterEach(() => localStorage.clear());

  it('opens the app for the last user only when the server cannot be reached', () => {
    rememberSessionUser(coordinator);
    expect(offlineSessionUser(networkError(new TypeError('Failed to fetch')))?.email).toBe(coordinator.email);
    // a refusal or a server error is not "offline": the user is not let in
    const refused = new ApiRequestError({ statusCode: 503, error: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE', message: 'down' });
    expect(offlineSessionUser(refused)).toBeNull();
    expect(offlineSessionUser(new Error('boom'))).toBeNull();
  });

  it('forgets the user at sign-out', () => {
    rememberSessionUser(coordinator);
    rememberSessionUser(null);
    expect(offlineSessionUser(networkError(new TypeError('Failed to fetch')))).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import { i18n } from '../i18n/i18n';
import { ApiRequestError, networkError } from './api-error';
import { errorMessage } from './error-message';

const t = (lng: 'it' | 'en') => i18n.getFixedT(lng);
const failure = (statusCode: number, code: string) => new ApiRequestError({ statusCode, error: 'x', code, message: 'x' });

describe('errorMessage', () => {
  it('says "temporarily unavailable, try again" for the API\'s 503, in Italian and English', () => {
    expect(errorMessage(t('it'), failure(503, 'SERVICE_UNAVAILABLE'))).toBe(
      'Servizio momentaneamente non disponibile, riprova tra qualche secondo.',
    );
    expect(errorMessage(t('en'), failure(503, 'SERVICE_UNAVAILABLE'))).toBe(
      'Service temporarily unavailable, please try again in a few seconds.',
    );
  });

  it("says the same for a proxy's 502/503/504 without the API's body", () => {
    for (const status of [502, 503, 504]) {
      expect(errorMessage(t('it'), failure(status, `HTTP_${status}`))).toMatch(/^Servizio momentaneamente non disponibile/);
    }
  });

  it('keeps the server-error and network sentences for the other failures', () => {
    expect(errorMessage(t('it'), failure(500, 'INTERNAL'))).toBe('Si è verificato un errore sul server. Riprova tra poco.');
    expect(errorMessage(t('it'), failure(500, 'HTTP_500'))).toBe('Si è verificato un errore sul server. Riprova tra poco.');
    expect(errorMessage(t('it'), networkError(new TypeError('Failed to fetch')))).toMatch(/^Il server non risponde/);
    expect(errorMessage(t('it'), failure(400, 'INVALID_TEXT'))).toMatch(/caratteri non validi/);
  });
});

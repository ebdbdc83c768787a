import { describe, expect, it } from '@jest/globals';
import type { FieldError } from 'react-hook-form';
import { ApiRequestError } from '../api/api-error';
import { errorMessage, fieldProblemText, fieldProblemTexts } from '../api/error-message';
import { applyServerFieldErrors, fieldErrorText } from '../forms/form-errors';
import { i18n } from './i18n';

const t = (lng: 'it' | 'en') => i18n.getFixedT(lng);

const refused = new ApiRequestError({
  statusCode: 400,
  error: 'Bad Request',
  code: 'VALIDATION_FAILED',
  message: 'title must be shorter than or equal to 200 characters',
  details: [
    { field: 'title', messages: ['title must be shorter than or equal to 200 characters'], codes: ['TOO_LONG'], params: { max: 200 } },
    { field: 'email', messages: ['This email cannot be used for a new account'], codes: ['USER_EMAIL_TAKEN'] },
    { field: 'mystery', messages: ['mystery is odd'], codes: ['SOMETHING_NEW'] },
  ],
});

describe('messages in the user language', () => {
  it("shows the catalogue's text for a field code, with its limit, never the server sentence", () => {
    expect(fieldProblemText(t('it'), refused.details[0])).toBe('Testo troppo lungo: al massimo 200 caratteri.');
    expect(fieldProblemText(t('en'), refused.details[0])).toBe('Too long: at most 200 characters.');
  });

  it("shows a domain code's text, and a generic text for a code the catalogue does not know", () => {
    expect(fieldProblemText(t('it'), refused.details[1])).toBe('Esiste già un utente con questa email.');
    expect(fieldProblemText(t('it'), refused.details[2])).toBe('Valore non valido.');
    expect(fieldProblemText(t('en'), { codes: [] })).toBe('Invalid value.');
    expect(fieldProblemTexts(t('it'), refused, 'title')).toEqual(['Testo troppo lungo: al massimo 200 caratteri.']);
  });

  it('puts server field problems on the form as codes, so their text follows the language', () => {
    const set: Record<string, FieldError> = {};
    const unmatched = applyServerFieldErrors(refused, (name, error) => (set[name] = error as FieldError), ['title', 'email']);
    expect(fieldErrorText(t('it'), set.title)).toBe('Testo troppo lungo: al massimo 200 caratteri.');
    expect(fieldErrorText(t('en'), set.title)).toBe('Too long: at most 200 characters.');
    expect(fieldErrorText(t('en'), set.email)).toBe('A user with this email already exists.');
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]).toMatch(/^mystery: /);
    expect(unmatched[0]).not.toContain('odd');
  });

  it('keeps the schema keys of the client-side checks', () => {
    expect(fieldErrorText(t('it'), { type: 'required', message: 'validation.required' })).toBe('Campo obbligatorio.');
  });

  it('names the 429, an unknown route and a body the parser refused in the current language', () => {
    const failure = (statusCode: number, code: string) => new ApiRequestError({ statusCode, error: 'x', code, message: 'x' });
    expect(errorMessage(t('it'), failure(429, 'RATE_LIMITED'))).toMatch(/^Troppe richieste/);
    expect(errorMessage(t('en'), failure(404, 'NOT_FOUND'))).toBe('Not found.');
    expect(errorMessage(t('it'), failure(400, 'MALFORMED_JSON'))).toMatch(/non sono leggibili/);
  });
});

describe('plurals through i18next', () => {
  it('says "1 comune" and "2 comuni", "1 municipality" and "2 municipalities"', () => {
    const count = (lng: 'it' | 'en', n: number) => t(lng)('territory.list.municipalityCount', { count: n, formatted: String(n) });
    expect(count('it', 1)).toBe('1 comune');
    expect(count('it', 2)).toBe('2 comuni');
    expect(count('en', 1)).toBe('1 municipality');
    expect(count('en', 2)).toBe('2 municipalities');
  });

  it('builds the territory lead from two plural counts', () => {
    const lead = (lng: 'it' | 'en', municipalities: number, areas: number) =>
      t(lng)('territory.lead', {
        municipalities: t(lng)('territory.list.municipalityCount', { count: municipalities, formatted: String(municipalities) }),
        areas: t(lng)('territory.areaCount', { count: areas, formatted: String(areas) }),
      });
    expect(lead('it', 1, 1)).toBe('1 comune in 1 ambito territoriale sociale.');
    expect(lead('it', 41, 12)).toBe('41 comuni in 12 ambiti territoriali sociali.');
    expect(lead('en', 1, 2)).toBe('1 municipality in 2 social areas.');
  });

  it('says "1 giorno" and "30 giorni" for the days without a visit', () => {
    expect(t('it')('staffOutput.table.unvisited', { count: 1, formatted: '1' })).toBe('Non visitati da 1 giorno');
    expect(t('it')('staffOutput.table.unvisited', { count: 30, formatted: '30' })).toBe('Non visitati da 30 giorni');
    expect(t('it')('staffOutput.totals.innovatorsValue', { total: '5', count: 1, formatted: '1' })).toBe('5 (1 attivo)');
  });

  it('has no "(s)" or "(i)" plural hacks left in the catalogues', async () => {
    const it = JSON.stringify(await import('./it.json'));
    const en = JSON.stringify(await import('./en.json'));
    expect(it.match(/[a-z]\((i|e|o|a)\)/g)).toBeNull();
    expect(en.match(/[a-z]\(s\)/g)).toBeNull();
  });
});

import { canManageRole, employmentDateProblems, missingCodes, roleFieldProblems, throwIfProblems } from './user-rules';
import { isDateOnly } from '../../common/http/date-only';

describe('user rules', () => {
  it('lets admins manage every role and coordinators every role but admin; nobody else', () => {
    expect(canManageRole('admin', 'admin')).toBe(true);
    expect(canManageRole('coordinator', 'coordinator')).toBe(true);
    expect(canManageRole('coordinator', 'innovator')).toBe(true);
    expect(canManageRole('coordinator', 'municipality')).toBe(true);
    expect(canManageRole('coordinator', 'admin')).toBe(false);
    expect(canManageRole('innovator', 'innovator')).toBe(false);
    expect(canManageRole('municipality', 'innovator')).toBe(false);
  });

  it('keeps employment dates and municipalities to innovators, territory to municipality users', () => {
    expect(
      roleFieldProblems(
        'innovator',
        { hiredOn: '2026-01-01', contractEnd: '2026-12-31', municipalities: ['072006'] },
        { territoryRequired: true },
      ),
    ).toEqual([]);
    expect(
      roleFieldProblems('coordinator', { hiredOn: '2026-01-01', municipalities: ['072006'] }, { territoryRequired: true }).map(
        (p) => p.field,
      ),
    ).toEqual(['hiredOn', 'municipalities']);
    // null and empty values are "not set", as a form sends them
    expect(roleFieldProblems('coordinator', { hiredOn: null, contractEnd: null, municipalities: [] }, { territoryRequired: true })).toEqual(
      [],
    );
    expect(roleFieldProblems('municipality', {}, { territoryRequired: true }).map((p) => p.field)).toEqual(['territory']);
    expect(roleFieldProblems('municipality', {}, { territoryRequired: false })).toEqual([]);
    expect(
      roleFieldProblems('innovator', { territory: { kind: 'municipality', code: '072006' } }, { territoryRequired: false }).map(
        (p) => p.field,
      ),
    ).toEqual(['territory']);
  });

  it('refuses a contract ending before hiring, accepts the same day and open ends', () => {
    expect(employmentDateProblems('2026-06-01', '2026-05-31')).toEqual([
      { field: 'contractEnd', messages: [expect.stringContaining('must not be before')], codes: ['DATE_ORDER'] },
    ]);
    expect(employmentDateProblems('2026-06-01', '2026-06-01')).toEqual([]);
    expect(employmentDateProblems('2026-06-01', null)).toEqual([]);
    expect(employmentDateProblems(null, '2026-06-01')).toEqual([]);
    expect(employmentDateProblems('2026-12-31', '2027-01-01')).toEqual([]);
  });

  it('lists the requested codes not found, in request order', () => {
    expect(missingCodes(['072006', '037006', '072029', '000000'], ['072029', '072006'])).toEqual(['037006', '000000']);
    expect(missingCodes([], [])).toEqual([]);
  });

  it('throws VALIDATION_FAILED naming every field', () => {
    expect(() => throwIfProblems([])).not.toThrow();
    try {
      throwIfProblems([
        { field: 'a', messages: ['bad a'] },
        { field: 'b', messages: ['bad b'] },
      ]);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        status: 400,
        message: 'a: bad a; b: bad b',
        details: [{ field: 'a' }, { field: 'b' }],
      });
    }
  });

  it('accepts only real calendar dates as YYYY-MM-DD', () => {
    expect(isDateOnly('2026-02-28')).toBe(true);
    expect(isDateOnly('2028-02-29')).toBe(true);
    expect(isDateOnly('2026-02-29')).toBe(false);
    expect(isDateOnly('2026-13-01')).toBe(false);
    expect(isDateOnly('2026-1-01')).toBe(false);
    expect(isDateOnly('2026-01-01T00:00:00Z')).toBe(false);
    expect(isDateOnly(20260101)).toBe(false);
  });
});

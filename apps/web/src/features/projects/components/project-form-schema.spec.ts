import { describe, expect, it } from '@jest/globals';
import { emptyProject, parseAmount, projectFields, projectSchema } from './project-form-schema';

describe('the project form', () => {
  it('reads amounts typed the Italian way, refusing a third decimal', () => {
    expect(parseAmount('412.248,84')).toBe(412248.84);
    expect(parseAmount('412248,84 €')).toBe(412248.84);
    expect(parseAmount('3500000')).toBe(3500000);
    expect(parseAmount('1,005')).toBeNaN();
    expect(parseAmount('-5')).toBeNaN();
  });

  it('asks the CUP past the idea and the dates in order, before the server does', () => {
    const base = { ...emptyProject(), code: 'BO3.3.1.b', title: 'Accelerazione civica' };
    expect(projectSchema.safeParse(base).success).toBe(true);
    const admitted = projectSchema.safeParse({ ...base, status: 'admitted' });
    expect(admitted.success).toBe(false);
    expect(admitted.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['cup', 'errors.PROJECT_CUP_REQUIRED']]);
    const dates = projectSchema.safeParse({ ...base, startDate: '2021-03-30', endDate: '2016-11-01' });
    expect(dates.error?.issues.map((i) => i.path.join('.'))).toEqual(['endDate']);
    const badCode = projectSchema.safeParse({ ...base, code: 'con spazi' });
    expect(badCode.error?.issues.map((i) => i.path.join('.'))).toEqual(['code']);
    const http = projectSchema.safeParse({ ...base, documents: [{ title: 'Decreto', url: 'http://example.org' }] });
    expect(http.error?.issues.map((i) => i.path.join('.'))).toEqual(['documents.0.url']);
  });

  it('sends blanks as null, the CUP in capitals and the beneficiaries with their grants', () => {
    const body = projectFields({
      ...emptyProject(),
      code: ' BO3.3.1.b ',
      title: 'Accelerazione civica',
      status: 'completed',
      cup: 'f39g16000350007',
      expectedInvestment: '412.248,84',
      beneficiaries: [
        { id: 'o1', name: 'APS', amount: '1.000,50' },
        { id: 'o2', name: 'ODV', amount: '' },
      ],
      initiatives: [{ id: 'i1', title: 'Hub' }],
    });
    expect(body).toMatchObject({
      code: 'BO3.3.1.b',
      cup: 'F39G16000350007',
      action: null,
      startDate: null,
      expectedInvestment: 412248.84,
      beneficiaries: [
        { organization: 'o1', amount: 1000.5 },
        { organization: 'o2', amount: null },
      ],
      initiatives: ['i1'],
      buildings: [],
    });
  });
});

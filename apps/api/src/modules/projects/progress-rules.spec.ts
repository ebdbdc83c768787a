import { progressProblems, progressShares } from '@trama/contracts';

describe('project progress rules', () => {
  it('refuses commitments above the admitted amount and payments above commitments, in cents', () => {
    expect(progressProblems({ programmed: 10, admitted: 10, committed: 10, paid: 10 })).toEqual([]);
    expect(progressProblems({ programmed: 0.3, admitted: 0.1 + 0.2, committed: 0.3, paid: 0 })).toEqual([]);
    expect(progressProblems({ programmed: 10, admitted: 10, committed: 10.01, paid: 0 })).toEqual([
      { field: 'committed', code: 'PROJECT_COMMITTED_OVER_ADMITTED' },
    ]);
    expect(progressProblems({ programmed: 10, admitted: 10, committed: 5, paid: 5.01 })).toEqual([
      { field: 'paid', code: 'PROJECT_PAID_OVER_COMMITTED' },
    ]);
    // admitted above programmed is allowed (a reprogramming)
    expect(progressProblems({ programmed: 5, admitted: 10, committed: 5, paid: 1 })).toEqual([]);
  });

  it('computes the shares as fractions to 4 places, null on a zero base', () => {
    expect(progressShares({ programmed: 412248.84, admitted: 412248.84, committed: 412248.84, paid: 412248.83 })).toEqual({
      admittedOfProgrammed: 1,
      committedOfAdmitted: 1,
      paidOfAdmitted: 1,
      paidOfCommitted: 1,
    });
    expect(progressShares({ programmed: 0, admitted: 0, committed: 0, paid: 0 })).toEqual({
      admittedOfProgrammed: null,
      committedOfAdmitted: null,
      paidOfAdmitted: null,
      paidOfCommitted: null,
    });
    expect(progressShares({ programmed: 200, admitted: 100, committed: 30, paid: 10 })).toEqual({
      admittedOfProgrammed: 0.5,
      committedOfAdmitted: 0.3,
      paidOfAdmitted: 0.1,
      paidOfCommitted: 0.3333,
    });
  });
});

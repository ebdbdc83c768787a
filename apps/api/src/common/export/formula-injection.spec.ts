import { neutraliseFormula, restoreFormula } from './formula-injection';

describe('neutraliseFormula', () => {
  it.each([
    '=SUM(A1:A9)',
    '=HYPERLINK("http://example.org","x")',
    '+39 080 123',
    '-5',
    '@SUM(1)',
    '\t=1+1',
    '\r=1+1',
    "=cmd|' /C calc'!A0",
  ])('prefixes %j, which a spreadsheet would run as a formula', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(['Laboratorio', "'Nduja in piazza", ' =1 (a space first)', '1+1', 'a=b', '', '🎉 =', 'ciao\n=1'])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );

  it('can be undone exactly, including texts that already started with apostrophes', () => {
    for (const text of ['=1+1', "'=1+1", "''-5", "'Nduja", 'plain', '@x', "'", '']) {
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    }
    expect(neutraliseFormula("'=1+1")).toBe("''=1+1");
  });
});

import { isValidNumericTaxCode, isValidPersonalTaxCode, isValidTaxCode, normalizeTaxCode } from './tax-code';

describe('Italian tax codes', () => {
  it.each([
    ['06363391001', 'Agenzia delle Entrate'],
    ['80015010723', 'Comune di Bari'],
    ['93012340720', 'an association (sample)'],
    ['01234567897', 'a company (sample)'],
  ])('accepts the 11-digit code %s (%s)', (code) => {
    expect(isValidNumericTaxCode(code)).toBe(true);
    expect(isValidTaxCode(code)).toBe(true);
  });

  it.each(['06363391002', '80015010724', '00000000000', '0636339100', '063633910011', '0636339100A'])(
    'refuses the 11-character code %s',
    (code) => {
      expect(isValidTaxCode(code)).toBe(false);
    },
  );

  it('catches every single-digit typo and every swap of adjacent different digits of an 11-digit code', () => {
    const code = '80015010723';
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === code[i]) continue;
        expect(isValidNumericTaxCode(code.slice(0, i) + d + code.slice(i + 1))).toBe(false);
      }
    }
    for (let i = 0; i < 10; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      // the Luhn-style check misses only the 0↔9 swap
      if (!/^(09|90)$/.test(code[i] + code[i + 1])) expect(isValidNumericTaxCode(swapped)).toBe(false);
    }
  });

  it.each(['RSSMRA85T10A562S', 'RSSMRA70A01H501S', 'BNCGPP80A41F205L', 'RSSMRA85T10A56NH', 'BNCGPP80A41F20RG', 'RSSMRAURTMLARSNL'])(
    'accepts the personal code %s (the last three with omocodia: one, one and every digit replaced)',
    (code) => {
      expect(isValidPersonalTaxCode(code)).toBe(true);
    },
  );

  it.each([
    'RSSMRA85T10A562T',
    'RSSMRA85Z10A562S',
    'RSSMRA85T10A56NS',
    '1SSMRA85T10A562S',
    'RSSMRA85T10A562',
    // omocodia letters only stand for digits: W is none of L–V, and a checksum of the omocodic form is required
    'RSSMRA85T10A56WH',
    'RSSMRAURTMLARSNM',
  ])('refuses the personal code %s', (code) => {
    expect(isValidTaxCode(code)).toBe(false);
  });

  it('normalises spaces, dots, case and the IT VAT prefix', () => {
    expect(normalizeTaxCode(' rssmra 85t10 a562s ')).toBe('RSSMRA85T10A562S');
    expect(normalizeTaxCode('IT 06363391001')).toBe('06363391001');
    expect(normalizeTaxCode('it06363391001')).toBe('06363391001');
    expect(normalizeTaxCode('80.015.010.723')).toBe('80015010723');
  });
});

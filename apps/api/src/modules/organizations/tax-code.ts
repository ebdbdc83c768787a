/**
 * Italian tax codes (codice fiscale / partita IVA), checksum-verified.
 * - 11 digits: the codice fiscale of a body, equal to its partita IVA when it has one; the last
 *   digit is a Luhn-style check digit.
 * - 16 characters: the codice fiscale of a person (e.g. the holder of a sole proprietorship or an
 *   informal group's representative), with its check letter; "omocodia" variants (digits replaced
 *   by letters L–V) are valid and checked as written.
 */

/** Removes spaces and dots, upper-cases, drops an `IT` VAT prefix before 11 digits. */
export function normalizeTaxCode(input: string): string {
  const compact = input.replace(/[\s.]/g, '').toUpperCase();
  return /^IT[0-9]{11}$/.test(compact) ? compact.slice(2) : compact;
}

export function isValidNumericTaxCode(code: string): boolean {
  if (!/^[0-9]{11}$/.test(code) || /^0+$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = code.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      sum += digit;
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (sum % 10)) % 10 === code.charCodeAt(10) - 48;
}

/** Values of the characters in odd positions (1st, 3rd, … counting from 1); digits share the letters' values. */
const ODD: Record<string, number> = {
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};
const DIGIT_AS_LETTER = 'ABCDEFGHIJ';

function oddValue(c: string): number {
  return ODD[c >= '0' && c <= '9' ? DIGIT_AS_LETTER[Number(c)] : c];
}

function evenValue(c: string): number {
  return c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 65;
}

/** Surname(3) name(3) year(2) month(1) day(2) place(4) check(1); digit positions may hold omocodia letters. */
const PERSONAL = /^[A-Z]{6}[0-9LMNP-V]{2}[A-EHLMPR-T][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]$/;

export function isValidPersonalTaxCode(code: string): boolean {
  if (!PERSONAL.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? oddValue(code[i]) : evenValue(code[i]);
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

export function isValidTaxCode(code: string): boolean {
  return code.length === 11 ? isValidNumericTaxCode(code) : isValidPersonalTaxCode(code);
}

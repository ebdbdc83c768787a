/**
 * Escapes the LIKE / ILIKE wildcards `%` and `_`, and the escape character `\` (PostgreSQL's default
 * ESCAPE), so that text typed by a user matches literally: a search for `50%` finds `50%`, not `500`.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%`, escaped: rows containing the text. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** `text%`, escaped: rows starting with the text. */
export function prefixPattern(text: string): string {
  return `${escapeLike(text)}%`;
}

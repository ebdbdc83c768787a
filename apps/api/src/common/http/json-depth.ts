/**
 * The deepest nesting a request body may have. The DTOs nest at most three levels (an activity's
 * participants, a user's territory); 32 leaves room for any future form and stays far below the
 * depth where class-transformer's recursion overflows the stack (about 10,000).
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]

/** The index of the quote that closes the string opening before `from` (or the end): found by the native indexOf. */
function endOfString(bytes: Uint8Array, from: number): number {
  let at = from;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, at);
    if (quote < 0) return bytes.length;
    let backslashes = 0;
    while (quote - backslashes - 1 >= from && bytes[quote - backslashes - 1] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote; // an even run of backslashes escapes itself, not the quote
    at = quote + 1;
  }
}

/**
 * Whether the JSON text in `bytes` (UTF-8) opens more than `limit` arrays or objects at once,
 * counting brackets outside strings. One pass over the bytes, stopping at the first bracket past
 * the limit: it runs before `JSON.parse`, so a hostile body never becomes a deep object at all.
 *
 * Byte-wise scanning is exact for UTF-8: the bytes of a multi-byte character are all ≥ 0x80, so
 * none of them is a quote, backslash or bracket. Malformed JSON is not judged here (the parser
 * rejects it next); a stray closing bracket only lowers the count.
 */
export function exceedsJsonDepth(bytes: Uint8Array, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      i = endOfString(bytes, i + 1);
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

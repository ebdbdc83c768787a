import type { FieldProblem } from '../errors/app-error';

/**
 * Text that PostgreSQL and the validators cannot take, refused once for every request before any
 * DTO sees it (see `rejectIllFormedText` in request-guards.ts):
 * - U+0000 (NUL): PostgreSQL's text and jsonb types cannot store it (the query fails);
 * - an unpaired UTF-16 surrogate (`"\ud800"` in JSON): jsonb refuses it, the e-mail validator
 *   throws on it, and text columns would silently store U+FFFD instead;
 * - percent-encoding that is not UTF-8 (`%ED%A0%80`, `%FF`) in a query string, a form body or the
 *   path: decoders would silently turn it into U+FFFD.
 */
export type TextProblem = 'nul' | 'surrogate' | 'encoding';

const MESSAGES: Record<TextProblem, string> = {
  nul: 'contains a NUL character (U+0000), which is not allowed in text',
  surrogate: 'contains an unpaired UTF-16 surrogate (broken Unicode text)',
  encoding: 'is not valid UTF-8 percent-encoding',
};

export function textProblem(value: string): TextProblem | null {
  if (value.includes('\u0000')) return 'nul';
  if (!value.isWellFormed()) return 'surrogate';
  return null;
}

/** A key as it can be shown and sent back in JSON whatever it holds: `a\\u0000b` for a NUL, U+FFFD for a lone surrogate. */
function showable(key: string): string {
  return textProblem(key) ? JSON.stringify(key.toWellFormed()).slice(1, -1) : key;
}

/** A field path as the validation errors name them: `title`, `participants.total`, `themes.1`. */
function pathOf(parent: string, key: string): string {
  return parent ? `${parent}.${showable(key)}` : showable(key);
}

function problem(field: string, kind: TextProblem, what: 'value' | 'key'): FieldProblem {
  const subject = what === 'key' ? `the name of field ${field}` : field;
  return { field, messages: [`${subject} ${MESSAGES[kind]}`] };
}

/**
 * Every string of a parsed body or query (values and object keys, at any depth), with its path.
 * Depth is already bounded by the body parser (MAX_JSON_DEPTH), so recursion is safe.
 */
export function findTextProblems(value: unknown, parent = '', out: FieldProblem[] = [], limit = 20): FieldProblem[] {
  if (out.length >= limit) return out;
  if (typeof value === 'string') {
    const kind = textProblem(value);
    if (kind) out.push(problem(parent || '(body)', kind, 'value'));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findTextProblems(item, pathOf(parent, String(i)), out, limit));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const path = pathOf(parent, key);
      const kind = textProblem(key);
      if (kind) out.push(problem(path, kind, 'key'));
      findTextProblems(item, path, out, limit);
    }
  }
  return out;
}

function decodes(component: string): boolean {
  try {
    decodeURIComponent(component);
    return true;
  } catch {
    return false;
  }
}

/**
 * Problems of a raw `application/x-www-form-urlencoded` text (a query string or a form body):
 * percent-encoding that is not UTF-8, which Node's decoder would silently replace with U+FFFD.
 * NULs and surrogates are found afterwards in the parsed values.
 */
export function findEncodingProblems(raw: string, limit = 20): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!raw.includes('%')) return out;
  for (const pair of raw.split('&')) {
    if (out.length >= limit) break;
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' ');
    const value = eq < 0 ? '' : pair.slice(eq + 1).replace(/\+/g, ' ');
    if (decodes(key) && decodes(value)) continue;
    const field = decodes(key) ? showable(decodeURIComponent(key)) : key;
    out.push(problem(field, 'encoding', decodes(key) ? 'value' : 'key'));
  }
  return out;
}

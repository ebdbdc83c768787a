import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import type { Operation, Parameter, Schema } from './openapi';
import { type FuzzRequest, multipart, RawJson, RawText } from './request';

/**
 * A malformed variant of a valid request. `mustRefuse`: the document (or the API's input rules:
 * no NUL, no unpaired surrogate, bounded nesting) forbids it, so the answer must be a 4xx; for
 * every variant the answer must not be a 5xx and a 4xx must write nothing.
 */
export interface Variant {
  label: string;
  mustRefuse: boolean;
  apply(req: FuzzRequest): FuzzRequest;
}

type Path = (string | number)[];

/** A field of a JSON body, at any depth (`participants.total`, `themes.0`). */
export interface BodyField {
  path: Path;
  name: string;
  schema: Schema;
  required: boolean;
  /** the schema of the object that holds the field */
  parent: Schema;
}

const INT32_MAX = 2 ** 31 - 1;

// ---------------------------------------------------------------------------------------------
// Values

export const HOSTILE_STRINGS: [string, string][] = [
  ['a NUL', 'Laboratorio\u0000 di quartiere'],
  ['an unpaired high surrogate', 'Laboratorio \ud800 di quartiere'],
  ['an unpaired low surrogate', '\udc00'],
  ['10,000 characters', 'x'.repeat(10_000)],
  ['SQL and LIKE metacharacters', "%_\\' OR '1'='1'; -- \\%"],
  ['RTL marks', '\u202eLaboratorio\u202c \u200f\u061c'],
  ['emoji and combining marks', '🎉👩‍👩‍👧 cafe\u0301\u0301 ☕'],
  ['control, zero-width and BOM characters', '\u0001\u001b[31m\r\n\t\u007f\u200b\ufeff'],
  ['only spaces', '   '],
  ['the empty string', ''],
];

/** Numbers at and beyond every boundary an int4, bigint or double column has. */
export const BOUNDARY_NUMBERS: [string, unknown][] = [
  ['-1', -1],
  ['0', 0],
  ['2^31 − 1', INT32_MAX],
  ['2^31', 2 ** 31],
  ['2^53 + 2', 2 ** 53 + 2],
  ['2^63', new RawJson('9223372036854775808')],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['1e400 (Infinity when parsed)', new RawJson('1e400')],
  ['1.5', 1.5],
  ['-0', new RawJson('-0')],
];

const WRONG_TYPES: [string, unknown, Schema['type'] | 'array' | 'object'][] = [
  ['a string', 'fuzz', 'string'],
  ['a number', 12345, 'number'],
  ['a boolean', true, 'boolean'],
  ['an array', ['fuzz', 1], 'array'],
  ['an object', { fuzz: 1 }, 'object'],
];

/** Query and path text: each as it would arrive on the wire. */
export const HOSTILE_QUERY_TEXTS: [string, string | RawText][] = [
  ...HOSTILE_STRINGS.filter(([label]) => label !== 'an unpaired low surrogate'),
  ['a lone %', new RawText('%')],
  ['broken percent-encoding %zz', new RawText('%zz')],
  ['non-UTF-8 percent-encoding %FF', new RawText('%FF')],
  ['an encoded surrogate %ED%A0%80', new RawText('%ED%A0%80')],
  ['an encoded NUL %00', new RawText('%00')],
];

export const QUERY_NUMBERS: [string, string][] = [
  ['-1', '-1'],
  ['0', '0'],
  ['2^31', '2147483648'],
  ['2^63', '9223372036854775808'],
  ['1e308', '1e308'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['1.5', '1.5'],
  ['0x10', '0x10'],
  ['" 1"', ' 1'],
  ['1e3', '1e3'],
];

/** Arrays or objects nested `levels` deep around `leaf`. */
export function nested(levels: number, kind: 'array' | 'object' = 'array', leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

// ---------------------------------------------------------------------------------------------
// What the document forbids

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawJson);
}

/** Whether the schema says enough about a value to judge it (Nest writes `type: object` for what it cannot describe). */
function knows(schema: Schema): boolean {
  if (schema.enum) return true;
  if (schema.type === 'object') return !!schema.properties;
  return schema.type !== undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the document forbids this JSON value for this schema (only what it says for certain). */
export function forbids(schema: Schema, value: unknown): boolean {
  if (value === undefined) return false;
  if (value === null) return knows(schema) && !schema.nullable;
  if (schema.enum && !schema.enum.includes(value)) return true;
  const number = value instanceof RawJson ? Number(value.text) : value;
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return true;
      // class-validator counts code points (a surrogate pair is one character), not UTF-16 units
      if (schema.maxLength !== undefined && [...value].length > schema.maxLength) return true;
      if (schema.minLength !== undefined && [...value].length < schema.minLength) return true;
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) return true;
      if (schema.format === 'uuid' && !UUID.test(value)) return true;
      if (schema.format === 'date' && !DATE.test(value)) return true;
      return false;
    }
    case 'integer':
    case 'number': {
      if (typeof number !== 'number') return true;
      if (!Number.isFinite(number)) return true;
      if (schema.type === 'integer' && !Number.isInteger(number)) return true;
      if (schema.minimum !== undefined && number < schema.minimum) return true;
      if (schema.maximum !== undefined && number > schema.maximum) return true;
      return false;
    }
    case 'boolean':
      return typeof value !== 'boolean';
    case 'array': {
      if (!Array.isArray(value)) return true;
      if (schema.maxItems !== undefined && value.length > schema.maxItems) return true;
      if (schema.minItems !== undefined && value.length < schema.minItems) return true;
      if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size < value.length) return true;
      return schema.items ? value.some((item) => forbids(schema.items!, item)) : false;
    }
    case 'object':
      if (!schema.properties) return false;
      if (!isRecord(value)) return true;
      if ((schema.required ?? []).some((k) => value[k] === undefined)) return true;
      if (schema.additionalProperties !== true && Object.keys(value).some((k) => !(k in schema.properties!))) return true;
      return Object.entries(value).some(([k, v]) => schema.properties![k] !== undefined && forbids(schema.properties![k], v));
    default:
      return false;
  }
}

/** Whether the document forbids this query (or path) text for a parameter of this schema. */
export function forbidsText(schema: Schema, value: string | RawText): boolean {
  if (value instanceof RawText) {
    try {
      value = decodeURIComponent(value.text);
    } catch {
      return true; // not UTF-8: no schema allows it
    }
  }
  if (value.includes('\u0000') || !value.isWellFormed()) return true;
  if (schema.enum) return !schema.enum.includes(value);
  if (schema.type === 'integer') {
    if (!/^-?\d+$/.test(value)) return true;
    return forbids(schema, Number(value));
  }
  if (schema.type === 'boolean') return !['true', 'false'].includes(value);
  if (schema.type === 'string') return forbids(schema, value);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Request surgery

function clone<T>(value: T): T {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
}

/** Sets an own property even for `__proto__` (an assignment would replace the prototype instead). */
function defineOwn(node: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

export function setAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const root = isRecord(body) || Array.isArray(body) ? clone(body) : typeof path[0] === 'number' ? [] : {};
  let node = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = node[key];
    if (!(isRecord(next) || Array.isArray(next))) defineOwn(node, key, typeof path[i + 1] === 'number' ? [] : {});
    node = node[key] as Record<string | number, unknown>;
  }
  defineOwn(node, path[path.length - 1], value);
  return root;
}

export function deleteAt(body: unknown, path: Path): unknown {
  const root = clone(body);
  let node = root as Record<string | number, unknown> | undefined;
  for (let i = 0; i < path.length - 1 && node; i++) {
    const next = node[path[i]];
    node = isRecord(next) || Array.isArray(next) ? (next as Record<string | number, unknown>) : undefined;
  }
  if (node) {
    if (Array.isArray(node)) node.splice(Number(path[path.length - 1]), 1);
    else delete node[path[path.length - 1]];
  }
  return root;
}

function getAt(body: unknown, path: Path): unknown {
  let node: unknown = body;
  for (const key of path) node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

const withBody = (req: FuzzRequest, body: unknown): FuzzRequest => ({ ...req, body, raw: undefined });
const withQuery = (req: FuzzRequest, query: [string, string | RawText][]): FuzzRequest => ({ ...req, query });

function setQuery(req: FuzzRequest, name: string, value: string | RawText | undefined): FuzzRequest {
  const rest = req.query.filter(([k]) => k !== name);
  return withQuery(req, value === undefined ? rest : [...rest, [name, value]]);
}

// ---------------------------------------------------------------------------------------------
// The fields of a body

/** Every field the body schema declares, nested objects and array items included (depth-bounded). */
export function bodyFields(schema: Schema | undefined, prefix: Path = [], depth = 0): BodyField[] {
  if (!schema?.properties || depth > 4) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).flatMap(([key, child]) => {
    const path = [...prefix, key];
    const field: BodyField = { path, name: path.join('.'), schema: child, required: required.has(key), parent: schema };
    const inner =
      child.type === 'array' && child.items?.properties
        ? bodyFields(child.items, [...path, 0], depth + 1)
        : bodyFields(child, path, depth + 1);
    return [field, ...inner];
  });
}

// ---------------------------------------------------------------------------------------------
// The systematic sweep: each field × each kind of malformed value, once

function valuesFor(schema: Schema): [string, unknown][] {
  const out: [string, unknown][] = WRONG_TYPES.filter(([, , type]) => type !== schema.type).map(([label, value]) => [label, value]);
  if (schema.type === 'string' || schema.enum || !knows(schema)) {
    out.push(...HOSTILE_STRINGS);
    if (schema.maxLength !== undefined) out.push([`${schema.maxLength + 1} characters (over maxLength)`, 'y'.repeat(schema.maxLength + 1)]);
  }
  // numbers wherever the document does not say for certain that the field is something else
  if (!['string', 'boolean', 'array'].includes(schema.type ?? '') && !schema.enum) {
    out.push(...BOUNDARY_NUMBERS);
    // one past each declared bound: the document and the validator must agree on it
    if (schema.maximum !== undefined) out.push([`maximum + 1 (${schema.maximum + 1})`, schema.maximum + 1]);
    if (schema.minimum !== undefined) out.push([`minimum − 1 (${schema.minimum - 1})`, schema.minimum - 1]);
  }
  if (schema.type === 'array') {
    out.push(['an array of nulls', [null]], ['an array with a NUL string', ['\u0000']], ['an array of 1,000 items', Array(1000).fill('x')]);
    if (schema.maxItems !== undefined) out.push([`${schema.maxItems + 1} items (over maxItems)`, Array(schema.maxItems + 1).fill('x')]);
  }
  // within the depth limit (the body-level variants go beyond it)
  out.push(['arrays nested 26 levels', nested(26)]);
  return out;
}

export function bodyVariants(op: Operation): Variant[] {
  const body = op.body;
  const variants: Variant[] = [];
  for (const field of bodyFields(body)) {
    // A nested field is mutated inside a valid parent: when the valid body has none, the parent's example.
    const inParent = (req: FuzzRequest): unknown => {
      const parentPath = field.path.slice(0, -1);
      if (parentPath.length === 0 || isRecord(getAt(req.body, parentPath))) return req.body;
      return setAt(req.body, parentPath, exampleOf(field.parent) ?? {});
    };
    variants.push({
      label: `body ${field.name} = null`,
      mustRefuse: forbids(field.schema, null),
      apply: (req) => withBody(req, setAt(inParent(req), field.path, null)),
    });
    if (field.required) {
      variants.push({
        label: `body ${field.name} left out (required)`,
        mustRefuse: true,
        apply: (req) => withBody(req, deleteAt(inParent(req), field.path)),
      });
    }
    for (const [label, value] of valuesFor(field.schema)) {
      const deep = label.startsWith('objects nested 40');
      variants.push({
        label: `body ${field.name} = ${label}`,
        // beyond the depth limit the whole body is refused, whatever the field
        mustRefuse:
          deep || forbids(field.schema, value) || (typeof value === 'string' && (value.includes('\u0000') || !value.isWellFormed())),
        apply: (req) => withBody(req, setAt(inParent(req), field.path, value)),
      });
    }
    if (field.schema.properties) {
      variants.push({
        label: `body ${field.name} with an unknown field`,
        mustRefuse: field.schema.additionalProperties !== true,
        apply: (req) => {
          const current = getAt(req.body, field.path);
          return withBody(req, setAt(req.body, field.path, { ...(isRecord(current) ? current : {}), fuzzUnknown: 1 }));
        },
      });
    }
  }
  // Whole-body variants: shapes, encodings and sizes a client can send to any write route.
  const known = !!body?.properties;
  const strict = known && body!.additionalProperties !== true;
  const hasRequired = (body?.required?.length ?? 0) > 0;
  variants.push(
    { label: 'body with an unknown field', mustRefuse: strict, apply: (req) => withBody(req, setAt(req.body, ['fuzzUnknown'], 'x')) },
    {
      label: 'body with an unknown field holding a NUL',
      mustRefuse: true,
      apply: (req) => withBody(req, setAt(req.body, ['fuzzUnknown'], '\u0000')),
    },
    {
      label: 'body with a key that is a lone surrogate',
      mustRefuse: true,
      apply: (req) => withBody(req, setAt(req.body, ['\ud800'], 1)),
    },
    {
      label: 'body with __proto__ and constructor keys',
      mustRefuse: strict,
      apply: (req) => ({
        ...req,
        raw: {
          contentType: 'application/json',
          bytes: `{"__proto__":{"role":"admin","polluted":true},"constructor":{"prototype":{"x":1}}${req.body && isRecord(req.body) && Object.keys(req.body).length > 0 ? `,${JSON.stringify(req.body).slice(1)}` : '}'}`,
        },
      }),
    },
    { label: 'body is the valid body inside an array', mustRefuse: known, apply: (req) => withBody(req, [req.body]) },
    { label: 'body is an empty array', mustRefuse: known, apply: (req) => withBody(req, []) },
    {
      label: 'body is a JSON string',
      mustRefuse: known,
      apply: (req) => ({ ...req, raw: { contentType: 'application/json', bytes: '"fuzz"' } }),
    },
    {
      label: 'body is JSON null',
      mustRefuse: hasRequired,
      apply: (req) => ({ ...req, raw: { contentType: 'application/json', bytes: 'null' } }),
    },
    {
      label: 'body is a bare number',
      mustRefuse: known,
      apply: (req) => ({ ...req, raw: { contentType: 'application/json', bytes: '12345' } }),
    },
    { label: 'body is an empty object', mustRefuse: hasRequired, apply: (req) => withBody(req, {}) },
    { label: 'no body at all', mustRefuse: hasRequired, apply: (req) => withBody(req, undefined) },
    {
      label: 'body is truncated JSON',
      mustRefuse: true,
      apply: (req) => ({ ...req, raw: { contentType: 'application/json', bytes: '{"title": "Labora' } }),
    },
    {
      label: 'body nested 33 levels (one over the limit)',
      mustRefuse: true,
      apply: (req) => withBody(req, setAt(req.body, ['fuzzDeep'], nested(32))),
    },
    {
      label: 'body nested 10,000 levels',
      mustRefuse: true,
      apply: (req) => ({ ...req, raw: { contentType: 'application/json', bytes: `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}` } }),
    },
    {
      label: 'body that is not UTF-8',
      mustRefuse: true,
      apply: (req) => ({
        ...req,
        raw: { contentType: 'application/json', bytes: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
      }),
    },
    {
      label: 'body in Latin-1 by its charset',
      mustRefuse: true,
      apply: (req) => ({ ...req, raw: { contentType: 'application/json; charset=latin1', bytes: '{}' } }),
    },
    {
      label: 'body over 1 MB',
      mustRefuse: true,
      apply: (req) => ({ ...req, raw: { contentType: 'application/json', bytes: `{"a":"${'z'.repeat(1_100_000)}"}` } }),
    },
    {
      label: 'the valid body as a form (every value a string)',
      mustRefuse: false,
      apply: (req) => ({
        ...req,
        raw: {
          contentType: 'application/x-www-form-urlencoded',
          bytes: isRecord(req.body)
            ? Object.entries(req.body)
                .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
                .join('&')
            : '',
        },
      }),
    },
    {
      label: 'a form body with a NUL and a broken encoding',
      mustRefuse: true,
      apply: (req) => ({ ...req, raw: { contentType: 'application/x-www-form-urlencoded', bytes: 'a=%00&b=%FF' } }),
    },
    {
      label: 'the valid body sent as text/plain',
      mustRefuse: hasRequired,
      apply: (req) => ({ ...req, raw: { contentType: 'text/plain', bytes: JSON.stringify(req.body ?? {}) } }),
    },
  );
  return variants;
}

export function queryVariants(op: Operation): Variant[] {
  const params = op.parameters.filter((p) => p.in === 'query');
  if (params.length === 0) return [];
  const variants: Variant[] = [];
  for (const param of params) {
    const schema = param.schema ?? {};
    if (param.required) {
      variants.push({
        label: `query ${param.name} left out (required)`,
        mustRefuse: true,
        apply: (req) => setQuery(req, param.name, undefined),
      });
    }
    const texts: [string, string | RawText][] = [['the empty string', ''], ...HOSTILE_QUERY_TEXTS];
    // numbers wherever the document does not say for certain that the parameter is text
    if (schema.type !== 'string' && !schema.enum) {
      texts.push(...QUERY_NUMBERS);
      if (schema.maximum !== undefined) texts.push([`maximum + 1 (${schema.maximum + 1})`, String(schema.maximum + 1)]);
      if (schema.minimum !== undefined) texts.push([`minimum − 1 (${schema.minimum - 1})`, String(schema.minimum - 1)]);
    }
    if (schema.maxLength !== undefined) texts.push([`${schema.maxLength + 1} characters`, 'y'.repeat(schema.maxLength + 1)]);
    for (const [label, value] of texts) {
      variants.push({
        label: `query ${param.name} = ${label}`,
        mustRefuse: forbidsText(schema, value),
        apply: (req) => setQuery(req, param.name, value),
      });
    }
    variants.push({
      label: `query ${param.name} given twice`,
      mustRefuse: schema.type !== 'array',
      apply: (req) => {
        const current = req.query.find(([k]) => k === param.name)?.[1] ?? exampleText(schema);
        return withQuery(req, [...req.query.filter(([k]) => k !== param.name), [param.name, current], [param.name, current]]);
      },
    });
    variants.push({
      label: `query ${param.name}[] and ${param.name}[a] (bracket syntax)`,
      mustRefuse: true,
      apply: (req) => withQuery(req, [...req.query, [`${param.name}[]`, 'x'], [`${param.name}[a]`, 'y']]),
    });
  }
  variants.push(
    { label: 'an unknown query parameter', mustRefuse: true, apply: (req) => withQuery(req, [...req.query, ['fuzzUnknown', '1']]) },
    {
      label: 'a query parameter named with a NUL',
      mustRefuse: true,
      apply: (req) => withQuery(req, [...req.query, ['a\u0000b', '1']]),
    },
    {
      label: 'a __proto__ query parameter',
      mustRefuse: true,
      apply: (req) => withQuery(req, [...req.query, ['__proto__', '1'], ['constructor', 'x']]),
    },
  );
  return variants;
}

export const HOSTILE_PATH_TEXTS: [string, string | RawText, boolean][] = [
  ['not an id', 'fuzz', true],
  ['0', '0', true],
  ['-1', '-1', true],
  ['2^63', '9223372036854775808', true],
  ['the nil UUID', '00000000-0000-0000-0000-000000000000', true],
  ['an encoded NUL', new RawText('%00'), true],
  ['an encoded surrogate', new RawText('%ED%A0%80'), true],
  ['broken percent-encoding', new RawText('%zz'), true],
  ['SQL metacharacters', "1' OR '1'='1", true],
  ['5,000 characters', 'x'.repeat(5000), true],
  ['an encoded slash and dots', new RawText('..%2F..%2Fetc'), true],
  ['emoji', '🎉', true],
];

export function pathVariants(op: Operation): Variant[] {
  return op.parameters
    .filter((p) => p.in === 'path')
    .flatMap((param) =>
      HOSTILE_PATH_TEXTS.map(([label, value, mustRefuse]) => ({
        label: `path ${param.name} = ${label}`,
        mustRefuse,
        apply: (req: FuzzRequest) => ({ ...req, path: { ...req.path, [param.name]: value } }),
      })),
    );
}

/** A JWT signed with a key that is not the server's (and one claiming `alg: none`). */
function foreignToken(alg: 'HS256' | 'none'): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${part({ alg, typ: 'JWT' })}.${part({ sub: '00000000-0000-0000-0000-000000000000', role: 'admin', exp: 4102444800 })}`;
  return alg === 'none' ? `${head}.` : `${head}.${createHmac('sha256', 'not-the-server-key').update(head).digest('base64url')}`;
}

export function headerVariants(op: Operation, refreshCookie: string): Variant[] {
  const auth = (label: string, value: string): Variant => ({
    label: `Authorization: ${label}`,
    mustRefuse: op.bearer,
    apply: (req) => ({ ...req, headers: { ...req.headers, authorization: value } }),
  });
  const cookie = (label: string, value: string): Variant => ({
    label: `Cookie: ${label}`,
    mustRefuse: false,
    apply: (req) => ({ ...req, headers: { ...req.headers, cookie: `${refreshCookie}=${value}` } }),
  });
  return [
    auth('a malformed bearer token', 'Bearer abc.def'),
    auth('a bearer token of 8,000 characters', `Bearer ${'a'.repeat(8000)}`),
    auth('Basic credentials', 'Basic YWRtaW46YWRtaW4='),
    auth('a token signed with another key', `Bearer ${foreignToken('HS256')}`),
    auth('a token with alg none', `Bearer ${foreignToken('none')}`),
    cookie('a refresh cookie that was never issued', 'fuzz-not-a-token'),
    cookie('a refresh cookie of 4,000 characters', 'r'.repeat(4000)),
    cookie('a refresh cookie with broken percent-encoding', '%zz%FF'),
  ];
}

/** A 1×1 PNG: the smallest file every upload accepts. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The valid upload: one PNG in the field `file`. */
export const validUpload = () => multipart([{ name: 'file', filename: 'foto.png', contentType: 'image/png', bytes: TINY_PNG }]);

const withRaw = (req: FuzzRequest, raw: FuzzRequest['raw']): FuzzRequest => ({ ...req, body: undefined, raw });

/**
 * An upload (multipart/form-data, one part `file`) malformed: everything but one accepted file in
 * the field `file` must be refused with a 4xx that stores nothing; a hostile file name is cleaned, not refused.
 */
export function multipartVariants(op: Operation): Variant[] {
  if (!op.multipart) return [];
  const file = (bytes: Buffer | string, filename = 'foto.png', contentType = 'image/png') => ({
    name: 'file',
    filename,
    contentType,
    bytes,
  });
  const refuse = (label: string, raw: () => FuzzRequest['raw']): Variant => ({
    label,
    mustRefuse: true,
    apply: (req) => withRaw(req, raw()),
  });
  return [
    refuse('no body at all', () => undefined),
    refuse('a JSON body instead of a file', () => ({ contentType: 'application/json', bytes: '{"file":"foto.png"}' })),
    refuse('a form body instead of a file', () => ({ contentType: 'application/x-www-form-urlencoded', bytes: 'file=foto.png' })),
    refuse('the file in another field', () => multipart([{ ...file(TINY_PNG), name: 'upload' }])),
    refuse('a text field beside the file', () => multipart([{ name: 'tenantId', bytes: 'x' }, file(TINY_PNG)])),
    refuse('two files', () => multipart([file(TINY_PNG), file(TINY_PNG, 'altra.png')])),
    refuse('the field without a file name (a text field)', () => multipart([{ name: 'file', bytes: TINY_PNG }])),
    refuse('an empty file', () => multipart([file(Buffer.alloc(0))])),
    refuse('a text file named .jpg, sent as image/jpeg', () => multipart([file('<script>alert(1)</script>', 'foto.jpg', 'image/jpeg')])),
    refuse('an HTML page named .png', () => multipart([file('<!doctype html><html><body>x</body></html>', 'foto.png')])),
    refuse('an SVG image (scripts inside)', () =>
      multipart([file('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'a.svg', 'image/svg+xml')]),
    ),
    refuse('a PNG cut after its header', () => multipart([file(TINY_PNG.subarray(0, 40))])),
    refuse('a file over 10 MB', () => multipart([file(Buffer.concat([TINY_PNG, Buffer.alloc(10 * 1024 * 1024 + 1)]))])),
    refuse('multipart without a boundary', () => ({ contentType: 'multipart/form-data', bytes: validUpload().bytes })),
    refuse('multipart cut before its closing boundary', () => {
      const valid = validUpload();
      return { contentType: valid.contentType, bytes: valid.bytes.subarray(0, valid.bytes.length - 30) };
    }),
    {
      label: 'a file name with a path, a NUL, bidi overrides and a lone surrogate',
      mustRefuse: false,
      apply: (req) => withRaw(req, multipart([file(TINY_PNG, '../../etc/\u0000pass\u202Ewd\ud800.png')])),
    },
    {
      label: 'a file name of 5,000 characters',
      mustRefuse: false,
      apply: (req) => withRaw(req, multipart([file(TINY_PNG, `${'n'.repeat(5000)}.png`)])),
    },
  ];
}

export function systematicVariants(op: Operation, refreshCookie: string): Variant[] {
  return [
    ...(op.multipart ? multipartVariants(op) : op.body || op.method !== 'get' ? bodyVariants(op) : []),
    ...queryVariants(op),
    ...pathVariants(op),
    ...headerVariants(op, refreshCookie),
  ];
}

// ---------------------------------------------------------------------------------------------
// Values from a schema

/** A value the schema accepts, when it says enough (example, default, enum, bounds); otherwise undefined. */
export function exampleOf(schema: Schema, depth = 0): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return '5f0c7b1e-8a2d-4c3b-9e4f-1a2b3c4d5e6f';
      if (schema.format === 'date') return '2026-10-15';
      if (schema.format === 'date-time') return '2026-10-15T10:00:00.000Z';
      if (schema.format === 'email') return 'fuzz.example@trama.test';
      if (schema.pattern) return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 1 })[0];
      return 'Testo di prova'.slice(0, schema.maxLength ?? 100).padEnd(schema.minLength ?? 0, 'x');
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return true;
    case 'array': {
      const item = schema.items ? exampleOf(schema.items, depth + 1) : undefined;
      return item === undefined ? [] : [item];
    }
    case 'object': {
      if (!schema.properties || depth > 4) return undefined;
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const value = exampleOf(schema.properties[key] ?? {}, depth + 1);
        if (value === undefined) return undefined;
        out[key] = value;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function exampleText(schema: Schema): string {
  const value = exampleOf(schema);
  return value === undefined ? 'x' : String(value);
}

/** The required query parameters with values from their schemas (undefined when one cannot be made). */
export function exampleQuery(params: Parameter[]): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const p of params.filter((x) => x.in === 'query' && x.required)) {
    const value = exampleOf(p.schema ?? {});
    if (value === undefined) return undefined;
    out.push([p.name, String(value)]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random variants (fast-check): one to three mutations at once, anywhere in the request

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.map(([, v]) => v), ...BOUNDARY_NUMBERS.map(([, v]) => v), ...WRONG_TYPES.map(([, v]) => v)),
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.integer({ min: -(2 ** 33), max: 2 ** 33 }),
  fc.double(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => new RawJson(n.toString())),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 20, max: 40 }).map((levels) => nested(levels, levels % 2 === 0 ? 'array' : 'object')),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 600 }),
);

const hostileText: fc.Arbitrary<string | RawText> = fc.oneof(
  fc.constantFrom(...HOSTILE_QUERY_TEXTS.map(([, v]) => v), ...QUERY_NUMBERS.map(([, v]) => v)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.integer().map(String),
  fc.stringMatching(/^(%[0-9A-Fa-f]{2}){1,6}$/).map((s) => new RawText(s)),
);

type Mutation =
  | { kind: 'body'; field: number; value: unknown }
  | { kind: 'bodyDelete'; field: number }
  | { kind: 'bodyExtra'; key: string; value: unknown }
  | { kind: 'query'; param: number; value: string | RawText }
  | { kind: 'queryExtra'; key: string; value: string | RawText }
  | { kind: 'path'; param: number; value: string | RawText };

function describeValue(value: unknown): string {
  if (value instanceof RawJson || value instanceof RawText) return value.text;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}… (${text.length} chars)` : text;
}

/** An arbitrary of random variants for this operation (fast-check shrinks a failing one). */
export function randomVariant(op: Operation): fc.Arbitrary<Variant> {
  const fields = bodyFields(op.body);
  const queries = op.parameters.filter((p) => p.in === 'query');
  const paths = op.parameters.filter((p) => p.in === 'path');
  const key = fc.oneof(
    fc.constantFrom('fuzzUnknown', '__proto__', 'constructor', 'tenantId', 'status', 'role', 'id'),
    fc.string({ maxLength: 12 }),
  );
  const options: fc.Arbitrary<Mutation>[] = [];
  if (op.method !== 'get') {
    if (fields.length > 0) {
      options.push(fc.record({ kind: fc.constant('body' as const), field: fc.nat(fields.length - 1), value: hostileValue }));
      options.push(fc.record({ kind: fc.constant('bodyDelete' as const), field: fc.nat(fields.length - 1) }));
    }
    options.push(fc.record({ kind: fc.constant('bodyExtra' as const), key, value: hostileValue }));
  }
  if (queries.length > 0) {
    options.push(fc.record({ kind: fc.constant('query' as const), param: fc.nat(queries.length - 1), value: hostileText }));
    options.push(fc.record({ kind: fc.constant('queryExtra' as const), key, value: hostileText }));
  }
  if (paths.length > 0)
    options.push(fc.record({ kind: fc.constant('path' as const), param: fc.nat(paths.length - 1), value: hostileText }));
  return fc.array(fc.oneof(...options), { minLength: 1, maxLength: 3 }).map((mutations) => variantOf(mutations));

  function variantOf(mutations: Mutation[]): Variant {
    const label = mutations
      .map((m) => {
        switch (m.kind) {
          case 'body':
            return `body ${fields[m.field].name} = ${describeValue(m.value)}`;
          case 'bodyDelete':
            return `body ${fields[m.field].name} left out`;
          case 'bodyExtra':
            return `body ${JSON.stringify(m.key)} = ${describeValue(m.value)}`;
          case 'query':
            return `query ${queries[m.param].name} = ${describeValue(m.value)}`;
          case 'queryExtra':
            return `query ${JSON.stringify(m.key)} = ${describeValue(m.value)}`;
          case 'path':
            return `path ${paths[m.param].name} = ${describeValue(m.value)}`;
        }
      })
      .join('; ');
    return {
      label,
      mustRefuse: false,
      // how fast-check prints a counterexample
      [fc.toStringMethod]: () => label,
      apply: (req: FuzzRequest) =>
        mutations.reduce((r, m) => {
          switch (m.kind) {
            case 'body':
              return withBody(r, setAt(r.body, fields[m.field].path, m.value));
            case 'bodyDelete':
              return withBody(r, deleteAt(r.body, fields[m.field].path));
            case 'bodyExtra':
              return withBody(r, setAt(r.body, [m.key], m.value));
            case 'query':
              return setQuery(r, queries[m.param].name, m.value);
            case 'queryExtra':
              return withQuery(r, [...r.query, [m.key, m.value]]);
            case 'path':
              return { ...r, path: { ...r.path, [paths[m.param].name]: m.value } };
          }
        }, req),
    } as Variant;
  }
}

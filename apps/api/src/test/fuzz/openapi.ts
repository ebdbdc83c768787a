import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The parts of an OpenAPI 3.0 document (as @nestjs/swagger writes it) that the fuzz test reads. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  example?: unknown;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** as in the document: /api/activities/{id} */
  path: string;
  parameters: Parameter[];
  /** the JSON body's schema, $refs resolved at the top */
  body?: Schema;
  /** the multipart/form-data body's schema (an upload), when the operation takes one instead of JSON */
  multipart?: Schema;
  bodyRequired: boolean;
  /** the operation requires a bearer token (a forged one must be refused) */
  bearer: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The committed document (`npm run openapi` writes it; the check phase fails when it is stale). */
export const OPENAPI_PATH = resolve(__dirname, '../../../../../libs/api-client/openapi.json');

export function loadDocument(path = OPENAPI_PATH): OpenApiDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as OpenApiDocument;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Resolves `$ref` and merges `allOf` (what Nest writes for a nested DTO: `allOf: [{$ref}]` beside
 * `nullable` or a description), so that every schema the fuzz test walks is a plain one.
 */
export function resolveSchema(doc: OpenApiDocument, schema: Schema | undefined, seen: string[] = []): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return { type: 'object' }; // a recursive schema: stop here
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`OpenAPI document: unknown $ref ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return { ...resolveSchema(doc, target, [...seen, name]), ...rest };
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    const merged = allOf.map((s) => resolveSchema(doc, s, seen)).reduce<Schema>((a, b) => mergeSchemas(a, b), {});
    // `type: object` beside an allOf is Nest's filler: the referenced schema says what it is
    const own = rest.type === 'object' && merged.type ? { ...rest, type: merged.type } : rest;
    return mergeSchemas(merged, own);
  }
  return schema;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  return {
    ...a,
    ...b,
    properties: a.properties || b.properties ? { ...a.properties, ...b.properties } : undefined,
    required: a.required || b.required ? [...(a.required ?? []), ...(b.required ?? [])] : undefined,
  };
}

/**
 * Every operation the fuzz test walks: each write (POST, PUT, PATCH, DELETE) and each read that
 * takes query parameters (the lists, the export, the filtered reads).
 */
export function fuzzedOperations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const op = raw as {
        operationId?: string;
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
        security?: Record<string, unknown>[];
      };
      const parameters = (op.parameters ?? []).map((p) => ({ ...p, schema: resolveSchema(doc, p.schema) }));
      const write = WRITE_METHODS.has(method);
      if (!write && !parameters.some((p) => p.in === 'query')) continue;
      if (!op.operationId) throw new Error(`OpenAPI document: ${method.toUpperCase()} ${path} has no operationId`);
      const json = op.requestBody?.content?.['application/json']?.schema;
      const multipart = op.requestBody?.content?.['multipart/form-data']?.schema;
      out.push({
        operationId: op.operationId,
        method: method as Operation['method'],
        path,
        parameters,
        body: json ? resolveSchema(doc, json) : undefined,
        multipart: multipart ? resolveSchema(doc, multipart) : undefined,
        bodyRequired: op.requestBody?.required ?? false,
        bearer: (op.security ?? []).some((requirement) => 'bearer' in requirement),
      });
    }
  }
  return out.sort((a, b) => a.operationId.localeCompare(b.operationId));
}

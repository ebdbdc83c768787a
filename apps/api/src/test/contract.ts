import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

/**
 * Checks every JSON response of the integration tests against the committed OpenAPI document
 * (libs/api-client/openapi.json): the status must be declared for the operation and the body must
 * match its schema. So each test that calls the API also tests that the document tells the truth
 * (nullability, enums, limits, required properties), and a response shape that drifts from its DTO
 * fails the test file that produced it.
 */
export const OPENAPI_DOCUMENT_PATH = join(__dirname, '../../../../libs/api-client/openapi.json');

type Schema = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** OpenAPI 3.0's `nullable` as JSON Schema: null, or the schema (also around `allOf: [$ref]`). */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'discriminator' || key === 'example' || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace('#/components/', 'trama#/components/');
    else out[key] = toJsonSchema(value);
  }
  return record.nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}

interface Route {
  path: string;
  method: string;
  pattern: RegExp;
  params: number;
  operation: Operation;
}

export class ContractChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[] = [];
  private readonly validators = new Map<string, ValidateFunction>();
  readonly violations: string[] = [];

  constructor(document: Document = JSON.parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8')) as Document) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'trama', components: toJsonSchema(document.components) as object });
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
        this.routes.push({ path, method, pattern: new RegExp(`^${source}$`), params: (path.match(/\{/g) ?? []).length, operation });
      }
    }
    // A literal segment wins over a parameter (/api/activities/export before /api/activities/{id}).
    this.routes.sort((a, b) => a.params - b.params);
  }

  /** Records a violation when `body` (sent with `status` by `method url`) does not match the document. */
  check(method: string, url: string, status: number, body: unknown): void {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) return; // not an operation of the document (an unknown route: a plain 404)
    const where = `${method.toUpperCase()} ${route.path} → ${status}`;
    const response = route.operation.responses[String(status)];
    if (!response) {
      this.violations.push(`${where}: status not declared (${JSON.stringify(body).slice(0, 200)})`);
      return;
    }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      if (body !== undefined && body !== '') this.violations.push(`${where}: a JSON body where the document declares none`);
      return;
    }
    const key = `${route.method} ${route.path} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as object);
      this.validators.set(key, validate);
    }
    if (!validate(body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
      this.violations.push(`${where}: ${errors.join('; ')}`);
    }
  }

  /** Express middleware: checks every `res.json(...)` of the app. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        this.check(req.method, req.originalUrl, res.statusCode, JSON.parse(JSON.stringify(body ?? null)));
        return json(body);
      };
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        // A body-less response (204, a redirect): its status must be declared too.
        if (!res.getHeader('content-type')) this.check(req.method, req.originalUrl, res.statusCode, undefined);
        return end(...args);
      }) as Response['end'];
      next();
    };
  }
}

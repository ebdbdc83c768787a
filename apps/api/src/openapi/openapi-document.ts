import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiErrorDto } from '../common/errors/api-error.dto';
import { FEATURE_MODULES } from '../modules';
import { REFRESH_COOKIE } from '../modules/auth/refresh-token';
import { addStandardResponses } from './standard-responses';

/** Sorts object keys recursively (arrays keep their order): the committed document diffs line by line. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeys(item)) as T;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, sortKeys(record[key])]),
    ) as T;
  }
  return value;
}

/** The tags of the operations, one per feature controller. */
const TAGS: [name: string, description: string][] = [
  ['activities', 'The activity log of the innovators: drafts, review (submit, approve, return, reopen), history, export'],
  ['audit', 'The audit log: who changed what, when, with the record before and after'],
  [
    'buildings',
    'The register of reusable buildings: the reuse pipeline and its history, assignments and their expiry, photos, verification on site, export',
  ],
  [
    'initiatives',
    'The register of social-innovation initiatives: municipalities, lead and partner organizations, funding and CUP, the status machine and its timeline, history, export',
  ],
  [
    'indicators',
    'Result indicators: definitions and targets (coordinators), manual values with their validation and history, the CSV import, the roll-up per territory and period',
  ],
  ['auth', 'Sign-in, the session (a short access token and a rotating refresh cookie), password change'],
  [
    'map',
    "The map layers: each register's records in a viewport as GeoJSON, clustered on the server beyond MAP_MAX_POINTS, with its list's filters",
  ],
  ['home', "Each role's home: one summary per role and the navigation's badges, every figure under the caller's scope"],
  ['operations', 'Health check and the settings the web app needs before sign-in'],
  [
    'legal-pages',
    "Each metropolitan city's accessibility statement (AgID model) and privacy notice (GDPR art. 13): public, edited by its coordinators",
  ],
  ['organizations', 'The register of organizations (third-sector bodies, schools, companies, …) of a metropolitan city'],
  ['staff-output', "The innovators' output over a period, for coordinators"],
  ['tenants', 'The metropolitan cities (tenants) the caller may reach'],
  ['territory', 'Municipalities, social areas, their boundaries, and the territory import'],
  ['users', 'User management: accounts, roles, assigned municipalities, territory of municipality users'],
];

/**
 * The OpenAPI document of the API, from the controllers' and DTOs' decorators. One function for
 * the document served at /api/docs and the committed `libs/api-client/openapi.json`
 * (`npm run openapi`), so that the two cannot differ. Call it after `setGlobalPrefix('api')`.
 */
export function createOpenApiDocument(app: INestApplication, modules: (Type | DynamicModule)[] = FEATURE_MODULES): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Trama API')
    .setDescription('Case management for the metropolitan innovators. Every error has the body `ApiError`; each operation lists its codes.')
    .setVersion('1')
    .addServer(
      '/',
      'The Trama server itself (production, staging or local): the API is on the same origin as the web app',
      {},
      {
        // Trama's API serves its own web app and the administration's tools, not the public.
        'x-internal': true,
      },
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'The access token of POST /api/auth/login or /api/auth/refresh: a JWS (HS256, the only algorithm accepted on ' +
          'verification), short-lived, checked against the account on every request; the implementation follows the ' +
          'JWT best current practices of RFC8725.',
      },
      'bearer',
    )
    .addCookieAuth(
      REFRESH_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'The refresh token: an httpOnly, SameSite=Strict cookie sent only to /api/auth; it rotates on every use.',
      },
      'refreshCookie',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ApiErrorDto],
    // The controller method names read as API operations (listActivities, submitActivity): the
    // generated client calls them by these names, so they must be unique across controllers.
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  assertUniqueOperationIds(document);
  addStandardResponses(document, modules);
  closeRequestSchemas(document);
  return sortKeys(document);
}

/**
 * The validation pipe rejects unknown properties in a body, nested objects included
 * (`whitelist` + `forbidNonWhitelisted`, common/http/validation.ts): every schema reachable from a
 * request body says so with `additionalProperties: false`.
 */
function closeRequestSchemas(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  const closed = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (closed.has(name)) return;
      closed.add(name);
      const schema = schemas[name];
      if (schema?.type === 'object' && schema.properties) schema.additionalProperties = false;
      visit(schema);
      return;
    }
    Object.values(record).forEach(visit);
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item as Record<string, { requestBody?: unknown }>)) visit(operation?.requestBody);
  }
}

function assertUniqueOperationIds(document: OpenAPIObject): void {
  const seen = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { operationId?: string }>)) {
      const id = operation?.operationId;
      if (!id) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const other = seen.get(id);
      if (other) throw new Error(`OpenAPI operationId "${id}" is used by ${other} and ${where}: rename one controller method`);
      seen.set(id, where);
    }
  }
}

/** The document as committed: two-space JSON with a trailing newline. */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

import type { DynamicModule, Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, MODULE_METADATA } from '@nestjs/common/constants';
import { DECORATORS, type HeadersObject, type OpenAPIObject, type OperationObject, type ResponseObject } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Role } from '@trama/contracts';
import { ALLOW_PENDING_PASSWORD_CHANGE, IS_PUBLIC, ROLES_KEY } from '../common/auth/decorators';
import { CommonErrors, type ErrorFactory } from '../common/errors/app-error';
import { API_ERRORS_KEY } from '../common/http/api-errors';

/** A code the API returns, with the status it comes with and what it means. */
interface ErrorCode {
  code: string;
  status: number;
  message: string;
}

const fromFactory = (factory: ErrorFactory): ErrorCode => ({ code: factory.code, status: factory.status, message: factory().message });

/** Errors raised before the request reaches a controller (common/errors/error.filter.ts, app.setup.ts). */
const BAD_REQUEST: ErrorCode[] = [
  { ...fromFactory(CommonErrors.VALIDATION_FAILED), message: 'The request is not valid: `details` names each field at fault' },
  { code: 'MALFORMED_JSON', status: 400, message: 'The request body is not valid JSON' },
  { code: 'PAYLOAD_TOO_LARGE', status: 400, message: 'The request body is larger than 1 MB' },
  fromFactory(CommonErrors.BODY_TOO_DEEP),
  {
    ...fromFactory(CommonErrors.INVALID_TEXT),
    message: 'A NUL, an unpaired surrogate or non-UTF-8 percent-encoding in the path, query or body: `details` names the field',
  },
];
/** Also answered before any route (common/http/request-input.ts, common/errors/database-unavailable.ts). */
const ANY_ROUTE: ErrorCode[] = [fromFactory(CommonErrors.UNSUPPORTED_MEDIA_TYPE), fromFactory(CommonErrors.SERVICE_UNAVAILABLE)];
const INTERNAL: ErrorCode = { code: 'INTERNAL', status: 500, message: 'An unexpected error occurred (logged; nothing is leaked)' };

const REASONS: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in, or the session ended',
  403: 'Not allowed for your role',
  404: 'Not found, or outside what you may see',
  409: 'Conflicts with the current state',
  423: 'Locked',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** X-RateLimit-* on every response the throttler saw (@nestjs/throttler, one window of 60 s). */
const RATE_LIMIT_HEADERS: HeadersObject = {
  'X-RateLimit-Limit': {
    description: 'requests allowed per window from your address (LOGIN_RATE_PER_MINUTE)',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 100_000 },
  },
  'X-RateLimit-Remaining': {
    description: 'requests left in the current window',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 100_000 },
  },
  'X-RateLimit-Reset': {
    description: 'seconds until the window frees a request',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 60 },
  },
};
const RETRY_AFTER: HeadersObject = {
  'Retry-After': {
    description: 'seconds to wait before trying again',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 60 },
  },
};
const RATE_LIMIT_REFS: HeadersObject = Object.fromEntries(
  Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, { $ref: `#/components/headers/${name}` }]),
);

interface Route {
  operationId: string;
  controller: Type;
  handler: (...args: unknown[]) => unknown;
}

/** Every route of the controllers of these modules, by operationId. */
function routesOf(modules: (Type | DynamicModule)[]): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const module of modules) {
    const moduleClass = 'module' in module ? module.module : module;
    const controllers = [
      ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) as Type[] | undefined) ?? []),
      ...('controllers' in module ? (module.controllers ?? []) : []),
    ];
    for (const controller of controllers) {
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
          continue;
        const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { operationId?: string } | undefined;
        const operationId = operation?.operationId ?? name;
        routes.set(operationId, { operationId, controller, handler: handler as Route['handler'] });
      }
    }
  }
  return routes;
}

function metadata<T>(key: string, route: Route): T | undefined {
  return (Reflect.getMetadata(key, route.handler) as T | undefined) ?? (Reflect.getMetadata(key, route.controller) as T | undefined);
}

function describeCodes(codes: ErrorCode[]): string {
  return codes.map((c) => `- \`${c.code}\`: ${c.message}`).join('\n');
}

const errorResponse = (status: number, codes: ErrorCode[], headers?: HeadersObject): ResponseObject => ({
  description: `${REASONS[status] ?? 'Error'}:\n${describeCodes(codes)}`,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
  ...(headers ? { headers } : {}),
});

const ROLE_WORDS: Record<Role, string> = {
  admin: 'platform admins',
  coordinator: 'coordinators',
  innovator: 'innovators',
  municipality: 'municipality users',
};

/** Who may call the operation, as the global guard decides it (common/auth/auth.guard.ts). */
function accessNote(isPublic: boolean, roles: Role[] | undefined, forbidden: boolean): string {
  if (isPublic) return 'Access: public (no sign-in).';
  if (!roles || roles.length === 0) {
    return forbidden
      ? 'Access: signed-in users; the feature refuses some roles or records with 403 (see that response).'
      : 'Access: any signed-in user (the data is limited to their scope).';
  }
  const words = [...new Set([...roles, 'admin' as const])].map((r) => ROLE_WORDS[r]);
  return `Access: ${words.join(', ')} (the data is limited to their scope); other roles get 403.`;
}

/**
 * Completes every operation with what the guards and filters enforce, so that the document
 * cannot drift from them: the bearer security and a 401 unless the route is `@Public()`, a 403
 * for `@Roles()`, 400 and 500 everywhere, the domain errors of `@ApiErrors(...)` by status, the
 * throttler's headers, and an access note in the description. Fails when a route of the modules
 * has no operation in the document or an operation has no route (the two must match).
 */
export function addStandardResponses(document: OpenAPIObject, modules: (Type | DynamicModule)[]): void {
  const routes = routesOf(modules);
  let throttledRoutes = 0;
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue;
      const operation = value as OperationObject;
      const where = `${method.toUpperCase()} ${path}`;
      const route = operation.operationId ? routes.get(operation.operationId) : undefined;
      if (!route) throw new Error(`OpenAPI: no controller route for ${where} (operationId ${operation.operationId ?? 'missing'})`);
      seen.add(route.operationId);

      const isPublic = metadata<boolean>(IS_PUBLIC, route) === true;
      const roles = metadata<Role[]>(ROLES_KEY, route);
      const guards = [
        ...((Reflect.getMetadata(GUARDS_METADATA, route.controller) as Type[] | undefined) ?? []),
        ...((Reflect.getMetadata(GUARDS_METADATA, route.handler) as Type[] | undefined) ?? []),
      ];
      const throttled = guards.some((guard) => typeof guard === 'function' && guard.prototype instanceof ThrottlerGuard);
      const declared = [
        ...((Reflect.getMetadata(API_ERRORS_KEY, route.controller) as ErrorFactory[] | undefined) ?? []),
        ...((Reflect.getMetadata(API_ERRORS_KEY, route.handler) as ErrorFactory[] | undefined) ?? []),
      ].map(fromFactory);

      const codes: ErrorCode[] = [...BAD_REQUEST, INTERNAL];
      // a route that answers its own 503 (health) keeps it
      for (const code of ANY_ROUTE) if (!(code.status === 503 && operation.responses?.['503'])) codes.push(code);
      if (!isPublic) codes.push(fromFactory(CommonErrors.UNAUTHENTICATED));
      if (roles && roles.length > 0) codes.push(fromFactory(CommonErrors.FORBIDDEN));
      // the global guard: a user with a temporary password reaches only the change (common/auth/auth.guard.ts)
      if (!isPublic && metadata<boolean>(ALLOW_PENDING_PASSWORD_CHANGE, route) !== true) {
        codes.push(fromFactory(CommonErrors.PASSWORD_CHANGE_REQUIRED));
      }
      for (const code of declared) if (!codes.some((c) => c.code === code.code)) codes.push(code);
      if (throttled) throttledRoutes += 1;
      if (throttled && !codes.some((c) => c.status === 429)) {
        throw new Error(`OpenAPI: ${where} is throttled: declare its 429 error with @ApiErrors(...)`);
      }

      const responses = operation.responses as Record<string, ResponseObject>;
      for (const status of Object.keys(responses)) {
        // Error responses come from @ApiErrors(...) with the ApiError body, so that their codes are listed.
        if (/^4|^500$/.test(status)) throw new Error(`OpenAPI: ${where} declares its own ${status}: use @ApiErrors(...) instead`);
      }
      for (const status of [...new Set(codes.map((c) => c.status))].sort()) {
        responses[String(status)] = errorResponse(
          status,
          codes.filter((c) => c.status === status),
          status === 429 || status === 503 ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : undefined,
        );
      }
      if (throttled) {
        for (const [status, response] of Object.entries(responses)) {
          // The global auth guard answers 401 before the throttler runs on signed-in routes.
          if (/^[24]/.test(status) && !(status === '401' && !isPublic)) response.headers = { ...response.headers, ...RATE_LIMIT_REFS };
        }
      }

      const security = operation.security ?? [];
      if (!isPublic && !security.some((s) => 'bearer' in s)) operation.security = [...security, { bearer: [] }];
      if (isPublic && security.some((s) => 'bearer' in s)) throw new Error(`OpenAPI: ${where} is @Public() but declares bearer security`);
      const note = accessNote(
        isPublic,
        roles,
        codes.some((c) => c.status === 403 && c.code !== 'PASSWORD_CHANGE_REQUIRED'),
      );
      operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
    }
  }
  document.components = {
    ...document.components,
    headers: { ...document.components?.headers, ...(throttledRoutes > 0 ? RATE_LIMIT_HEADERS : {}), ...RETRY_AFTER },
  };
  const missing = [...routes.keys()].filter((id) => !seen.has(id));
  if (missing.length > 0) throw new Error(`OpenAPI: routes without an operation in the document: ${missing.join(', ')}`);
}

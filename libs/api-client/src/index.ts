/**
 * The typed client of Trama's API, generated from the committed OpenAPI document
 * (libs/api-client/openapi.json, written from the server's decorators by `npm run openapi`):
 * `src/generated/openapi.ts` holds the paths, operations and schemas (openapi-typescript, `npm run
 * api-client`), and `createApiClient` gives an openapi-fetch client over them: typed paths, path and
 * query parameters, bodies and responses. Transport concerns (session, refresh, errors) are the
 * caller's: the web app passes its own `fetch` (apps/web/src/lib/api/api-client.ts).
 */
import createClient, { type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './generated/openapi';

export type { components, operations, paths } from './generated/openapi';

/** A schema of the document by name: `Schema<'ActivityResponseDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** An operation of the document by its operationId (the controller method's name: `listActivities`). */
export type OperationId = keyof operations;

type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204;
type Responses<Op extends OperationId> = operations[Op]['responses'];

/** The JSON body of an operation's success answer(s): `ResponseOf<'getActivity'>`. */
export type ResponseOf<Op extends OperationId> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, SuccessStatus>]>;

/** The JSON body an operation takes: `RequestBodyOf<'createActivity'>`. */
export type RequestBodyOf<Op extends OperationId> = JsonContent<NonNullable<operations[Op]['requestBody']>>;

/** An operation's query parameters: `QueryOf<'listActivities'>`. */
export type QueryOf<Op extends OperationId> = NonNullable<operations[Op]['parameters']['query']>;

export function createApiClient(options: ClientOptions = {}) {
  return createClient<paths>(options);
}

export type ApiClient = ReturnType<typeof createApiClient>;

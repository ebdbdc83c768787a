import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

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

/**
 * The OpenAPI document of the API, from the controllers' and DTOs' decorators. One function for
 * the document served at /api/docs and the committed `libs/api-client/openapi.json`
 * (`npm run openapi`), so that the two cannot differ. Call it after `setGlobalPrefix('api')`.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Trama API')
    .setDescription('Case management for the metropolitan innovators')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // The controller method names read as API operations (listActivities, submitActivity): the
    // generated client calls them by these names, so they must be unique across controllers.
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  assertUniqueOperationIds(document);
  return sortKeys(document);
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

/** The document as committed: two-space JSON with a trailing newline (what Prettier writes). */
export function serializeOpenApiDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

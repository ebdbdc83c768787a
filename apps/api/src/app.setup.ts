import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { sendApiError, toApiError } from './common/errors/error.filter';
import { compressJson } from './common/http/json-compression';
import { formBodyParser, jsonBodyParser, rejectIllFormedText } from './common/http/request-input';
import { createValidationPipe } from './common/http/validation';
import { webAppHandlers } from './common/http/web-app';
import type { AppConfig } from './config/config';
import { createOpenApiDocument } from './openapi/openapi-document';

export const BODY_LIMIT = '1mb';
/** Every API route is under /api (the web app owns the other paths). */
export const API_PREFIX = 'api';

function tileOrigin(tileUrl: string): string[] {
  try {
    const host = new URL(tileUrl.replace(/\{[a-z]\}/g, 'a')).host.replace(/^a\./, '*.');
    return [`https://${host}`, `http://${host}`];
  } catch {
    return [];
  }
}

/** Everything the HTTP app needs beyond its modules; shared by main.ts and the integration tests. */
export function configureApp(nest: INestApplication, config: AppConfig): void {
  const app = nest as NestExpressApplication;
  app.useLogger(app.get(Logger));
  // The client's address (sign-in throttle and back-off, audit) comes from X-Forwarded-For only
  // through the proxies TRUST_PROXY names; by default none, so that header is ignored.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.setGlobalPrefix(API_PREFIX);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigin(config.tileUrl)],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.enableCors({ origin: [config.appOrigin], credentials: true });
  app.use(cookieParser());
  // Bodies are bounded (size, depth, UTF-8) while parsed, then every text of the path, query and
  // body is checked once, before any guard, pipe or DTO (common/http/request-input.ts).
  app.use(jsonBodyParser(BODY_LIMIT));
  app.use(formBodyParser(BODY_LIMIT));
  app.use(rejectIllFormedText());
  // Parser and text errors happen before Nest's pipeline: give them the same JSON shape.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    sendApiError(res, toApiError(error));
  });
  app.useGlobalPipes(createValidationPipe());
  app.use(compressJson());

  // The same document as the committed libs/api-client/openapi.json (`npm run openapi`).
  const document = createOpenApiDocument(app);
  if (config.apiDocs) SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  // The built web app, on the same port: pre-compressed static files, then the SPA's index.html for
  // any non-API path (common/http/web-app.ts).
  const web = webAppHandlers(config.webDist);
  if (web) app.use(...web);
}

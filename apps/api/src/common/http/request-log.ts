import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/config';

/**
 * One line per request with what an operator reads: the request's id, method and URL, the status
 * and the time taken. Never the request or response headers (they repeated a dozen security
 * headers on every line, and credentials travel in them), never bodies.
 */
export function requestLogOptions(config: Pick<AppConfig, 'logLevel' | 'env'>): Options {
  return {
    level: config.logLevel,
    // Defence in depth, should a serializer ever let headers through: credentials are never logged.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/api/health' },
    ...(config.env === 'development' ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
  };
}

import { existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Hashed file names (Vite's `assets/`): a new build gives a changed file a new name, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and the service worker: always asked again (a 304 when unchanged), so a deploy is seen at once. */
export const REVALIDATE = 'no-cache';
/** Other public files (favicon): an hour. */
export const SHORT = 'public, max-age=3600';

const ALWAYS_REVALIDATED = new Set(['index.html', 'sw.js', 'service-worker.js', 'manifest.webmanifest']);

/** Workbox's runtime beside sw.js: its name carries its content hash, as the assets' do. */
const HASHED_ROOT_FILE = /^workbox-[0-9a-f]{6,}\.js(\.map)?$/;

/**
 * The service worker's own files: never answered with the page when missing (a service worker that
 * imports HTML fails to install; an old tab asking for the previous build's Workbox gets a 404).
 */
const NO_PAGE_FALLBACK = /^\/(sw\.js|service-worker\.js|registerSW\.js|manifest\.webmanifest|workbox-[\w-]+\.js)(\.map)?$/;

/** The Cache-Control of a file of the build, by its path relative to the build folder (a .br/.gz variant counts as its original). */
export function cacheControlFor(path: string): string {
  const original = path.replace(/\.(br|gz)$/, '');
  if (original.startsWith('assets/') || HASHED_ROOT_FILE.test(original)) return IMMUTABLE;
  if (ALWAYS_REVALIDATED.has(basename(original))) return REVALIDATE;
  return SHORT;
}

/**
 * The built web app (dist/apps/web), on the API's port: its files, then index.html for any other
 * GET outside /api (the app's own routes). Every file is served pre-compressed when the browser
 * accepts it — brotli first, then gzip — from the .br/.gz written beside it at build time
 * (vite.config.ts), with `Vary: Accept-Encoding`; nothing is compressed per request.
 * Returns null when the folder holds no build (API-only deployments, tests).
 */
export function webAppHandlers(webDist: string): RequestHandler[] | null {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return null;
  const files = expressStaticGzip(webDist, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders: (res: ServerResponse, path: string) => {
        res.setHeader('Cache-Control', cacheControlFor(relative(webDist, path).split(sep).join('/')));
      },
    },
  }) as RequestHandler;
  const spa: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    // A missing hashed file (an old tab asking for a chunk of the previous build) is a 404, not the page:
    // the app's error page then offers a reload, instead of parsing HTML as JavaScript.
    if (req.path.startsWith('/assets/') || NO_PAGE_FALLBACK.test(req.path)) return next();
    req.url = '/index.html';
    files(req, res, next);
  };
  return [files, spa];
}

import { isUtf8 } from 'node:buffer';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { CommonErrors, type FieldProblem } from '../errors/app-error';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';
import { findEncodingProblems, findTextProblems, textProblem } from './text-integrity';

/**
 * The parsers and the text check every request goes through before Nest's pipeline (guards,
 * pipes, DTOs): what is refused here can never reach class-transformer, a validator or PostgreSQL,
 * whatever the route and whoever calls it, including the anonymous sign-in.
 */

/**
 * `application/json`, up to `limit`, refused before `JSON.parse` when it is not UTF-8 (RFC 8259),
 * not valid UTF-8 (the decoder would silently put U+FFFD in its place), or nested deeper than
 * MAX_JSON_DEPTH (a 100,000-level body is refused after scanning its first bytes).
 */
export function jsonBodyParser(limit: string): RequestHandler {
  return express.json({
    limit,
    verify: (_req, _res, bytes: Buffer, encoding: string) => {
      if (encoding !== 'utf-8') throw CommonErrors.UNSUPPORTED_MEDIA_TYPE(`JSON request bodies must be UTF-8, not ${encoding}`);
      if (!isUtf8(bytes)) throw CommonErrors.INVALID_TEXT('The request body is not valid UTF-8');
      if (exceedsJsonDepth(bytes, MAX_JSON_DEPTH)) {
        throw CommonErrors.BODY_TOO_DEEP(`The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`);
      }
    },
  });
}

/** `application/x-www-form-urlencoded` (flat: `extended: false`), refused when its percent-encoding is not UTF-8. */
export function formBodyParser(limit: string): RequestHandler {
  return express.urlencoded({
    extended: false,
    limit,
    verify: (_req, _res, bytes: Buffer) => {
      if (!isUtf8(bytes)) throw CommonErrors.INVALID_TEXT('The request body is not valid UTF-8');
      const problems = findEncodingProblems(bytes.toString('utf8'));
      if (problems.length > 0) throw invalidText(problems);
    },
  });
}

function invalidText(problems: FieldProblem[]) {
  return CommonErrors.INVALID_TEXT(problems.map((p) => p.messages.join('; ')).join('; '), problems);
}

function rawQuery(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}

function pathProblem(path: string): boolean {
  if (!path.includes('%')) return false;
  try {
    return textProblem(decodeURIComponent(path)) !== null;
  } catch {
    return true; // not UTF-8: the router would answer "Failed to decode param" with the raw text
  }
}

/**
 * Refuses NUL characters, unpaired surrogates and non-UTF-8 percent-encoding anywhere in the path,
 * the query string (names and values) and the parsed body (values and keys at any depth), with a
 * 400 `INVALID_TEXT` naming each field. Runs after the body parsers, before routing.
 *
 * Headers need no check: Node's HTTP parser refuses a NUL in a header (400), and header values
 * are read as Latin-1 bytes, which cannot form a surrogate. The refresh cookie is only hashed.
 */
export function rejectIllFormedText(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (pathProblem(req.path)) {
      return next(invalidText([{ field: 'path', messages: ['the path contains a NUL character or is not valid UTF-8 percent-encoding'] }]));
    }
    const query = rawQuery(req.originalUrl);
    const problems = query ? findEncodingProblems(query) : [];
    if (problems.length === 0 && query) findTextProblems(req.query, '', problems);
    if (problems.length === 0 && req.body !== undefined) findTextProblems(req.body, '', problems);
    next(problems.length > 0 ? invalidText(problems) : undefined);
  };
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_ERROR_CODES, LANGUAGES } from '@trama/contracts';
import { AppError } from './app-error';
import { FILTER_CODES } from './error.filter';

/**
 * Every error code the API can produce has a text in the web's catalogues, in Italian and English
 * (`errors.<CODE>`), and every field code one too (`validation.server.<CODE>`): the interface shows
 * the text for the code, never the server's English sentence (docs/i18n.md). The codes come from
 * every `defineErrors` registry (all of `src/**` that exports one), the error filter's own codes,
 * and every code the committed OpenAPI document names in its error responses.
 */

const SRC = join(__dirname, '..', '..');
const REPO = join(SRC, '..', '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** The codes of every registry: modules exporting objects of error factories (`defineErrors`). */
function registryCodes(): Set<string> {
  const codes = new Set<string>();
  const sources = files(SRC).filter((path) => readFileSync(path, 'utf8').includes('defineErrors('));
  for (const path of sources) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each file that declares a registry, loaded as the app loads it
    const module = require(path) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      if (!exported || typeof exported !== 'object') continue;
      for (const factory of Object.values(exported as Record<string, unknown>)) {
        if (typeof factory === 'function' && typeof (factory as { code?: unknown }).code === 'string') {
          const error = (factory as () => unknown)();
          if (error instanceof AppError) codes.add(error.code);
        }
      }
    }
  }
  return codes;
}

/** The codes the committed document lists in its error responses (`- \`CODE\`: …`). */
function documentCodes(): Set<string> {
  const text = readFileSync(join(REPO, 'libs', 'api-client', 'openapi.json'), 'utf8');
  return new Set([...text.matchAll(/- `([A-Z][A-Z0-9_]+)`:/g)].map((m) => m[1]));
}

function catalogue(language: string): Record<string, Record<string, unknown>> {
  return JSON.parse(readFileSync(join(REPO, 'apps', 'web', 'src', 'lib', 'i18n', `${language}.json`), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
}

describe('the error catalogue', () => {
  const registries = registryCodes();
  const inDocument = documentCodes();
  const codes = [...new Set([...registries, ...FILTER_CODES, ...inDocument])].sort();

  it('finds the codes of every registry and of the document', () => {
    // the registries are found (a broken scan would make the check below pass on nothing)
    expect(registries.size).toBeGreaterThan(30);
    expect([...registries]).toEqual(expect.arrayContaining(['ACTIVITY_NOT_FOUND', 'STALE_VERSION', 'INVALID_CREDENTIALS']));
    expect(inDocument.size).toBeGreaterThan(20);
  });

  it.each(LANGUAGES)('has a text in %s for every error code the API can produce', (language) => {
    const errors = catalogue(language).errors ?? {};
    const missing = codes.filter((code) => typeof errors[code] !== 'string' || !errors[code]);
    if (missing.length > 0) {
      throw new Error(
        `apps/web/src/lib/i18n/${language}.json has no "errors.<CODE>" text for: ${missing.join(', ')}.\n` +
          'Add one per code (Italian first, in both it.json and en.json): the web shows it instead of the server message.',
      );
    }
  });

  it.each(LANGUAGES)('has a text in %s for every field code', (language) => {
    const server = ((catalogue(language).validation ?? {}) as Record<string, unknown>).server as Record<string, unknown> | undefined;
    const missing = FIELD_ERROR_CODES.filter((code) => typeof server?.[code] !== 'string');
    if (missing.length > 0) {
      throw new Error(`apps/web/src/lib/i18n/${language}.json has no "validation.server.<CODE>" text for: ${missing.join(', ')}.`);
    }
  });
});

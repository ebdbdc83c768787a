import { createHash } from 'node:crypto';
import type { LinkArrays } from './network';
import { encodeReasons } from './reason-codec';
import { choosing, inSlices, type ModelOptions, type ModelSettings, type OrganizationProfile, preparing, type Suggestion } from './suggest';

/*
 * The recompute's form of the model's output (docs/collaborations.md "Stored suggestions"): each
 * suggestion as one line of `COPY collaboration_open_suggestions (tenant_id, organization_a, …) FROM
 * STDIN` (text format), handed to the COPY as the model finds it, so PostgreSQL loads the open table on
 * its own core while the model computes (at 124,000 suggestions the load was 2–2.6 s after the model).
 */

/** A value in COPY's text format: its backslashes, tabs and line ends escaped. */
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export const copyText = (v: string) => v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]);

/** The columns of the line, in order (the COPY statement's column list). */
export const OPEN_LINE_COLUMNS = [
  'tenant_id',
  'organization_a',
  'organization_b',
  'municipality_a',
  'municipality_b',
  'themes',
  'score',
  'reasons_text',
  'reasons_key',
] as const;

/** The line of a suggestion of `first` and `second` (its `a` and `b`), without its line end. */
export function openLine(tenantId: string, s: Suggestion, first: OrganizationProfile, second: OrganizationProfile): string {
  const themes = [...new Set([...first.themes, ...second.themes])].sort();
  return [
    tenantId,
    s.a,
    s.b,
    first.municipalityId ?? '\\N',
    second.municipalityId ?? '\\N',
    copyText(`{${themes.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`),
    String(s.score),
    copyText(encodeReasons(s.reasons)),
    createHash('md5').update(s.reasonsKey).digest('hex'),
  ].join('\t');
}

/**
 * The tenant's suggestions as COPY lines handed to `sink` in chunks (about 2,000 lines each) as the loop
 * finds them, in the order found; returns their count and Louvain's communities.
 */
export async function streamLines(
  tenantId: string,
  organizations: readonly OrganizationProfile[],
  links: LinkArrays,
  neighbours: ReadonlyMap<string, readonly string[]>,
  settings: ModelSettings,
  names: ReadonlyMap<string, string>,
  options: ModelOptions,
  sink: (chunk: string) => void,
  sliceMs = 40,
): Promise<{ count: number; communities: Map<string, number> }> {
  let batch: string[] = [];
  let count = 0;
  const model = await inSlices(
    (function* () {
      const model = yield* preparing(organizations, links, neighbours, options);
      yield* choosing(model, settings, options, names, (f, s, build) => {
        batch.push(openLine(tenantId, build(), organizations[f], organizations[s]));
        count++;
        if (batch.length >= 2_000) {
          sink(batch.join('\n') + '\n');
          batch = [];
        }
      });
      return model;
    })(),
    sliceMs,
  );
  if (batch.length > 0) sink(batch.join('\n') + '\n');
  options.progress?.(1);
  return { count, communities: model.communities };
}

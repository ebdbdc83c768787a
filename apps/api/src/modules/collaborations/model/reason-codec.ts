import { COLLABORATION_REASON_CODES, type CollaborationFactor, type CollaborationReasonCode } from '@trama/contracts';
import type { Reason, ReasonParams } from './suggest';

/**
 * The reasons of a suggestion as a short text, the form they are stored in (`collaboration_suggestions
 * .reasons_text`, migration 1764860000000): at 125,000 suggestions per tenant the ~1 KB of jsonb a
 * pair's reasons took was most of what a recompute wrote (docs/benchmarks.md, "Collaboration model").
 *
 * `code contribution key=v,v key=v;code contribution…`: one reason per `;`, its fields by a space; every
 * value is percent-encoded (`encodeURIComponent`), so a municipality's name may hold any character.
 * The vocabularies' values (resources, themes, target groups, kinds) are slugs and stay as they are.
 * `decodeReasons(encodeReasons(r))` equals `r` (a property test checks it).
 */

const FACTOR_OF: Record<CollaborationReasonCode, CollaborationFactor> = {
  offers_meet_needs: 'complementarity',
  shared_themes: 'themes',
  shared_target_groups: 'targetGroups',
  same_municipality: 'territory',
  neighbouring_municipalities: 'territory',
  rare_kinds: 'kindRarity',
  no_path: 'distance',
  far_in_network: 'distance',
  different_communities: 'distance',
};

type ListParam = 'offersToSecond' | 'offersToFirst' | 'themes' | 'targetGroups' | 'kinds';
const LISTS: readonly [ListParam, string][] = [
  ['offersToSecond', 'o2'],
  ['offersToFirst', 'o1'],
  ['themes', 't'],
  ['targetGroups', 'g'],
  ['kinds', 'k'],
];
const LIST_BY_KEY = new Map(LISTS.map(([name, key]) => [key, name]));
const CODES = new Set<string>(COLLABORATION_REASON_CODES);

/** The factor a reason's code belongs to. */
export const factorOf = (code: CollaborationReasonCode): CollaborationFactor => FACTOR_OF[code];

export function encodeReasons(reasons: readonly Reason[]): string {
  return reasons
    .map((r) => {
      const fields = [r.code, String(r.contribution)];
      const p = r.params;
      for (const [name, key] of LISTS) {
        const values = p[name];
        if (values) fields.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
      }
      if (p.hops !== undefined) fields.push(`h=${p.hops}`);
      if (p.municipality !== undefined) fields.push(`m=${encodeURIComponent(p.municipality)}`);
      return fields.join(' ');
    })
    .join(';');
}

/** The reasons of a stored text; throws on a text this module did not write. */
export function decodeReasons(text: string): Reason[] {
  if (text === '') return [];
  return text.split(';').map((part) => {
    const [code, contribution, ...fields] = part.split(' ');
    if (!CODES.has(code) || contribution === undefined || !Number.isFinite(Number(contribution)))
      throw new Error(`not a stored reason: ${part.slice(0, 80)}`);
    const params: ReasonParams = {};
    for (const field of fields) {
      const eq = field.indexOf('=');
      const key = field.slice(0, eq);
      const value = field.slice(eq + 1);
      const list = LIST_BY_KEY.get(key);
      if (list) params[list] = value === '' ? [] : value.split(',').map(decodeURIComponent);
      else if (key === 'h') params.hops = Number(value);
      else if (key === 'm') params.municipality = decodeURIComponent(value);
      else throw new Error(`not a stored reason: ${part.slice(0, 80)}`);
    }
    const c = code as CollaborationReasonCode;
    return { code: c, factor: FACTOR_OF[c], contribution: Number(contribution), params };
  });
}

import {
  COLLABORATION_FACTORS,
  type CollaborationFactor,
  type CollaborationReasonCode,
  ORGANIZATION_KINDS,
  RESOURCES,
  TARGET_GROUPS,
  THEMES,
} from '@trama/contracts';
import { Adjacency, buildGraph, communitiesOf, type Edge, pairKey } from './network';

/*
 * The suggestion model (docs/collaborations.md): pure functions, no I/O, unit-tested on hand-built
 * cases (suggest.spec.ts). A pair is suggested when it is DISTANT in the network (no path, more
 * than `maxHops` hops, or different Louvain communities) and COMPLEMENTARY (one's offers meet the
 * other's needs, or shared themes). Its score (0–100) is the sum of one contribution per factor:
 * 100 × weight × value / (sum of the weights), each value in [0, 1], so a weight of 0 removes its
 * factor and the contributions always add up to the score.
 *
 * Candidates never enumerate all pairs: each organization looks only at the organizations of its own
 * and neighbouring municipalities that need what it offers or share one of its themes (inverted
 * indexes per municipality), at most `candidatesPerOrganization` of them, and keeps its best
 * `perOrganization` suggestions.
 */

export interface OrganizationProfile {
  id: string;
  name?: string;
  kind: string;
  municipalityId: string;
  themes: readonly string[];
  targetGroups: readonly string[];
  offers: readonly string[];
  needs: readonly string[];
}

export type Weights = Record<CollaborationFactor, number>;

export interface ModelSettings {
  weights: Weights;
  maxHops: number;
  minScore: number;
}

export interface ModelOptions {
  /** organizations each one looks at (default 200) */
  candidatesPerOrganization?: number;
  /** suggestions each organization keeps, before the pairs are merged (default 5) */
  perOrganization?: number;
  /** Louvain's seed (default 42) */
  seed?: number;
  /** called with the share done, 0..1 */
  progress?: (share: number) => void;
}

export interface ReasonParams {
  offersToSecond?: string[];
  offersToFirst?: string[];
  themes?: string[];
  targetGroups?: string[];
  kinds?: string[];
  hops?: number;
  municipality?: string;
}

export interface Reason {
  code: CollaborationReasonCode;
  factor: CollaborationFactor;
  /** points added to the score, one decimal */
  contribution: number;
  params: ReasonParams;
}

export interface Suggestion {
  /** a < b */
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
  /** what identifies the reasons (a dismissed pair comes back only when it changes) */
  reasonsKey: string;
}

/** The relation of two organizations in the network. */
export interface Distance {
  noPath: boolean;
  /** hops when at most maxHops; null when farther (or no path) */
  hops: number | null;
  differentCommunities: boolean;
}

/* ---------- bit sets of the vocabularies: intersections are one AND ---------- */

function bitsOf(vocabulary: readonly string[]) {
  const index = new Map(vocabulary.map((v, i) => [v, i]));
  return {
    mask: (values: readonly string[]) => values.reduce((m, v) => (index.has(v) ? m | (1 << index.get(v)!) : m), 0),
    values: (mask: number) => vocabulary.filter((_, i) => mask & (1 << i)),
  };
}
const themeBits = bitsOf(THEMES);
const resourceBits = bitsOf(RESOURCES);
const groupBits = bitsOf(TARGET_GROUPS);

function popcount(n: number): number {
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}

/* ---------- the factors, each a value in [0, 1] ---------- */

/** Offers meeting needs, both ways: 1 resource → 0.5, 2 or more → 1. */
export function complementarity(aOffers: number, aNeeds: number, bOffers: number, bNeeds: number): number {
  return Math.min(1, (popcount(aOffers & bNeeds) + popcount(bOffers & aNeeds)) / 2);
}

/** Shared themes or target groups: 1 shared → 0.5, 2 or more → 1. */
export function overlap(a: number, b: number): number {
  return Math.min(1, popcount(a & b) / 2);
}

/** Same municipality 1, neighbouring 0.5, else 0. */
export function territoryValue(same: boolean, neighbouring: boolean): number {
  return same ? 1 : neighbouring ? 0.5 : 0;
}

/**
 * How rarely two kinds work together: 1 − observed/expected links between them (never below 0),
 * expected from the kinds' shares of the organizations as if links were drawn at random. Kinds that
 * never meet in a network that has links score 1; in a network without links, different kinds 1 and
 * the same kind 0.
 */
export class KindRarity {
  private readonly share = new Map<string, number>();
  private readonly observed = new Map<string, number>();
  private readonly total: number;

  constructor(kindOf: ReadonlyMap<string, string>, edges: readonly Edge[]) {
    const n = kindOf.size;
    for (const kind of kindOf.values()) this.share.set(kind, (this.share.get(kind) ?? 0) + 1 / n);
    for (const e of edges) {
      const ka = kindOf.get(e.a);
      const kb = kindOf.get(e.b);
      if (ka === undefined || kb === undefined) continue;
      const key = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
      this.observed.set(key, (this.observed.get(key) ?? 0) + 1);
    }
    this.total = edges.length;
  }

  value(ka: string, kb: string): number {
    if (this.total === 0) return ka === kb ? 0 : 1;
    const expected = this.total * (this.share.get(ka) ?? 0) * (this.share.get(kb) ?? 0) * (ka === kb ? 1 : 2);
    if (expected <= 0) return 1;
    const observed = this.observed.get(ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`) ?? 0;
    return Math.max(0, 1 - observed / expected);
  }
}

/** Distant: no path, farther than maxHops, or in different communities. Its value: 1 no path; 0.6 far + 0.4 other community. */
export function distanceValue(d: Distance): number {
  if (d.noPath) return 1;
  return (d.hops === null ? 0.6 : 0) + (d.differentCommunities ? 0.4 : 0);
}

export function isDistant(d: Distance): boolean {
  return d.noPath || d.hops === null || d.differentCommunities;
}

/* ---------- one pair's score ---------- */

export interface PairFacts {
  aOffers: number;
  aNeeds: number;
  bOffers: number;
  bNeeds: number;
  aThemes: number;
  bThemes: number;
  aGroups: number;
  bGroups: number;
  sameMunicipality: boolean;
  neighbouring: boolean;
  /** the other municipality's name, for the words of the reason */
  neighbourName?: string;
  kinds: [string, string];
  kindRarity: number;
  distance: Distance;
  maxHops: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The score of a pair and its reasons (one per contributing factor), or null when not distant or not complementary. */
export function scorePair(f: PairFacts, weights: Weights): { score: number; reasons: Reason[] } | null {
  if (!isDistant(f.distance)) return null;
  const compl = complementarity(f.aOffers, f.aNeeds, f.bOffers, f.bNeeds);
  const themes = overlap(f.aThemes, f.bThemes);
  if (compl === 0 && themes === 0) return null;
  const sum = COLLABORATION_FACTORS.reduce((s, k) => s + weights[k], 0);
  if (sum <= 0) return null;
  const reasons: Reason[] = [];
  const add = (factor: CollaborationFactor, value: number, code: CollaborationReasonCode, params: ReasonParams) => {
    const contribution = round1((100 * weights[factor] * value) / sum);
    if (contribution > 0) reasons.push({ code, factor, contribution, params });
  };
  add('complementarity', compl, 'offers_meet_needs', {
    offersToSecond: resourceBits.values(f.aOffers & f.bNeeds),
    offersToFirst: resourceBits.values(f.bOffers & f.aNeeds),
  });
  add('themes', themes, 'shared_themes', { themes: themeBits.values(f.aThemes & f.bThemes) });
  add('targetGroups', overlap(f.aGroups, f.bGroups), 'shared_target_groups', {
    targetGroups: groupBits.values(f.aGroups & f.bGroups),
  });
  add(
    'territory',
    territoryValue(f.sameMunicipality, f.neighbouring),
    f.sameMunicipality ? 'same_municipality' : 'neighbouring_municipalities',
    f.sameMunicipality || !f.neighbourName ? {} : { municipality: f.neighbourName },
  );
  add('kindRarity', f.kindRarity, 'rare_kinds', { kinds: [...f.kinds] });
  const d = f.distance;
  if (d.noPath) add('distance', 1, 'no_path', {});
  else {
    if (d.hops === null) add('distance', 0.6, 'far_in_network', { hops: f.maxHops });
    if (d.differentCommunities) add('distance', 0.4, 'different_communities', {});
  }
  // each part is rounded to one decimal: six rounded parts of a full score can add up to 100.3, so the
  // excess comes off the largest part and the parts still add up to the score
  let score = round1(reasons.reduce((s, r) => s + r.contribution, 0));
  if (score > 100) {
    const largest = reasons.reduce((m, r) => (r.contribution > m.contribution ? r : m));
    largest.contribution = round1(largest.contribution - (score - 100));
    score = 100;
  }
  return { score, reasons };
}

/** Each factor's points at value 1 (100 × weight / Σ weights), or null when every weight is 0. */
export function coefficients(weights: Weights): Weights | null {
  const sum = COLLABORATION_FACTORS.reduce((s, k) => s + weights[k], 0);
  if (sum <= 0) return null;
  return Object.fromEntries(COLLABORATION_FACTORS.map((k) => [k, (100 * weights[k]) / sum])) as Weights;
}

/** The score alone (no reasons built): the same number scorePair gives, for ranking many candidates. */
export function quickScore(f: PairFacts, c: Weights | null): number | null {
  if (!c || !isDistant(f.distance)) return null;
  const compl = complementarity(f.aOffers, f.aNeeds, f.bOffers, f.bNeeds);
  const themes = overlap(f.aThemes, f.bThemes);
  if (compl === 0 && themes === 0) return null;
  const d = f.distance;
  const distance = d.noPath
    ? round1(c.distance)
    : (d.hops === null ? round1(c.distance * 0.6) : 0) + (d.differentCommunities ? round1(c.distance * 0.4) : 0);
  const total = round1(
    round1(c.complementarity * compl) +
      round1(c.themes * themes) +
      round1(c.targetGroups * overlap(f.aGroups, f.bGroups)) +
      round1(c.territory * territoryValue(f.sameMunicipality, f.neighbouring)) +
      round1(c.kindRarity * f.kindRarity) +
      distance,
  );
  return Math.min(100, total); // as scorePair: rounded parts never take the score over 100
}

/** What a dismissal remembers: the reasons' codes and their parameters (not the numbers, which move with the weights). */
export function reasonsKey(reasons: readonly Reason[]): string {
  return reasons
    .map((r) => `${r.code}:${JSON.stringify(r.params)}`)
    .sort()
    .join(';');
}

/* ---------- the whole tenant ---------- */

interface Indexed {
  p: OrganizationProfile;
  offers: number;
  needs: number;
  themes: number;
  groups: number;
}

function hashOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The suggestions of a tenant: the distant, complementary pairs, best first. `neighbours` maps a
 * municipality to those that touch it; `municipalityNames` names them in the reasons.
 */
export function suggest(
  organizations: readonly OrganizationProfile[],
  edges: readonly Edge[],
  neighbours: ReadonlyMap<string, readonly string[]>,
  settings: ModelSettings,
  options: ModelOptions = {},
  municipalityNames: ReadonlyMap<string, string> = new Map(),
): { suggestions: Suggestion[]; communities: Map<string, number> } {
  const candidatesPerOrganization = options.candidatesPerOrganization ?? 200;
  const perOrganization = options.perOrganization ?? 5;
  const index = new Map(organizations.map((o, i) => [o.id, i]));
  const known = edges.filter((e) => index.has(e.a) && index.has(e.b));
  const communities = communitiesOf(
    buildGraph(
      organizations.map((o) => o.id),
      known,
    ),
    options.seed ?? 42,
  );
  options.progress?.(0.2);
  const adjacency = new Adjacency(
    organizations.length,
    known.map((e) => [index.get(e.a)!, index.get(e.b)!]),
  );
  const components = adjacency.components();
  const community = Int32Array.from(organizations, (o) => communities.get(o.id) ?? -1);
  const rarity = new KindRarity(new Map(organizations.map((o) => [o.id, o.kind])), known);
  const rarityOf = new Map<string, number>();
  const kindRarity = (ka: string, kb: string) => {
    const k = `${ka}|${kb}`;
    let r = rarityOf.get(k);
    if (r === undefined) rarityOf.set(k, (r = rarity.value(ka, kb)));
    return r;
  };

  const orgs: Indexed[] = organizations.map((p) => ({
    p,
    offers: resourceBits.mask(p.offers),
    needs: resourceBits.mask(p.needs),
    themes: themeBits.mask(p.themes),
    groups: groupBits.mask(p.targetGroups),
  }));
  // inverted indexes per municipality: who needs a resource, who works on a theme
  const needIndex = new Map<string, number[]>();
  const themeIndex = new Map<string, number[]>();
  const push = (idx: Map<string, number[]>, key: string, i: number) => {
    const list = idx.get(key);
    if (list) list.push(i);
    else idx.set(key, [i]);
  };
  orgs.forEach((o, i) => {
    for (const r of o.p.needs) push(needIndex, `${o.p.municipalityId}|${r}`, i);
    for (const t of o.p.themes) push(themeIndex, `${o.p.municipalityId}|${t}`, i);
  });

  const best = new Map<string, Suggestion>();
  const progressEvery = Math.max(1, Math.floor(orgs.length / 20));
  const seen = new Int32Array(orgs.length).fill(-1);
  const coefs = coefficients(settings.weights);
  orgs.forEach((a, ai) => {
    if (ai % progressEvery === 0) options.progress?.(0.2 + (0.8 * ai) / orgs.length);
    const places = [a.p.municipalityId, ...(neighbours.get(a.p.municipalityId) ?? [])];
    const live: number[][] = [];
    for (const m of places) {
      for (const r of a.p.offers) {
        const l = needIndex.get(`${m}|${r}`);
        if (l) live.push(l);
      }
      for (const t of a.p.themes) {
        const l = themeIndex.get(`${m}|${t}`);
        if (l) live.push(l);
      }
    }
    if (live.length === 0) return;
    // round-robin over the lists from a starting point of its own, so that neighbours spread over the candidates
    seen[ai] = ai;
    const candidates: number[] = [];
    const start = hashOf(a.p.id);
    const longest = live.reduce((m, l) => Math.max(m, l.length), 0);
    for (let step = 0; step < longest && candidates.length < candidatesPerOrganization; step++) {
      for (const list of live) {
        if (step >= list.length) continue;
        const j = list[(start + step) % list.length];
        if (seen[j] === ai) continue;
        seen[j] = ai;
        candidates.push(j);
        if (candidates.length >= candidatesPerOrganization) break;
      }
    }
    adjacency.explore(ai, settings.maxHops);
    const scored: { bi: number; facts: PairFacts; score: number }[] = [];
    for (const bi of candidates) {
      const b = orgs[bi];
      const distance: Distance = {
        noPath: components[ai] !== components[bi],
        hops: adjacency.hops(ai, bi),
        differentCommunities: community[ai] !== community[bi],
      };
      if (!isDistant(distance)) continue;
      const [first, second] = a.p.id < b.p.id ? [a, b] : [b, a];
      const same = first.p.municipalityId === second.p.municipalityId;
      const facts: PairFacts = {
        aOffers: first.offers,
        aNeeds: first.needs,
        bOffers: second.offers,
        bNeeds: second.needs,
        aThemes: first.themes,
        bThemes: second.themes,
        aGroups: first.groups,
        bGroups: second.groups,
        sameMunicipality: same,
        neighbouring: !same,
        neighbourName: same ? undefined : municipalityNames.get(second.p.municipalityId),
        kinds: [first.p.kind, second.p.kind],
        kindRarity: kindRarity(first.p.kind, second.p.kind),
        distance,
        maxHops: settings.maxHops,
      };
      const score = quickScore(facts, coefs);
      if (score === null || score < settings.minScore) continue;
      scored.push({ bi, facts, score });
    }
    scored.sort((x, y) => y.score - x.score || (orgs[x.bi].p.id < orgs[y.bi].p.id ? -1 : 1));
    for (const { bi, facts } of scored.slice(0, perOrganization)) {
      const other = orgs[bi].p.id;
      const [x, y] = a.p.id < other ? [a.p.id, other] : [other, a.p.id];
      const full = scorePair(facts, settings.weights)!;
      best.set(pairKey(x, y), { a: x, b: y, ...full, reasonsKey: reasonsKey(full.reasons) });
    }
  });
  options.progress?.(1);
  const suggestions = [...best.values()].sort((x, y) => y.score - x.score || (pairKey(x.a, x.b) < pairKey(y.a, y.b) ? -1 : 1));
  return { suggestions, communities };
}

/** Every kind of organization, for tests and the evaluation. */
export const KINDS = ORGANIZATION_KINDS;

import {
  COLLABORATION_FACTORS,
  type CollaborationFactor,
  type CollaborationReasonCode,
  ORGANIZATION_KINDS,
  RESOURCES,
  TARGET_GROUPS,
  THEMES,
} from '@trama/contracts';
import { Adjacency, type Edge, isLinkArrays, type LinkArrays, numbering, rememberedCommunities } from './network';

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
  /** told whether Louvain's communities were those of the same network computed before (`rememberedCommunities`) */
  louvain?: (reused: boolean) => void;
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
  private total: number;

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

  /**
   * The same rarity from counts: `nodes[x]` organizations of kind `kinds[x]`, `links(x, y)` links
   * between kinds x and y (either way round), `total` links in all (the recompute's loop counts them
   * on numbers rather than looking every link's two kinds up by id).
   */
  static fromCounts(
    kinds: readonly string[],
    nodes: readonly number[],
    links: (x: number, y: number) => number,
    total: number,
  ): KindRarity {
    const rarity = new KindRarity(new Map(), []);
    const n = nodes.reduce((s, c) => s + c, 0);
    kinds.forEach((kind, x) => {
      let share = 0;
      for (let c = 0; c < nodes[x]; c++) share += 1 / n; // as the constructor adds it up, to the last bit
      if (nodes[x] > 0) rarity.share.set(kind, share);
      for (let y = x; y < kinds.length; y++) {
        const count = links(x, y);
        if (count > 0) rarity.observed.set(kind < kinds[y] ? `${kind}|${kinds[y]}` : `${kinds[y]}|${kind}`, count);
      }
    });
    rarity.total = total;
    return rarity;
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
  // two organizations that already work together (one hop) are never "previously distant", whatever their communities
  return d.hops !== 1 && (d.noPath || d.hops === null || d.differentCommunities);
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
  return scoreOf(
    c,
    compl,
    themes,
    overlap(f.aGroups, f.bGroups),
    territoryValue(f.sameMunicipality, f.neighbouring),
    f.kindRarity,
    d.noPath,
    d.hops === null,
    d.differentCommunities,
  );
}

/** quickScore's arithmetic on the factors' values (the recompute's loop calls it without building PairFacts). */
function scoreOf(
  c: Weights,
  compl: number,
  themes: number,
  groups: number,
  territory: number,
  kindRarity: number,
  noPath: boolean,
  far: boolean,
  otherCommunity: boolean,
): number {
  const distance = noPath ? round1(c.distance) : (far ? round1(c.distance * 0.6) : 0) + (otherCommunity ? round1(c.distance * 0.4) : 0);
  const total = round1(
    round1(c.complementarity * compl) +
      round1(c.themes * themes) +
      round1(c.targetGroups * groups) +
      round1(c.territory * territory) +
      round1(c.kindRarity * kindRarity) +
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

function hashOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The suggestions of a tenant: the distant, complementary pairs, best first. `neighbours` maps a
 * municipality to those that touch it; `municipalityNames` names them in the reasons.
 *
 * Everything in the loop over the organizations is a number (organizations, municipalities, kinds,
 * resources and themes numbered once; the vocabularies as bit masks; the network as typed arrays):
 * at 30,000 organizations the loop weighs some 6 million candidate pairs, and an object or a string
 * key per pair cost more than the model itself (docs/benchmarks.md, "Collaboration model").
 */
export function suggest(
  organizations: readonly OrganizationProfile[],
  edges: readonly Edge[] | LinkArrays,
  neighbours: ReadonlyMap<string, readonly string[]>,
  settings: ModelSettings,
  options: ModelOptions = {},
  municipalityNames: ReadonlyMap<string, string> = new Map(),
): SuggestResult {
  const steps = suggesting(organizations, edges, neighbours, settings, options, municipalityNames);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a generator of the model's work to its end in slices of about `sliceMs`, giving the event loop
 * back in between: the recompute runs in the API process, whose requests (and the progress it writes,
 * and the COPY the model's lines go to) must not wait for the whole loop. Louvain is one block.
 */
export async function inSlices<T>(steps: Generator<void, T, void>, sliceMs = 40): Promise<T> {
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

export interface SuggestResult {
  suggestions: Suggestion[];
  communities: Map<string, number>;
}

/** The model's work, yielding between organizations (every 64) and after each phase. */
function* suggesting(
  organizations: readonly OrganizationProfile[],
  edges: readonly Edge[] | LinkArrays,
  neighbours: ReadonlyMap<string, readonly string[]>,
  settings: ModelSettings,
  options: ModelOptions,
  municipalityNames: ReadonlyMap<string, string>,
): Generator<void, SuggestResult, void> {
  const model = yield* preparing(organizations, edges, neighbours, options);
  const kept: Kept = { first: [], second: [], score: [], suggestions: [] };
  yield* choosing(model, settings, options, municipalityNames, keeper(kept));
  options.progress?.(1);
  const suggestions = bestFirst(model, kept).map((i) => kept.suggestions[i]);
  return { suggestions, communities: model.communities };
}

/**
 * The model's numbers for one tenant: the organizations, the network and the indexes the loop over
 * the organizations reads (`choosing`). Everything is a number: organizations, municipalities, kinds,
 * resources and themes numbered once; the vocabularies as bit masks; the network as typed arrays.
 */
export interface Prepared {
  organizations: readonly OrganizationProfile[];
  n: number;
  /** Louvain's community of each organization (by position), and by id */
  community: Int32Array;
  communities: Map<string, number>;
  components: Int32Array;
  adjacency: Adjacency;
  /** the order of the ids (ties are broken by id) */
  rank: Int32Array;
  kind: Int32Array;
  kinds: number;
  rarityOf: Float64Array;
  muni: Int32Array;
  offers: Int32Array;
  needs: Int32Array;
  themes: Int32Array;
  groups: Int32Array;
  offerWords: number[][];
  themeWords: number[][];
  /** each municipality and those that touch it (the places an organization looks at) */
  places: number[][];
  /** inverted indexes per municipality: who needs a resource (`m × words + r`), who works on a theme (`−(m × words + t) − 1`) */
  lists: Map<number, number[]>;
  words: number;
}

/** The preparation of the model (`Prepared`): the numbers, the network, Louvain's communities. */
export function* preparing(
  organizations: readonly OrganizationProfile[],
  edges: readonly Edge[] | LinkArrays,
  neighbours: ReadonlyMap<string, readonly string[]>,
  options: ModelOptions,
): Generator<void, Prepared, void> {
  const n = organizations.length;
  const index = new Map(organizations.map((o, i) => [o.id, i]));

  // the links as integer arrays; a repeated pair adds up (as buildGraph did), loops are left out.
  // The repository's links come one per pair, ordered by (a, b): no pair can repeat, and no map of
  // the pairs is built (at 833,554 links that map and its garbage were a tenth of the model's time)
  const kinds = numbering();
  const kind = new Int32Array(n);
  organizations.forEach((p, i) => (kind[i] = kinds.of(p.kind)));
  const k = kinds.values.length;
  const kindLinks = new Float64Array(k * k); // links between two kinds (both orders), for their rarity
  let known = 0;
  const arrays = isLinkArrays(edges);
  const m = arrays ? edges.a.length : edges.length;
  let a32 = new Int32Array(m);
  let b32 = new Int32Array(m);
  let w64 = new Float64Array(m);
  let links = 0;
  let ordered = true;
  let lastA = '';
  let lastB = '';
  // the organization of each id of the links' arrays (-1: not among the organizations)
  const at = arrays ? Int32Array.from(edges.ids, (id) => index.get(id) ?? -1) : null;
  for (let e = 0; e < m; e++) {
    let x: number | undefined;
    let y: number | undefined;
    let ida: string;
    let idb: string;
    let weight: number;
    if (arrays) {
      x = at![edges.a[e]];
      y = at![edges.b[e]];
      if (x < 0 || y < 0) continue;
      ida = edges.ids[edges.a[e]];
      idb = edges.ids[edges.b[e]];
      weight = edges.weight[e];
    } else {
      const edge = edges[e];
      x = index.get(edge.a);
      y = index.get(edge.b);
      if (x === undefined || y === undefined) continue;
      ida = edge.a;
      idb = edge.b;
      weight = edge.weight;
    }
    known++;
    kindLinks[kind[x] * k + kind[y]]++;
    if (x === y) continue;
    if (ordered && !(ida < idb && (ida > lastA || (ida === lastA && idb > lastB)))) ordered = false;
    lastA = ida;
    lastB = idb;
    a32[links] = x;
    b32[links] = y;
    w64[links] = weight;
    links++;
  }
  if (!ordered) {
    // any order, pairs repeated: they add up
    const slot = new Map<number, number>();
    let kept = 0;
    for (let e = 0; e < links; e++) {
      const x = Math.min(a32[e], b32[e]);
      const y = Math.max(a32[e], b32[e]);
      const key = x * n + y;
      const at = slot.get(key);
      if (at !== undefined) {
        w64[at] += w64[e];
        continue;
      }
      slot.set(key, kept);
      a32[kept] = a32[e];
      b32[kept] = b32[e];
      w64[kept] = w64[e];
      kept++;
    }
    links = kept;
  }
  a32 = a32.subarray(0, links);
  b32 = b32.subarray(0, links);
  w64 = w64.subarray(0, links);
  yield;
  const { communities: community, reused } = rememberedCommunities(n, a32, b32, w64, options.seed ?? 42);
  options.louvain?.(reused);
  options.progress?.(0.2);
  yield;
  const adjacency = new Adjacency(n, { a: a32, b: b32 });
  const components = adjacency.components();
  const communities = new Map(organizations.map((o, i) => [o.id, community[i]]));

  // the organizations as numbers
  const municipalities = numbering();
  const words = numbering(); // resources and themes, for the inverted indexes
  const muni = new Int32Array(n);
  const offers = new Int32Array(n);
  const needs = new Int32Array(n);
  const themes = new Int32Array(n);
  const groups = new Int32Array(n);
  const offerWords: number[][] = [];
  const needWords: number[][] = [];
  const themeWords: number[][] = [];
  organizations.forEach((p, i) => {
    muni[i] = municipalities.of(p.municipalityId);
    offers[i] = resourceBits.mask(p.offers);
    needs[i] = resourceBits.mask(p.needs);
    themes[i] = themeBits.mask(p.themes);
    groups[i] = groupBits.mask(p.targetGroups);
    offerWords.push(p.offers.map((r) => words.of(`r:${r}`)));
    needWords.push(p.needs.map((r) => words.of(`r:${r}`)));
    themeWords.push(p.themes.map((t) => words.of(`t:${t}`)));
  });
  const rank = new Int32Array(n);
  Int32Array.from(organizations, (_, i) => i)
    .sort((x, y) => (organizations[x].id < organizations[y].id ? -1 : 1))
    .forEach((i, r) => (rank[i] = r));
  const rarity = KindRarity.fromCounts(
    kinds.values,
    kinds.values.map((_, x) => kind.reduce((c, kx) => (kx === x ? c + 1 : c), 0)),
    (x, y) => kindLinks[x * k + y] + (x === y ? 0 : kindLinks[y * k + x]),
    known,
  );
  const rarityOf = new Float64Array(k * k);
  for (let x = 0; x < k; x++) for (let y = 0; y < k; y++) rarityOf[x * k + y] = rarity.value(kinds.values[x], kinds.values[y]);
  const places = municipalities.values.map((m, i) => [
    i,
    ...(neighbours.get(m) ?? []).map((x) => municipalities.get(x)).filter((x): x is number => x !== undefined),
  ]);

  const w = Math.max(1, words.values.length);
  const lists = new Map<number, number[]>();
  const push = (key: number, i: number) => {
    const list = lists.get(key);
    if (list) list.push(i);
    else lists.set(key, [i]);
  };
  for (let i = 0; i < n; i++) {
    for (const r of needWords[i]) push(muni[i] * w + r, i);
    for (const t of themeWords[i]) push(-(muni[i] * w + t) - 1, i);
  }
  return {
    organizations,
    n,
    community,
    communities,
    components,
    adjacency,
    rank,
    kind,
    kinds: k,
    rarityOf,
    muni,
    offers,
    needs,
    themes,
    groups,
    offerWords,
    themeWords,
    places,
    lists,
    words: w,
  };
}

/** The pairs kept by `choosing`, by position: the first (lower id) and second organization, the score, the suggestion. */
interface Kept {
  first: number[];
  second: number[];
  score: number[];
  suggestions: Suggestion[];
}

/** A `keep` for `choosing` that adds each pair to `kept`. */
function keeper(kept: Kept): (first: number, second: number, build: () => Suggestion) => void {
  return (first, second, build) => {
    const suggestion = build();
    kept.first.push(first);
    kept.second.push(second);
    kept.score.push(suggestion.score);
    kept.suggestions.push(suggestion);
  };
}

/** The positions of kept pairs, best first, ties by the pair's ids (the first's, then the second's) compared as their ranks. */
function bestFirst(model: Prepared, kept: Pick<Kept, 'first' | 'second' | 'score'>): number[] {
  const { rank } = model;
  return Array.from(kept.score.keys()).sort(
    (x, y) => kept.score[y] - kept.score[x] || rank[kept.first[x]] - rank[kept.first[y]] || rank[kept.second[x]] - rank[kept.second[y]],
  );
}

/**
 * The loop over the organizations: each looks at its candidates and keeps its best `perOrganization`
 * distant, complementary pairs; `keep(first, second, build)` is called once per pair (a pair kept from
 * both sides, once: the same facts, the same score), `build` making its facts and reasons. At 30,000
 * organizations the loop weighs some 6 million candidate pairs, and an object or a string key per pair
 * cost more than the model itself (docs/benchmarks.md, "Collaboration model").
 */
export function* choosing(
  model: Prepared,
  settings: ModelSettings,
  options: ModelOptions,
  municipalityNames: ReadonlyMap<string, string>,
  keep: (first: number, second: number, build: () => Suggestion) => void,
): Generator<void, void, void> {
  const candidatesPerOrganization = options.candidatesPerOrganization ?? 200;
  const perOrganization = options.perOrganization ?? 5;
  const { organizations, n, community, components, adjacency, rank, kind, kinds: k, rarityOf, muni, offers, needs, themes, groups } = model;
  const { offerWords, themeWords, places, lists, words: w } = model;
  const taken = new Set<number>(); // the pairs kept, as first × n + second
  const progressEvery = Math.max(1, Math.floor(n / 20));
  const seen = new Int32Array(n).fill(-1);
  const coefs = coefficients(settings.weights);
  const candidates = new Int32Array(candidatesPerOrganization);
  const top = new Int32Array(perOrganization);
  const topScore = new Float64Array(perOrganization);
  const live: number[][] = [];
  const shift: number[] = [];
  for (let ai = 0; ai < n; ai++) {
    if (ai % progressEvery === 0) options.progress?.(0.2 + (0.8 * ai) / n);
    if ((ai & 63) === 0) yield;
    if (!coefs) continue;
    live.length = 0;
    for (const m of places[muni[ai]]) {
      for (const r of offerWords[ai]) {
        const l = lists.get(m * w + r);
        if (l) live.push(l);
      }
      for (const t of themeWords[ai]) {
        const l = lists.get(-(m * w + t) - 1);
        if (l) live.push(l);
      }
    }
    if (live.length === 0) continue;
    // round-robin over the lists from a starting point of its own, so that neighbours spread over the candidates
    seen[ai] = ai;
    let count = 0;
    const start = hashOf(organizations[ai].id);
    let longest = 0;
    shift.length = 0;
    for (const l of live) {
      longest = Math.max(longest, l.length);
      shift.push(start % l.length); // (start + step) % length, in small integers
    }
    for (let step = 0; step < longest && count < candidatesPerOrganization; step++) {
      for (let li = 0; li < live.length; li++) {
        const list = live[li];
        if (step >= list.length) continue;
        const p = shift[li] + step;
        const j = list[p >= list.length ? p - list.length : p];
        if (seen[j] === ai) continue;
        seen[j] = ai;
        candidates[count++] = j;
        if (count >= candidatesPerOrganization) break;
      }
    }
    adjacency.explore(ai, settings.maxHops);
    // the best perOrganization candidates (score, then id), kept sorted
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const bi = candidates[c];
      const noPath = components[ai] !== components[bi];
      const hops = adjacency.hops(ai, bi);
      if (hops === 1) continue; // they already work together
      const far = hops === null;
      const otherCommunity = community[ai] !== community[bi];
      if (!(noPath || far || otherCommunity)) continue;
      const f = rank[ai] < rank[bi] ? ai : bi;
      const s = f === ai ? bi : ai;
      const compl = complementarity(offers[f], needs[f], offers[s], needs[s]);
      const shared = overlap(themes[f], themes[s]);
      if (compl === 0 && shared === 0) continue;
      const score = scoreOf(
        coefs,
        compl,
        shared,
        overlap(groups[f], groups[s]),
        territoryValue(muni[f] === muni[s], muni[f] !== muni[s]),
        rarityOf[kind[f] * k + kind[s]],
        noPath,
        far,
        otherCommunity,
      );
      if (score < settings.minScore) continue;
      let at = kept;
      while (at > 0 && (topScore[at - 1] < score || (topScore[at - 1] === score && rank[top[at - 1]] > rank[bi]))) at--;
      if (at >= perOrganization) continue;
      for (let m = Math.min(kept, perOrganization - 1); m > at; m--) {
        top[m] = top[m - 1];
        topScore[m] = topScore[m - 1];
      }
      top[at] = bi;
      topScore[at] = score;
      if (kept < perOrganization) kept++;
    }
    for (let t = 0; t < kept; t++) {
      const bi = top[t];
      const [f, s] = rank[ai] < rank[bi] ? [ai, bi] : [bi, ai];
      const key = f * n + s;
      if (taken.has(key)) continue; // kept from the other side already: the same facts, the same score
      taken.add(key);
      keep(f, s, () => {
        const first = organizations[f];
        const second = organizations[s];
        const same = muni[f] === muni[s];
        const facts: PairFacts = {
          aOffers: offers[f],
          aNeeds: needs[f],
          bOffers: offers[s],
          bNeeds: needs[s],
          aThemes: themes[f],
          bThemes: themes[s],
          aGroups: groups[f],
          bGroups: groups[s],
          sameMunicipality: same,
          neighbouring: !same,
          neighbourName: same ? undefined : municipalityNames.get(second.municipalityId),
          kinds: [first.kind, second.kind],
          kindRarity: rarityOf[kind[f] * k + kind[s]],
          distance: {
            noPath: components[ai] !== components[bi],
            hops: adjacency.hops(ai, bi),
            differentCommunities: community[ai] !== community[bi],
          },
          maxHops: settings.maxHops,
        };
        const full = scorePair(facts, settings.weights)!;
        return { a: first.id, b: second.id, ...full, reasonsKey: reasonsKey(full.reasons) };
      });
    }
  }
}

/** Every kind of organization, for tests and the evaluation. */
export const KINDS = ORGANIZATION_KINDS;

import fc from 'fast-check';
import { DEFAULT_COLLABORATION_WEIGHTS } from '@trama/contracts';
import {
  Adjacency,
  buildGraph,
  communitiesOf,
  componentsOf,
  edgesOf,
  hopsWithin,
  louvainCommunities,
  recencyWeight,
  rememberedCommunities,
} from './network';
import {
  KindRarity,
  type OrganizationProfile,
  type PairFacts,
  coefficients,
  quickScore,
  reasonsKey,
  scorePair,
  suggest,
  type Weights,
} from './suggest';

const W: Weights = { ...DEFAULT_COLLABORATION_WEIGHTS };
const bit = (i: number) => 1 << i;

/** A distant, complementary pair: the base every case below moves one factor of. */
function facts(overrides: Partial<PairFacts> = {}): PairFacts {
  return {
    aOffers: bit(1), // volunteers
    aNeeds: 0,
    bOffers: 0,
    bNeeds: bit(1),
    aThemes: bit(0),
    bThemes: bit(0),
    aGroups: 0,
    bGroups: 0,
    sameMunicipality: false,
    neighbouring: true,
    kinds: ['school', 'social_enterprise'],
    kindRarity: 0.5,
    distance: { noPath: false, hops: null, differentCommunities: false },
    maxHops: 2,
    ...overrides,
  };
}

const score = (f: PairFacts, w: Weights = W) => scorePair(f, w)?.score ?? -1;

describe('the network', () => {
  it('weighs a joint event by its recency: 1 today, half after one half-life, a quarter after two', () => {
    expect(recencyWeight(0, 12)).toBe(1);
    expect(recencyWeight(12, 12)).toBeCloseTo(0.5);
    expect(recencyWeight(24, 12)).toBeCloseTo(0.25);
    expect(recencyWeight(12, 24)).toBeCloseTo(Math.SQRT1_2);
    expect(() => recencyWeight(1, 0)).toThrow();
  });

  it('adds up the events of a pair whatever their order, and counts them', () => {
    const edges = edgesOf(
      [
        { a: 'x', b: 'y', ageMonths: 0 },
        { a: 'y', b: 'x', ageMonths: 12 },
        { a: 'x', b: 'z', ageMonths: 24 },
        { a: 'z', b: 'z', ageMonths: 0 },
      ],
      12,
    );
    expect(edges).toHaveLength(2);
    const xy = edges.find((e) => e.a === 'x' && e.b === 'y')!;
    expect(xy.weight).toBeCloseTo(1.5);
    expect(xy.count).toBe(2);
    expect(edges.find((e) => e.b === 'z')!.weight).toBeCloseTo(0.25);
  });

  it('counts hops breadth-first up to the limit', () => {
    const g = buildGraph(
      ['a', 'b', 'c', 'd', 'e'],
      edgesOf(
        ['ab', 'bc', 'cd'].map(([a, b]) => ({ a, b, ageMonths: 0 })),
        12,
      ),
    );
    expect(Object.fromEntries(hopsWithin(g, 'a', 2))).toEqual({ a: 0, b: 1, c: 2 });
    expect(hopsWithin(g, 'a', 3).get('d')).toBe(3);
    expect(hopsWithin(g, 'a', 6).has('e')).toBe(false);
    const components = componentsOf(g);
    expect(components.get('a')).toBe(components.get('d'));
    expect(components.get('e')).not.toBe(components.get('a'));
  });

  it('counts the same hops and components on the integer adjacency of the recompute', () => {
    // a-b-c-d, e alone
    const adj = new Adjacency(5, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    adj.explore(0, 2);
    expect([0, 1, 2, 3, 4].map((v) => adj.hops(0, v))).toEqual([0, 1, 2, null, null]);
    adj.explore(3, 1);
    expect([0, 1, 2, 3, 4].map((v) => adj.hops(3, v))).toEqual([null, null, 1, 0, null]);
    const c = adj.components();
    expect(c[0]).toBe(c[3]);
    expect(c[4]).not.toBe(c[0]);
  });

  it('finds the two communities of two cliques joined by one weak link', () => {
    const clique = (names: string) => [...names].flatMap((a, i) => [...names].slice(i + 1).map((b) => ({ a, b, ageMonths: 0 })));
    const events = [...clique('abcde'), ...clique('vwxyz'), { a: 'e', b: 'v', ageMonths: 60 }];
    const c = communitiesOf(buildGraph([], edgesOf(events, 12)));
    expect(new Set([...'abcde'].map((n) => c.get(n))).size).toBe(1);
    expect(new Set([...'vwxyz'].map((n) => c.get(n))).size).toBe(1);
    expect(c.get('a')).not.toBe(c.get('z'));
    // reproducible for a seed
    expect(communitiesOf(buildGraph([], edgesOf(events, 12)))).toEqual(c);
  });

  it('gives the same communities on the typed arrays as on a graphology graph (the view Louvain reads)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(39), fc.nat(39), fc.double({ min: 0.01, max: 5, noNaN: true })), { maxLength: 120 }),
        fc.integer({ min: 1, max: 1000 }),
        (size, raw, seed) => {
          const seen = new Set<string>();
          const links = raw
            .map(([a, b, w]) => [a % size, b % size, w] as const)
            .filter(
              ([a, b]) => a !== b && !seen.has(`${Math.min(a, b)}-${Math.max(a, b)}`) && !!seen.add(`${Math.min(a, b)}-${Math.max(a, b)}`),
            );
          const names = Array.from({ length: size }, (_, i) => `n${i}`);
          const graph = buildGraph(
            names,
            links.map(([a, b, weight]) => ({ a: names[a], b: names[b], weight, count: 1 })),
          );
          const expected = communitiesOf(graph, seed);
          const found = louvainCommunities(
            size,
            Int32Array.from(links, (l) => l[0]),
            Int32Array.from(links, (l) => l[1]),
            Float64Array.from(links, (l) => l[2]),
            seed,
          );
          expect(names.map((_, i) => found[i])).toEqual(names.map((name) => expected.get(name)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the communities of a network computed before', () => {
  // two cliques of five joined by one weak link, numbered from `base` so no other test shares the network
  const network = (base: number, extra = 0) => {
    const a: number[] = [];
    const b: number[] = [];
    const w: number[] = [];
    for (const offset of [0, 5])
      for (let i = 0; i < 5; i++)
        for (let j = i + 1; j < 5; j++) {
          a.push(offset + i);
          b.push(offset + j);
          w.push(1 + ((i * 7 + j * 3 + base) % 5) / 10);
        }
    a.push(0);
    b.push(5);
    w.push(0.1 + extra);
    return { a: Int32Array.from(a), b: Int32Array.from(b), w: Float64Array.from(w) };
  };

  it('are reused for the same links weighed up to a common factor (a later run of the same network), and only then', () => {
    const base = network(1);
    const first = rememberedCommunities(10, base.a, base.b, base.w, 7);
    expect(first.reused).toBe(false);
    expect([...first.communities]).toEqual([...louvainCommunities(10, base.a, base.b, base.w, 7)]);
    // a month later: every weight × 0.5^(1/18)
    const later = rememberedCommunities(
      10,
      base.a,
      base.b,
      base.w.map((x) => x * Math.pow(0.5, 1 / 18)),
      7,
    );
    expect(later).toEqual({ communities: first.communities, reused: true });
    // one link weighs differently, one link more, another seed: computed again
    expect(rememberedCommunities(10, base.a, base.b, network(1, 0.5).w, 7).reused).toBe(false);
    const more = network(1);
    expect(
      rememberedCommunities(11, Int32Array.from([...more.a, 9]), Int32Array.from([...more.b, 10]), Float64Array.from([...more.w, 1]), 7)
        .reused,
    ).toBe(false);
    expect(rememberedCommunities(10, base.a, base.b, base.w, 8).reused).toBe(false);
  });
});

describe('the score of a pair', () => {
  it('adds up its reasons’ contributions', () => {
    const scored = scorePair(
      facts({ aGroups: bit(2), bGroups: bit(2), distance: { noPath: false, hops: null, differentCommunities: true } }),
      W,
    )!;
    expect(scored.reasons.map((r) => r.code)).toEqual([
      'offers_meet_needs',
      'shared_themes',
      'shared_target_groups',
      'neighbouring_municipalities',
      'rare_kinds',
      'far_in_network',
      'different_communities',
    ]);
    const sum = scored.reasons.reduce((s, r) => s + r.contribution, 0);
    expect(scored.score).toBeCloseTo(sum, 5);
    expect(scored.score).toBeGreaterThan(0);
    expect(scored.score).toBeLessThanOrEqual(100);
  });

  it('never goes over 100 when every part is full, and its parts still add up (rounding of six parts)', () => {
    const full = facts({
      aOffers: bit(1) | bit(2),
      bNeeds: bit(1) | bit(2),
      aThemes: bit(0) | bit(3),
      bThemes: bit(0) | bit(3),
      aGroups: bit(0) | bit(1),
      bGroups: bit(0) | bit(1),
      sameMunicipality: true,
      neighbouring: false,
      kindRarity: 1,
      distance: { noPath: true, hops: null, differentCommunities: true },
    });
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 6 }, () => fc.integer({ min: 0, max: 100 }))), (ws) => {
        const w = { complementarity: ws[0], themes: ws[1], targetGroups: ws[2], territory: ws[3], kindRarity: ws[4], distance: ws[5] };
        const scored = scorePair(full, w);
        if (!scored) return;
        expect(scored.score).toBeLessThanOrEqual(100);
        expect(scored.score).toBeCloseTo(
          scored.reasons.reduce((s, r) => s + r.contribution, 0),
          5,
        );
        expect(quickScore(full, coefficients(w))).toBe(scored.score);
      }),
    );
    // the case found in the browser: 35/0/10/15/10/10 gave 100.1
    expect(score(full, { complementarity: 35, themes: 0, targetGroups: 10, territory: 15, kindRarity: 10, distance: 10 })).toBe(100);
  });

  it('scores 100 when every factor is at its best', () => {
    const best = facts({
      aOffers: bit(1) | bit(2),
      bNeeds: bit(1) | bit(2),
      aThemes: bit(0) | bit(3),
      bThemes: bit(0) | bit(3),
      aGroups: bit(0) | bit(1),
      bGroups: bit(0) | bit(1),
      sameMunicipality: true,
      neighbouring: false,
      kindRarity: 1,
      distance: { noPath: true, hops: null, differentCommunities: true },
    });
    expect(score(best)).toBeCloseTo(100, 5);
  });

  it.each<[string, Partial<PairFacts>]>([
    ['more offers meeting needs', { aOffers: bit(1) | bit(2), bNeeds: bit(1) | bit(2) }],
    ['offers meeting needs both ways', { bOffers: bit(4), aNeeds: bit(4) }],
    ['more shared themes', { aThemes: bit(0) | bit(5), bThemes: bit(0) | bit(5) }],
    ['shared target groups', { aGroups: bit(3), bGroups: bit(3) }],
    ['the same municipality', { sameMunicipality: true, neighbouring: false }],
    ['kinds that meet more rarely', { kindRarity: 0.9 }],
    ['different communities', { distance: { noPath: false, hops: null, differentCommunities: true } }],
    ['no path at all', { distance: { noPath: true, hops: null, differentCommunities: true } }],
  ])('rises with %s', (_name, change) => {
    expect(score(facts(change))).toBeGreaterThan(score(facts()));
  });

  it.each<[string, Partial<PairFacts>]>([
    ['no shared theme', { bThemes: bit(7) }],
    ['municipalities that do not touch', { neighbouring: false }],
    ['kinds that often meet', { kindRarity: 0 }],
  ])('falls with %s', (_name, change) => {
    expect(score(facts(change))).toBeLessThan(score(facts()));
  });

  it.each(Object.keys(W) as (keyof Weights)[])('leaves %s out when its weight is 0', (factor) => {
    const f = facts({ aGroups: bit(2), bGroups: bit(2) });
    const zero = { ...W, [factor]: 0 };
    const scored = scorePair(f, zero)!;
    expect(scored.reasons.some((r) => r.factor === factor)).toBe(false);
    expect(scored.score).toBeCloseTo(
      scored.reasons.reduce((s, r) => s + r.contribution, 0),
      5,
    );
  });

  it('suggests no pair that is close (within the hops, one community) or has nothing to offer the other', () => {
    expect(scorePair(facts({ distance: { noPath: false, hops: 1, differentCommunities: false } }), W)).toBeNull();
    expect(scorePair(facts({ aOffers: 0, bThemes: 0 }), W)).toBeNull();
    expect(scorePair(facts({ distance: { noPath: false, hops: 2, differentCommunities: true } }), W)).not.toBeNull();
    // already working together: never suggested, even across communities
    expect(scorePair(facts({ distance: { noPath: false, hops: 1, differentCommunities: true } }), W)).toBeNull();
  });

  it('ranks by the same score it explains', () => {
    for (const change of [
      {},
      { aGroups: bit(2), bGroups: bit(2) },
      { sameMunicipality: true, neighbouring: false },
      { kindRarity: 0.33 },
    ]) {
      expect(quickScore(facts(change), coefficients(W))).toBe(scorePair(facts(change), W)!.score);
      expect(quickScore(facts(change), coefficients({ ...W, themes: 7, distance: 0 }))).toBe(
        scorePair(facts(change), { ...W, themes: 7, distance: 0 })!.score,
      );
    }
  });

  it('keys a dismissal on the reasons, not on the numbers the weights move', () => {
    const a = scorePair(facts(), W)!;
    const b = scorePair(facts(), { ...W, themes: 60 })!;
    expect(a.score).not.toBe(b.score);
    expect(reasonsKey(a.reasons)).toBe(reasonsKey(b.reasons));
    expect(reasonsKey(scorePair(facts({ aGroups: bit(2), bGroups: bit(2) }), W)!.reasons)).not.toBe(reasonsKey(a.reasons));
  });

  it('finds the same rarity from counts as from the links (the recompute counts on numbers)', () => {
    const kindsOf = ['school', 'aps', 'odv', 'social_enterprise'];
    fc.assert(
      fc.property(
        fc.array(fc.nat(3), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.nat(29)), { maxLength: 80 }),
        (nodeKinds, raw) => {
          const ids = nodeKinds.map((_, i) => `o${i}`);
          const kindOf = new Map(ids.map((id, i) => [id, kindsOf[nodeKinds[i]]]));
          const links = raw.map(([a, b]) => ({ a: ids[a % ids.length], b: ids[b % ids.length], weight: 1, count: 1 }));
          const expected = new KindRarity(kindOf, links);
          const count = (x: number, y: number) =>
            links.filter((l) => {
              const [ka, kb] = [kindOf.get(l.a), kindOf.get(l.b)];
              return (ka === kindsOf[x] && kb === kindsOf[y]) || (ka === kindsOf[y] && kb === kindsOf[x]);
            }).length;
          const found = KindRarity.fromCounts(
            kindsOf,
            kindsOf.map((k) => [...kindOf.values()].filter((v) => v === k).length),
            count,
            links.length,
          );
          for (const x of kindsOf) for (const y of kindsOf) expect(found.value(x, y)).toBe(expected.value(x, y));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds kinds that rarely meet from the links there are', () => {
    const kinds = new Map([
      ['s1', 'school'],
      ['s2', 'school'],
      ['a1', 'aps'],
      ['a2', 'aps'],
      ['e1', 'social_enterprise'],
    ]);
    const r = new KindRarity(
      kinds,
      edgesOf(
        [
          { a: 's1', b: 'a1', ageMonths: 0 },
          { a: 's2', b: 'a2', ageMonths: 0 },
        ],
        12,
      ),
    );
    expect(r.value('school', 'social_enterprise')).toBe(1);
    expect(r.value('school', 'aps')).toBe(0);
    expect(new KindRarity(kinds, []).value('school', 'aps')).toBe(1);
  });
});

describe('the suggestions of a tenant', () => {
  const org = (id: string, municipalityId: string, p: Partial<OrganizationProfile> = {}): OrganizationProfile => ({
    id,
    kind: 'aps',
    municipalityId,
    themes: [],
    targetGroups: [],
    offers: [],
    needs: [],
    ...p,
  });

  it('suggests distant complementary pairs of the same or neighbouring municipalities, never close or far-off ones', () => {
    const orgs = [
      org('a', 'M1', { offers: ['volunteers'], themes: ['youth'], kind: 'school' }),
      org('b', 'M1', { needs: ['volunteers'], themes: ['youth'], kind: 'social_enterprise' }),
      org('c', 'M2', { needs: ['volunteers'], themes: ['youth'] }),
      org('d', 'M3', { needs: ['volunteers'], themes: ['youth'] }),
      org('e', 'M1', { needs: ['volunteers'], themes: ['youth'] }),
      org('f', 'M1', {}),
    ];
    // a and e already work together; d's municipality does not touch M1
    const edges = edgesOf(
      [
        { a: 'a', b: 'e', ageMonths: 1 },
        { a: 'b', b: 'f', ageMonths: 1 },
      ],
      18,
    );
    const neighbours = new Map([
      ['M1', ['M2']],
      ['M2', ['M1']],
    ]);
    const { suggestions } = suggest(orgs, edges, neighbours, { weights: W, maxHops: 2, minScore: 0 });
    const pairs = suggestions.map((s) => `${s.a}${s.b}`);
    expect(pairs).toContain('ab');
    expect(pairs).toContain('ac');
    expect(pairs).not.toContain('ae'); // already linked
    expect(pairs).not.toContain('ad'); // M3 does not touch M1
    // best first; the same municipality beats the neighbouring one, all else equal
    expect(pairs.indexOf('ab')).toBeLessThan(pairs.indexOf('ac'));
    expect(suggestions.every((s, i) => i === 0 || suggestions[i - 1].score >= s.score)).toBe(true);
  });

  it('never suggests two organizations that already work together, even in different communities', () => {
    // two cliques joined by one weak link a1–b1: Louvain puts them apart, a2–b2 are two hops apart
    const names = ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4'];
    const orgs = names.map((id) =>
      org(id, 'M1', id.startsWith('a') ? { offers: ['volunteers'], themes: ['youth'] } : { needs: ['volunteers'], themes: ['youth'] }),
    );
    const clique = (xs: string[]) => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => ({ a, b, ageMonths: 0 })));
    const edges = edgesOf(
      [...clique(['a1', 'a2', 'a3', 'a4']), ...clique(['b1', 'b2', 'b3', 'b4']), { a: 'a1', b: 'b1', ageMonths: 60 }],
      18,
    );
    const { suggestions, communities } = suggest(orgs, edges, new Map(), { weights: W, maxHops: 1, minScore: 0 });
    expect(communities.get('a1')).not.toBe(communities.get('b1'));
    const pairs = suggestions.map((s) => `${s.a}${s.b}`);
    expect(pairs).not.toContain('a1b1');
    expect(pairs).toContain('a2b2');
  });

  it('keeps no suggestion under the minimum score', () => {
    const orgs = [org('a', 'M1', { offers: ['skills'] }), org('b', 'M1', { needs: ['skills'] })];
    expect(suggest(orgs, [], new Map(), { weights: W, maxHops: 2, minScore: 0 }).suggestions).toHaveLength(1);
    expect(suggest(orgs, [], new Map(), { weights: W, maxHops: 2, minScore: 99 }).suggestions).toHaveLength(0);
  });
});

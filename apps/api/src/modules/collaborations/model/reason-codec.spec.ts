import fc from 'fast-check';
import { COLLABORATION_FACTORS, ORGANIZATION_KINDS, RESOURCES, TARGET_GROUPS, THEMES } from '@trama/contracts';
import { decodeReasons, encodeReasons } from './reason-codec';
import { type PairFacts, type Weights, reasonsKey, scorePair } from './suggest';

const mask = (size: number) => fc.integer({ min: 0, max: 2 ** size - 1 });
const weights = fc.record(
  Object.fromEntries(COLLABORATION_FACTORS.map((k) => [k, fc.integer({ min: 0, max: 10 })])) as Record<keyof Weights, fc.Arbitrary<number>>,
);
const facts: fc.Arbitrary<PairFacts> = fc.record({
  aOffers: mask(RESOURCES.length),
  aNeeds: mask(RESOURCES.length),
  bOffers: mask(RESOURCES.length),
  bNeeds: mask(RESOURCES.length),
  aThemes: mask(THEMES.length),
  bThemes: mask(THEMES.length),
  aGroups: mask(TARGET_GROUPS.length),
  bGroups: mask(TARGET_GROUPS.length),
  sameMunicipality: fc.boolean(),
  neighbouring: fc.boolean(),
  // any text: a name with spaces, apostrophes, the codec's own separators, accents
  neighbourName: fc.option(fc.oneof(fc.string(), fc.constantFrom("Sant'Agata di Puglia", 'a;b c=d,e%f', 'Città')), { nil: undefined }),
  kinds: fc.tuple(fc.constantFrom(...ORGANIZATION_KINDS), fc.constantFrom(...ORGANIZATION_KINDS)),
  kindRarity: fc.double({ min: 0, max: 1, noNaN: true }),
  distance: fc.record({
    noPath: fc.boolean(),
    hops: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    differentCommunities: fc.boolean(),
  }),
  maxHops: fc.integer({ min: 1, max: 6 }),
});

describe('the stored form of the reasons', () => {
  it('gives back exactly the reasons the model wrote, and so the same dismissal key', () => {
    fc.assert(
      fc.property(facts, weights, (f, w) => {
        const scored = scorePair(f, w);
        if (!scored) return;
        const text = encodeReasons(scored.reasons);
        const back = decodeReasons(text);
        expect(back).toEqual(scored.reasons);
        expect(reasonsKey(back)).toBe(reasonsKey(scored.reasons));
      }),
      { numRuns: 2_000 },
    );
  });

  it('is a fraction of the JSON it replaces', () => {
    const scored = scorePair(
      {
        aOffers: 0b1011,
        aNeeds: 0b0100,
        bOffers: 0b0100,
        bNeeds: 0b0011,
        aThemes: 0b111,
        bThemes: 0b110,
        aGroups: 0b11,
        bGroups: 0b01,
        sameMunicipality: false,
        neighbouring: true,
        neighbourName: 'Sannicandro di Bari',
        kinds: ['school', 'social_enterprise'],
        kindRarity: 0.8,
        distance: { noPath: false, hops: null, differentCommunities: true },
        maxHops: 2,
      },
      { complementarity: 3, themes: 2, targetGroups: 1, territory: 1, kindRarity: 1, distance: 2 } as Weights,
    )!;
    const text = encodeReasons(scored.reasons);
    expect(text.length).toBeLessThan(JSON.stringify(scored.reasons).length / 2);
    expect(text).toContain('neighbouring_municipalities');
    expect(text).toContain('m=Sannicandro%20di%20Bari');
  });

  it('refuses a text it did not write', () => {
    expect(() => decodeReasons('made_up 3')).toThrow(/not a stored reason/);
    expect(() => decodeReasons('no_path x')).toThrow(/not a stored reason/);
    expect(() => decodeReasons('no_path 3 zz=1')).toThrow(/not a stored reason/);
    expect(decodeReasons('')).toEqual([]);
  });
});

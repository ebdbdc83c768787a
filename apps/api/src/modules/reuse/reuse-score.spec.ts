import { REUSE_DEFAULT_WEIGHTS, REUSE_FACTORS, type ReuseWeights } from '@trama/contracts';
import {
  decodeParts,
  encodeParts,
  explainStored,
  type ScoreBuilding,
  type ScoreSurroundings,
  scoreBuilding,
  signed,
  storedParts,
} from './reuse-score';

const NOW = new Date('2026-12-01T00:00:00Z');
const base: ScoreBuilding = {
  condition: 'fair',
  indoorAreaM2: 150,
  outdoorAreaM2: null,
  accessibility: 'unknown',
  constraints: [],
  ownership: 'private',
  currentUse: 'underused',
  stage: 'mapped',
  suitableUses: ['social'],
  recordedAt: new Date('2025-12-01T00:00:00Z'),
};
const around: ScoreSurroundings = { demand: 1, demandWithin: 'radius', initiatives: 0, activeReused: 2 };
const score = (b: Partial<ScoreBuilding> = {}, s: Partial<ScoreSurroundings> = {}, w: ReuseWeights = REUSE_DEFAULT_WEIGHTS) =>
  scoreBuilding({ ...base, ...b }, { ...around, ...s }, w, 'it', NOW);
const part = (r: ReturnType<typeof score>, factor: string) => r.factors.find((f) => f.factor === factor);

describe('reuse-potential score', () => {
  const better: [string, Partial<ScoreBuilding>, Partial<ScoreBuilding>, Partial<ScoreSurroundings>?, Partial<ScoreSurroundings>?][] = [
    ['condition', { condition: 'poor' }, { condition: 'good' }],
    ['size', { indoorAreaM2: 40 }, { indoorAreaM2: 400 }],
    ['accessibility', { accessibility: 'not_accessible' }, { accessibility: 'accessible' }],
    ['constraints', { constraints: ['heritage'] }, { constraints: [] }],
    ['ownership', { ownership: 'private' }, { ownership: 'municipal' }],
    ['currentUse', { currentUse: 'in_use' }, { currentUse: 'unused' }],
    ['stage', { stage: 'active' }, { stage: 'assessed' }],
    ['timeUnused', { recordedAt: new Date('2026-11-01T00:00:00Z') }, { recordedAt: new Date('2021-01-01T00:00:00Z') }],
    ['demand', {}, {}, { demand: 0 }, { demand: 4 }],
    ['initiatives', {}, {}, { initiatives: 0 }, { initiatives: 2 }],
    ['scarcity', {}, {}, { activeReused: 5 }, { activeReused: 0 }],
  ];
  it('covers every factor', () => {
    expect(better.map(([f]) => f).sort()).toEqual([...REUSE_FACTORS].sort());
  });
  it.each(better)('%s moves the score the right way', (factor, worseB, betterB, worseS = {}, betterS = {}) => {
    const low = score(worseB, worseS);
    const high = score(betterB, betterS);
    expect(high.score).toBeGreaterThan(low.score);
    expect(part(high, factor)!.contribution).toBeGreaterThan(part(low, factor)!.contribution);
  });

  it.each(REUSE_FACTORS)('a weight of 0 removes %s', (factor) => {
    const weights = { ...REUSE_DEFAULT_WEIGHTS, [factor]: 0 };
    const r = score({ condition: 'good', constraints: ['heritage'] }, { demand: 3, initiatives: 1 }, weights);
    expect(part(r, factor)).toBeUndefined();
  });

  it('adds the parts up to the score, also when the sum leaves 0–100', () => {
    const cases = [
      score(),
      score(
        {
          condition: 'good',
          ownership: 'confiscated',
          accessibility: 'accessible',
          currentUse: 'unused',
          stage: 'assessed',
          indoorAreaM2: 900,
        },
        { demand: 9, initiatives: 5, activeReused: 0 },
      ),
      score(
        { condition: 'ruin', accessibility: 'not_accessible', constraints: ['heritage'], stage: 'discarded', currentUse: 'in_use' },
        { demand: 0, activeReused: 9 },
      ),
      score({}, {}, Object.fromEntries(REUSE_FACTORS.map((f) => [f, 100])) as ReuseWeights),
    ];
    for (const r of cases) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.factors.reduce((s, f) => s + f.contribution, 0)).toBe(r.score);
    }
    expect(cases[2].score).toBe(0);
    expect(cases[2].factors.some((f) => f.factor === 'bounds')).toBe(true);
    expect(cases[3].score).toBe(100);
  });

  it('explains each part in the reader language, with its sign', () => {
    const it = score({ condition: 'good', constraints: ['heritage'] }, { demand: 3 });
    expect(part(it, 'condition')!.explanation).toBe('+15 condizioni buone');
    expect(part(it, 'constraints')!.explanation).toBe('\u221210 vincolo storico-artistico');
    expect(part(it, 'demand')!.explanation).toBe('+12 3 organizzazioni cercano spazi entro 2 km');
    const en = scoreBuilding(
      { ...base, condition: 'good' },
      { ...around, demand: 1, demandWithin: 'municipality' },
      REUSE_DEFAULT_WEIGHTS,
      'en',
      NOW,
    );
    expect(part(en, 'condition')!.explanation).toBe('+15 good condition');
    expect(part(en, 'demand')!.explanation).toBe('+4 1 organization needs space in the municipality');
    expect(signed(0)).toBe('0');
  });

  it('stores the parts as compact text and reads back the same parts, explanations and score (a property)', () => {
    let seed = 9;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const one = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
    for (let k = 0; k < 300; k++) {
      const b: ScoreBuilding = {
        condition: one(['good', 'fair', 'poor', 'ruin'] as const),
        indoorAreaM2: rand() < 0.2 ? null : Math.round(rand() * 900),
        outdoorAreaM2: rand() < 0.5 ? null : Math.round(rand() * 400),
        accessibility: one(['accessible', 'partly_accessible', 'not_accessible', 'unknown'] as const),
        constraints: rand() < 0.5 ? [] : [one(['heritage', 'landscape', 'hydrogeological', 'urban_planning', 'other'] as const)],
        ownership: one(['municipal', 'private', 'confiscated'] as const),
        currentUse: one(['unused', 'underused', 'partly_used', 'in_use'] as const),
        stage: one(['mapped', 'assessed', 'planned', 'assigned', 'active', 'discarded'] as const),
        suitableUses: [],
        recordedAt: new Date(NOW.getTime() - rand() * 9 * 365 * 864e5),
      };
      const s: ScoreSurroundings = {
        demand: Math.floor(rand() * 9),
        demandWithin: rand() < 0.5 ? 'radius' : 'municipality',
        initiatives: Math.floor(rand() * 5),
        activeReused: Math.floor(rand() * 4),
      };
      const weights = Object.fromEntries(REUSE_FACTORS.map((f) => [f, rand() < 0.15 ? 0 : Math.floor(rand() * 101)])) as ReuseWeights;
      const stored = storedParts(b, s, weights, NOW);
      const text = encodeParts(stored.parts);
      expect(decodeParts(text)).toEqual(stored.parts);
      for (const lang of ['it', 'en'] as const)
        expect(explainStored(decodeParts(text), lang)).toEqual(scoreBuilding(b, s, weights, lang, NOW).factors);
    }
    expect(decodeParts(encodeParts([]))).toEqual([]);
  });
});

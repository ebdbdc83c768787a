/**
 * The reuse-potential score of a building (issue 11, docs/reuse.md): pure functions, no database.
 *
 * Each factor gives a value in [-1, 1] from the building and its surroundings; its contribution is
 * `round(weight × value)`. The score is the sum of the contributions; a sum outside 0–100 is brought
 * back by a `bounds` part, so the parts shown always add up to the score. A weight of 0 removes the
 * factor from the list.
 */
import {
  type BuildingAccessibility,
  type BuildingCondition,
  type BuildingConstraint,
  type BuildingCurrentUse,
  type BuildingOwnership,
  type Language,
  REUSE_BOUNDS_FACTOR,
  REUSE_DEMAND_RADIUS_KM,
  REUSE_FACTORS,
  type ReuseFactor,
  type ReuseStage,
  type ReuseWeights,
  type SuitableUse,
} from '@trama/contracts';

/** What the score reads of a building. */
export interface ScoreBuilding {
  condition: BuildingCondition;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  accessibility: BuildingAccessibility;
  constraints: readonly BuildingConstraint[];
  ownership: BuildingOwnership;
  currentUse: BuildingCurrentUse;
  stage: ReuseStage;
  suitableUses: readonly SuitableUse[];
  /** since when the register knows it (its creation): the time unused counts from there */
  recordedAt: Date;
}

/** What the score reads of the surroundings (counted by `reuse-surroundings.ts` or SQL). */
export interface ScoreSurroundings {
  /** organizations that need space and match the building's uses, nearby */
  demand: number;
  /** where `demand` was counted: within REUSE_DEMAND_RADIUS_KM (the building is placed), or in its municipality */
  demandWithin: 'radius' | 'municipality';
  /** initiatives of the municipality in search of a venue (idea/planned, no building) matching its uses */
  initiatives: number;
  /** buildings of the municipality already reused (stage `active`), this one left out */
  activeReused: number;
}

export interface ScorePart {
  factor: ReuseFactor | typeof REUSE_BOUNDS_FACTOR;
  contribution: number;
  explanation: string;
}

export interface BuildingScore {
  score: number;
  factors: ScorePart[];
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/** A factor's value in [-1, 1] and what to say about it (a text key and its parameters). */
interface Value {
  value: number;
  key: string;
  n?: number;
}

const CONDITION: Record<BuildingCondition, number> = { good: 1, fair: 0.5, poor: 0, ruin: -0.5 };
const ACCESSIBILITY: Record<BuildingAccessibility, number> = { accessible: 1, partly_accessible: 0.5, unknown: 0, not_accessible: -0.5 };
const CURRENT_USE: Record<BuildingCurrentUse, number> = { unused: 1, underused: 0.7, partly_used: 0.3, in_use: 0 };
const STAGE: Record<ReuseStage, number> = { mapped: 0.5, assessed: 1, planned: 0.7, assigned: 0, active: -0.5, discarded: -1 };

/** The usable surface: indoor, plus a quarter of the outdoor. */
export function usableArea(b: Pick<ScoreBuilding, 'indoorAreaM2' | 'outdoorAreaM2'>): number | null {
  if (b.indoorAreaM2 === null && b.outdoorAreaM2 === null) return null;
  return (b.indoorAreaM2 ?? 0) + (b.outdoorAreaM2 ?? 0) / 4;
}

function sizeValue(area: number | null): Value {
  if (area === null) return { value: 0, key: 'size.unknown' };
  const value = area < 30 ? 0.1 : area < 100 ? 0.4 : area < 300 ? 0.7 : 1;
  return { value, key: 'size', n: Math.round(area) };
}

function constraintsValue(constraints: readonly BuildingConstraint[]): Value {
  if (constraints.includes('heritage')) return { value: -1, key: 'constraints.heritage' };
  if (constraints.length > 0) return { value: -0.5, key: `constraints.${constraints[0]}` };
  return { value: 0, key: 'constraints.none' };
}

function ownershipValue(ownership: BuildingOwnership): Value {
  if (ownership === 'confiscated') return { value: 1, key: 'ownership.confiscated' };
  if (ownership === 'private') return { value: 0, key: 'ownership.private' };
  return { value: 1, key: 'ownership.public' };
}

function timeUnusedValue(b: ScoreBuilding, now: Date): Value {
  if (b.currentUse !== 'unused' && b.currentUse !== 'underused') return { value: 0, key: 'timeUnused.inUse' };
  const years = Math.max(0, (now.getTime() - b.recordedAt.getTime()) / YEAR_MS);
  return { value: Math.min(1, years / 5), key: 'timeUnused', n: Math.floor(years) };
}

function scarcityValue(active: number): Value {
  const value = active === 0 ? 1 : active === 1 ? 0.5 : active === 2 ? 0.25 : 0;
  return { value, key: active === 0 ? 'scarcity.none' : 'scarcity', n: active };
}

/** Every factor's value for a building in its surroundings. */
export function factorValues(b: ScoreBuilding, s: ScoreSurroundings, now: Date): Record<ReuseFactor, Value> {
  return {
    condition: { value: CONDITION[b.condition], key: `condition.${b.condition}` },
    size: sizeValue(usableArea(b)),
    accessibility: { value: ACCESSIBILITY[b.accessibility], key: `accessibility.${b.accessibility}` },
    constraints: constraintsValue(b.constraints),
    ownership: ownershipValue(b.ownership),
    currentUse: { value: CURRENT_USE[b.currentUse], key: `currentUse.${b.currentUse}` },
    stage: { value: STAGE[b.stage], key: `stage.${b.stage}` },
    timeUnused: timeUnusedValue(b, now),
    demand: { value: Math.min(1, s.demand / 5), key: `demand.${s.demandWithin}`, n: s.demand },
    initiatives: { value: Math.min(1, s.initiatives / 3), key: 'initiatives', n: s.initiatives },
    scarcity: scarcityValue(s.activeReused),
  };
}

/** The score and its parts (the parts add up to the score; weight 0 leaves a factor out). */
export function scoreBuilding(
  b: ScoreBuilding,
  s: ScoreSurroundings,
  weights: ReuseWeights,
  lang: Language,
  now = new Date(),
): BuildingScore {
  const { score, parts } = storedParts(b, s, weights, now);
  return { score, factors: explainStored(parts, lang) };
}

/** Compact parts as stored (`[factor, contribution, key, n]`), explained again in the reader's language. */
export type StoredPart = [string, number, string, number | null];

export function storedParts(
  b: ScoreBuilding,
  s: ScoreSurroundings,
  weights: ReuseWeights,
  now: Date,
): { score: number; parts: StoredPart[] } {
  const values = factorValues(b, s, now);
  const parts: StoredPart[] = [];
  let sum = 0;
  for (const factor of REUSE_FACTORS) {
    const weight = weights[factor];
    if (!weight) continue;
    const v = values[factor];
    const contribution = Math.round(weight * v.value) + 0;
    sum += contribution;
    parts.push([factor, contribution, v.key, v.n ?? null]);
  }
  const score = Math.min(100, Math.max(0, sum));
  if (score !== sum) parts.push([REUSE_BOUNDS_FACTOR, score - sum, 'bounds', null]);
  return { score, parts };
}

/** The factors by their index in a stored text (the bounds part last). */
const STORED_FACTORS: readonly string[] = [...REUSE_FACTORS, REUSE_BOUNDS_FACTOR];

/**
 * The stored parts as compact text (`reuse_scores.parts`): `factor,contribution,key,n` joined by `|`,
 * the factor as its index in REUSE_FACTORS (then `bounds`), the text key without the factor's name
 * (`condition.good` → `good`, `timeUnused` → empty), n empty when null:
 * `0,15,good,|1,7,,143|…|8,8,radius,2`. About a quarter of the JSON's size: the recompute writes
 * 50,000 of them at once.
 */
export function encodeParts(parts: readonly StoredPart[]): string {
  let out = '';
  for (const [factor, contribution, key, n] of parts) {
    const suffix = key === factor ? '' : key.slice(factor.length + 1);
    out += `${out ? '|' : ''}${STORED_FACTORS.indexOf(factor)},${contribution},${suffix},${n ?? ''}`;
  }
  return out;
}

export function decodeParts(text: string): StoredPart[] {
  if (text === '') return [];
  return text.split('|').map((part) => {
    const [index, contribution, suffix, n] = part.split(',');
    const factor = STORED_FACTORS[Number(index)];
    return [factor, Number(contribution), suffix ? `${factor}.${suffix}` : factor, n === '' ? null : Number(n)];
  });
}

export function explainStored(parts: readonly StoredPart[], lang: Language): ScorePart[] {
  return parts.map(([factor, contribution, key, n]) => ({
    factor: factor as ScorePart['factor'],
    contribution,
    explanation: explain(lang, contribution, { value: 0, key, n: n ?? undefined }),
  }));
}

/** "+18", "−10" (a true minus sign), "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}

type Texts = Record<string, string | ((n: number) => string)>;

const IT: Texts = {
  'condition.good': 'condizioni buone',
  'condition.fair': 'condizioni discrete',
  'condition.poor': 'condizioni scarse',
  'condition.ruin': 'edificio in rovina',
  size: (n) => `superficie utile ${n} m²`,
  'size.unknown': 'superficie non nota',
  'accessibility.accessible': 'accessibile',
  'accessibility.partly_accessible': 'parzialmente accessibile',
  'accessibility.not_accessible': 'non accessibile',
  'accessibility.unknown': 'accessibilità non nota',
  'constraints.heritage': 'vincolo storico-artistico',
  'constraints.landscape': 'vincolo paesaggistico',
  'constraints.hydrogeological': 'vincolo idrogeologico',
  'constraints.urban_planning': 'vincolo urbanistico',
  'constraints.other': 'altri vincoli',
  'constraints.none': 'nessun vincolo',
  'ownership.public': 'proprietà pubblica',
  'ownership.confiscated': 'bene confiscato alla criminalità',
  'ownership.private': 'proprietà privata',
  'currentUse.unused': 'inutilizzato',
  'currentUse.underused': 'sottoutilizzato',
  'currentUse.partly_used': 'in parte utilizzato',
  'currentUse.in_use': 'in uso',
  'stage.mapped': 'fase: mappato',
  'stage.assessed': 'fase: valutato',
  'stage.planned': 'fase: progettato',
  'stage.assigned': 'fase: assegnato',
  'stage.active': 'già attivo',
  'stage.discarded': 'scartato',
  timeUnused: (n) => (n === 0 ? 'inutilizzato da meno di un anno' : n === 1 ? 'inutilizzato da 1 anno' : `inutilizzato da ${n} anni`),
  'timeUnused.inUse': 'non inutilizzato',
  'demand.radius': (n) =>
    n === 0
      ? `nessuna organizzazione cerca spazi entro ${REUSE_DEMAND_RADIUS_KM} km`
      : n === 1
        ? `1 organizzazione cerca spazi entro ${REUSE_DEMAND_RADIUS_KM} km`
        : `${n} organizzazioni cercano spazi entro ${REUSE_DEMAND_RADIUS_KM} km`,
  'demand.municipality': (n) =>
    n === 0
      ? 'nessuna organizzazione cerca spazi nel comune'
      : n === 1
        ? '1 organizzazione cerca spazi nel comune'
        : `${n} organizzazioni cercano spazi nel comune`,
  initiatives: (n) =>
    n === 0
      ? 'nessuna iniziativa cerca una sede nel comune'
      : n === 1
        ? '1 iniziativa cerca una sede nel comune'
        : `${n} iniziative cercano una sede nel comune`,
  scarcity: (n) => (n === 1 ? '1 spazio riusato attivo nel comune' : `${n} spazi riusati attivi nel comune`),
  'scarcity.none': 'nessuno spazio riusato attivo nel comune',
  bounds: 'punteggio riportato entro 0–100',
};

const EN: Texts = {
  'condition.good': 'good condition',
  'condition.fair': 'fair condition',
  'condition.poor': 'poor condition',
  'condition.ruin': 'in ruins',
  size: (n) => `usable area ${n} m²`,
  'size.unknown': 'area unknown',
  'accessibility.accessible': 'accessible',
  'accessibility.partly_accessible': 'partly accessible',
  'accessibility.not_accessible': 'not accessible',
  'accessibility.unknown': 'accessibility unknown',
  'constraints.heritage': 'heritage constraint',
  'constraints.landscape': 'landscape constraint',
  'constraints.hydrogeological': 'hydrogeological constraint',
  'constraints.urban_planning': 'urban planning constraint',
  'constraints.other': 'other constraints',
  'constraints.none': 'no constraints',
  'ownership.public': 'public ownership',
  'ownership.confiscated': 'confiscated from organised crime',
  'ownership.private': 'private ownership',
  'currentUse.unused': 'unused',
  'currentUse.underused': 'underused',
  'currentUse.partly_used': 'partly used',
  'currentUse.in_use': 'in use',
  'stage.mapped': 'stage: mapped',
  'stage.assessed': 'stage: assessed',
  'stage.planned': 'stage: planned',
  'stage.assigned': 'stage: assigned',
  'stage.active': 'already active',
  'stage.discarded': 'discarded',
  timeUnused: (n) => (n === 0 ? 'unused for less than a year' : n === 1 ? 'unused for 1 year' : `unused for ${n} years`),
  'timeUnused.inUse': 'not unused',
  'demand.radius': (n) =>
    n === 0
      ? `no organization needs space within ${REUSE_DEMAND_RADIUS_KM} km`
      : n === 1
        ? `1 organization needs space within ${REUSE_DEMAND_RADIUS_KM} km`
        : `${n} organizations need space within ${REUSE_DEMAND_RADIUS_KM} km`,
  'demand.municipality': (n) =>
    n === 0
      ? 'no organization needs space in the municipality'
      : n === 1
        ? '1 organization needs space in the municipality'
        : `${n} organizations need space in the municipality`,
  initiatives: (n) =>
    n === 0
      ? 'no initiative is looking for a venue in the municipality'
      : n === 1
        ? '1 initiative is looking for a venue in the municipality'
        : `${n} initiatives are looking for a venue in the municipality`,
  scarcity: (n) => (n === 1 ? '1 active reused space in the municipality' : `${n} active reused spaces in the municipality`),
  'scarcity.none': 'no active reused space in the municipality',
  bounds: 'score brought within 0–100',
};

function explain(lang: Language, contribution: number, v: Value): string {
  const texts = lang === 'en' ? EN : IT;
  const text = texts[v.key] ?? v.key;
  return `${signed(contribution)} ${typeof text === 'function' ? text(v.n ?? 0) : text}`;
}

/**
 * Matching buildings ↔ organizations and counting the surroundings (issue 11, docs/reuse.md): pure
 * functions, no database. Used by the service (one building, one organization), the background
 * recompute (a whole tenant, with a grid) and the offline evaluation (`npm run eval:reuse`).
 */
import {
  type Language,
  type OrganizationSize,
  REUSE_DEMAND_RADIUS_KM,
  REUSE_MATCH_MAX_KM,
  SUITABLE_USES,
  type SuitableUse,
  TARGET_GROUPS,
  type TargetGroup,
  type Theme,
  THEMES,
} from '@trama/contracts';

/** The themes each suitable use serves (an organization with one of them could use the building). */
export const USE_THEMES: Record<SuitableUse, readonly Theme[]> = {
  social: ['social_inclusion', 'elderly', 'families', 'migrants', 'disability', 'health', 'legality'],
  cultural: ['culture', 'tourism', 'urban_regeneration', 'digital'],
  economic: ['work', 'digital', 'tourism', 'urban_regeneration'],
  sport: ['sport', 'youth', 'health'],
  education: ['education', 'youth', 'digital'],
  housing: ['housing', 'social_inclusion', 'migrants'],
};

/** The target groups each suitable use serves. */
export const USE_TARGETS: Record<SuitableUse, readonly TargetGroup[]> = {
  social: ['elderly', 'families', 'people_with_disabilities', 'people_in_poverty', 'migrants', 'detainees'],
  cultural: ['general_public', 'youth', 'students'],
  economic: ['unemployed', 'adults', 'women'],
  sport: ['children', 'youth', 'people_with_disabilities'],
  education: ['children', 'youth', 'students'],
  housing: ['people_in_poverty', 'migrants', 'families'],
};

/** The indoor surface an organization of each size needs at least (m²). */
export const SIZE_NEEDS_M2: Record<OrganizationSize, number> = { micro: 20, small: 80, medium: 200, large: 500 };

export interface MatchBuilding {
  municipalityId: string;
  lat: number | null;
  lon: number | null;
  indoorAreaM2: number | null;
  suitableUses: readonly SuitableUse[];
}

export interface MatchOrganization {
  municipalityId: string;
  lat: number | null;
  lon: number | null;
  themes: readonly Theme[];
  targetGroups: readonly TargetGroup[];
  size: OrganizationSize | null;
}

export interface Fit {
  fit: number;
  reasons: string[];
  /** km, when both are placed */
  distanceKm: number | null;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function placedDistance(b: MatchBuilding, o: MatchOrganization): number | null {
  if (b.lat === null || b.lon === null || o.lat === null || o.lon === null) return null;
  return distanceKm({ lat: b.lat, lon: b.lon }, { lat: o.lat, lon: o.lon });
}

/** The themes and target groups a building's uses serve (all of them when no use is recorded). */
export function servedBy(uses: readonly SuitableUse[]): { themes: Set<Theme>; targets: Set<TargetGroup>; any: boolean } {
  const themes = new Set<Theme>();
  const targets = new Set<TargetGroup>();
  for (const u of uses) {
    USE_THEMES[u].forEach((t) => themes.add(t));
    USE_TARGETS[u].forEach((t) => targets.add(t));
  }
  return { themes, targets, any: uses.length === 0 };
}

/** Whether an organization (that needs space) is interested in a building's uses. */
export function isRelevant(served: ReturnType<typeof servedBy>, o: Pick<MatchOrganization, 'themes' | 'targetGroups'>): boolean {
  return served.any || o.themes.some((t) => served.themes.has(t)) || o.targetGroups.some((t) => served.targets.has(t));
}

/** One formatter per language (`toLocaleString` builds one per call: ~100× slower in a loop). */
const KM_FORMAT = {
  it: new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

const T = {
  it: {
    themes: (list: string) => `temi in comune: ${list}`,
    targets: (list: string) => `destinatari in comune: ${list}`,
    km: (km: string) => `a ${km} km`,
    sameMunicipality: 'nello stesso comune',
    sizeFits: (m2: number) => `superficie adatta (${m2} m²)`,
    sizeSmall: (m2: number) => `superficie forse piccola (${m2} m²)`,
  },
  en: {
    themes: (list: string) => `shared themes: ${list}`,
    targets: (list: string) => `shared target groups: ${list}`,
    km: (km: string) => `${km} km away`,
    sameMunicipality: 'in the same municipality',
    sizeFits: (m2: number) => `area fits (${m2} m²)`,
    sizeSmall: (m2: number) => `area may be small (${m2} m²)`,
  },
};

/**
 * How well an organization that needs space fits a building, 0–100, with its reasons; null when it
 * does not (no shared theme or target group, or farther than REUSE_MATCH_MAX_KM / another municipality).
 * Parts: themes up to 40 (two shared), target groups 15, closeness up to 30, size 15 (−15 too small).
 * `labels` names themes and target groups in the reader's language.
 */
export function matchFit(
  b: MatchBuilding,
  o: MatchOrganization,
  lang: Language,
  labels: (code: string) => string = (c) => c,
  served = servedBy(b.suitableUses),
): Fit | null {
  const sharedThemes = served.any ? [] : o.themes.filter((t) => served.themes.has(t));
  const sharedTargets = served.any ? [] : o.targetGroups.filter((t) => served.targets.has(t));
  if (!served.any && sharedThemes.length === 0 && sharedTargets.length === 0) return null;
  const km = placedDistance(b, o);
  const sameMunicipality = b.municipalityId === o.municipalityId;
  if (km === null ? !sameMunicipality : km > REUSE_MATCH_MAX_KM) return null;
  const t = T[lang];
  const reasons: string[] = [];
  let fit = 0;
  if (sharedThemes.length > 0) {
    fit += 20 * Math.min(2, sharedThemes.length);
    reasons.push(t.themes(sharedThemes.map(labels).join(', ')));
  }
  if (sharedTargets.length > 0) {
    fit += 15;
    reasons.push(t.targets(sharedTargets.map(labels).join(', ')));
  }
  if (km !== null) {
    fit += km <= 1 ? 30 : km <= REUSE_DEMAND_RADIUS_KM ? 25 : km <= 5 ? 15 : 5;
    reasons.push(t.km(KM_FORMAT[lang].format(km)));
  } else {
    fit += 15;
    reasons.push(t.sameMunicipality);
  }
  if (o.size && b.indoorAreaM2 !== null) {
    const m2 = Math.round(b.indoorAreaM2);
    if (b.indoorAreaM2 >= SIZE_NEEDS_M2[o.size]) {
      fit += 15;
      reasons.push(t.sizeFits(m2));
    } else {
      fit -= 15;
      reasons.push(t.sizeSmall(m2));
    }
  }
  return { fit: Math.max(0, Math.min(100, fit)), reasons, distanceKm: km === null ? null : Math.round(km * 10) / 10 };
}

/** Whether an organization counts in a building's demand: relevant, and within the radius (placed) or the municipality. */
export function countsAsDemand(b: MatchBuilding, o: MatchOrganization, served = servedBy(b.suitableUses)): boolean {
  if (!isRelevant(served, o)) return false;
  if (b.lat !== null && b.lon !== null) {
    if (o.lat === null || o.lon === null) return b.municipalityId === o.municipalityId;
    return distanceKm({ lat: b.lat, lon: b.lon }, { lat: o.lat, lon: o.lon }) <= REUSE_DEMAND_RADIUS_KM;
  }
  return b.municipalityId === o.municipalityId;
}

/** A bit per theme and per target group (18 and 13: one 32-bit integer each). */
const THEME_BIT = new Map<string, number>(THEMES.map((t, i) => [t, 1 << i]));
const TARGET_BIT = new Map<string, number>(TARGET_GROUPS.map((t, i) => [t, 1 << i]));

function maskOf(codes: readonly string[], bits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const c of codes) mask |= bits.get(c) ?? 0;
  return mask;
}

/** What a building's uses serve, as bit masks (`any`: no use recorded, every organization is interested). */
export interface ServedMasks {
  themes: number;
  targets: number;
  any: boolean;
  /** one key per set of uses (for caches) */
  key: number;
}

const SERVED_MASKS = new Map<number, ServedMasks>();

export function servedMasks(uses: readonly SuitableUse[]): ServedMasks {
  let key = 0;
  for (const u of uses) key |= 1 << SUITABLE_USES.indexOf(u);
  let masks = SERVED_MASKS.get(key);
  if (!masks) {
    const served = servedBy(uses);
    masks = { themes: maskOf([...served.themes], THEME_BIT), targets: maskOf([...served.targets], TARGET_BIT), any: served.any, key };
    SERVED_MASKS.set(key, masks);
  }
  return masks;
}

const EARTH_KM = 6371;
const RAD = Math.PI / 180;

/**
 * The organizations that need space, arranged to count a building's demand fast and exactly as
 * `countsAsDemand` does one by one (a property test compares them): placed organizations in a grid
 * of ~1 km cells stored in flat typed arrays (themes and target groups as bit masks, latitudes'
 * cosines precomputed), the cells searched those that can hold a point within the radius (from the
 * largest latitude of the data, so no organization within the radius is missed), then the same
 * haversine as `distanceKm`; the municipality counts (unplaced buildings, unplaced organizations)
 * cached per set of uses.
 */
export class OrganizationGrid<O extends MatchOrganization> {
  private readonly radiusKm: number;
  private readonly cellLat: number;
  private readonly cellLon: number;
  /** degrees of latitude and of longitude a point within the radius can be away */
  private readonly reachLat: number;
  private readonly reachLon: number;
  /** cell key → [start, end) in the flat arrays */
  private readonly cells = new Map<number, number>();
  private readonly cellEnds = new Map<number, number>();
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly themes: Int32Array;
  private readonly targets: Int32Array;
  /** per municipality: the masks of its unplaced organizations, and of all of them */
  private readonly unplaced = new Map<string, Int32Array>();
  private readonly all = new Map<string, Int32Array>();
  private readonly counted = new Map<string, number>();

  constructor(organizations: readonly O[], radiusKm = REUSE_DEMAND_RADIUS_KM) {
    this.radiusKm = radiusKm;
    let maxAbsLat = 0;
    const placed: O[] = [];
    const unplaced = new Map<string, number[]>();
    const all = new Map<string, number[]>();
    for (const o of organizations) {
      const pair = [maskOf(o.themes, THEME_BIT), maskOf(o.targetGroups, TARGET_BIT)];
      push(all, o.municipalityId, pair[0], pair[1]);
      if (o.lat === null || o.lon === null) push(unplaced, o.municipalityId, pair[0], pair[1]);
      else {
        placed.push(o);
        maxAbsLat = Math.max(maxAbsLat, Math.abs(o.lat));
      }
    }
    for (const [m, masks] of unplaced) this.unplaced.set(m, Int32Array.from(masks));
    for (const [m, masks] of all) this.all.set(m, Int32Array.from(masks));
    // a point within r km differs by at most r / 6371 rad in latitude, and (at latitude ≤ φmax, for
    // both points) by at most 2·asin(sin(r / 2R) / cos φmax) in longitude; 1% more for rounding
    this.reachLat = (radiusKm / EARTH_KM / RAD) * 1.01;
    const cosMax = Math.cos(Math.min(89, maxAbsLat + this.reachLat) * RAD);
    this.reachLon = Math.min(180, ((2 * Math.asin(Math.min(1, Math.sin(radiusKm / (2 * EARTH_KM)) / cosMax))) / RAD) * 1.01);
    this.cellLat = this.reachLat / 2;
    this.cellLon = this.reachLon / 2;
    const keys = placed.map((o) => this.key(Math.floor(o.lat! / this.cellLat), Math.floor(o.lon! / this.cellLon)));
    const order = placed.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
    const n = placed.length;
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.cosLat = new Float64Array(n);
    this.themes = new Int32Array(n);
    this.targets = new Int32Array(n);
    order.forEach((from, to) => {
      const o = placed[from];
      this.lat[to] = o.lat!;
      this.lon[to] = o.lon!;
      this.cosLat[to] = Math.cos(o.lat! * RAD);
      this.themes[to] = maskOf(o.themes, THEME_BIT);
      this.targets[to] = maskOf(o.targetGroups, TARGET_BIT);
      const key = keys[from];
      if (!this.cells.has(key)) this.cells.set(key, to);
      this.cellEnds.set(key, to + 1);
    });
  }

  /** A cell's key: row and column in one number (exact for |row|, |col| < 2^20). */
  private key(row: number, col: number): number {
    return (row + 1048576) * 2097152 + (col + 1048576);
  }

  /** How many of a municipality's organizations (unplaced only, or all) are interested in these uses. */
  private countIn(lists: Map<string, Int32Array>, which: string, municipalityId: string, served: ServedMasks): number {
    const cacheKey = `${which}:${municipalityId}:${served.key}`;
    const cached = this.counted.get(cacheKey);
    if (cached !== undefined) return cached;
    const masks = lists.get(municipalityId);
    let n = 0;
    if (masks) {
      if (served.any) n = masks.length / 2;
      else for (let i = 0; i < masks.length; i += 2) if ((masks[i] & served.themes) !== 0 || (masks[i + 1] & served.targets) !== 0) n++;
    }
    this.counted.set(cacheKey, n);
    return n;
  }

  /** The building's demand: as `countsAsDemand` over every organization, without comparing every pair. */
  demand(b: MatchBuilding): number {
    const served = servedMasks(b.suitableUses);
    if (b.lat === null || b.lon === null) return this.countIn(this.all, 'all', b.municipalityId, served);
    let n = this.countIn(this.unplaced, 'unplaced', b.municipalityId, served);
    const lat = b.lat;
    const lon = b.lon;
    const cosB = Math.cos(lat * RAD);
    const rowFrom = Math.floor((lat - this.reachLat) / this.cellLat);
    const rowTo = Math.floor((lat + this.reachLat) / this.cellLat);
    const colFrom = Math.floor((lon - this.reachLon) / this.cellLon);
    const colTo = Math.floor((lon + this.reachLon) / this.cellLon);
    const { themes, targets, any } = served;
    const radius = this.radiusKm;
    for (let row = rowFrom; row <= rowTo; row++) {
      for (let col = colFrom; col <= colTo; col++) {
        const key = this.key(row, col);
        const start = this.cells.get(key);
        if (start === undefined) continue;
        const end = this.cellEnds.get(key)!;
        for (let i = start; i < end; i++) {
          if (!any && (this.themes[i] & themes) === 0 && (this.targets[i] & targets) === 0) continue;
          // distanceKm's arithmetic, term by term (the same doubles)
          const dLat = (this.lat[i] - lat) * RAD;
          const dLon = (this.lon[i] - lon) * RAD;
          const h = Math.sin(dLat / 2) ** 2 + cosB * this.cosLat[i] * Math.sin(dLon / 2) ** 2;
          if (2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h))) <= radius) n++;
        }
      }
    }
    return n;
  }
}

function push<K>(map: Map<K, number[]>, key: K, ...values: number[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}

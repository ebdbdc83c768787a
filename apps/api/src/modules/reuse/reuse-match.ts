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
  type SuitableUse,
  type TargetGroup,
  type Theme,
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

/**
 * A grid of organizations by cell (about REUSE_DEMAND_RADIUS_KM wide) and by municipality, so a
 * whole tenant's demand is counted without comparing every building with every organization.
 */
export class OrganizationGrid<O extends MatchOrganization> {
  private readonly cells = new Map<string, O[]>();
  private readonly byMunicipality = new Map<string, O[]>();
  private readonly unplacedByMunicipality = new Map<string, O[]>();
  /** cell height in degrees of latitude; width scaled by the latitude of the first point */
  private readonly dLat = REUSE_DEMAND_RADIUS_KM / 111.2;
  private dLon = REUSE_DEMAND_RADIUS_KM / (111.2 * Math.cos((41 * Math.PI) / 180));

  constructor(organizations: readonly O[]) {
    for (const o of organizations) {
      push(this.byMunicipality, o.municipalityId, o);
      if (o.lat === null || o.lon === null) push(this.unplacedByMunicipality, o.municipalityId, o);
      else push(this.cells, this.key(o.lat, o.lon), o);
    }
  }

  private key(lat: number, lon: number): string {
    return `${Math.floor(lat / this.dLat)}:${Math.floor(lon / this.dLon)}`;
  }

  /** The organizations that may count for a building: the 3×3 cells around it and the unplaced ones of its municipality; all of its municipality when it is not placed. */
  candidates(b: MatchBuilding): O[] {
    if (b.lat === null || b.lon === null) return this.byMunicipality.get(b.municipalityId) ?? [];
    const row = Math.floor(b.lat / this.dLat);
    const col = Math.floor(b.lon / this.dLon);
    const out: O[] = [...(this.unplacedByMunicipality.get(b.municipalityId) ?? [])];
    for (let r = row - 1; r <= row + 1; r++) for (let c = col - 1; c <= col + 1; c++) out.push(...(this.cells.get(`${r}:${c}`) ?? []));
    return out;
  }

  demand(b: MatchBuilding): number {
    const served = servedBy(b.suitableUses);
    let n = 0;
    for (const o of this.candidates(b)) if (countsAsDemand(b, o, served)) n++;
    return n;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

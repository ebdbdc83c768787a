/**
 * The surroundings of a whole tenant's buildings for the background recompute (issue 11,
 * docs/reuse.md): pure, no database; the bench (`npm run bench:reuse`) times it in process.
 */
import type { Theme } from '@trama/contracts';
import type { ReuseBuildingRow, SpaceSeekerRow, VenueSeekerRow } from './reuse.repository';
import { OrganizationGrid, servedBy, servedMasks } from './reuse-match';
import type { ScoreSurroundings } from './reuse-score';

/** The demand, initiatives and scarcity of every building of a tenant, from the tenant's rows (pure). */
export function surroundingsOfTenant(
  buildings: readonly ReuseBuildingRow[],
  seekers: readonly SpaceSeekerRow[],
  venues: readonly VenueSeekerRow[],
): (b: ReuseBuildingRow) => ScoreSurroundings {
  const grid = new OrganizationGrid(seekers);
  const activeByMunicipality = new Map<string, number>();
  for (const b of buildings)
    if (b.stage === 'active') activeByMunicipality.set(b.municipalityId, (activeByMunicipality.get(b.municipalityId) ?? 0) + 1);
  const venuesByMunicipality = new Map<string, VenueSeekerRow[]>();
  for (const v of venues) {
    const list = venuesByMunicipality.get(v.municipalityId);
    if (list) list.push(v);
    else venuesByMunicipality.set(v.municipalityId, [v]);
  }
  // the initiatives' count depends on the municipality and the set of uses only
  const initiatives = new Map<string, number>();
  return (b) => {
    const key = `${b.municipalityId}:${servedMasks(b.suitableUses).key}`;
    let n = initiatives.get(key);
    if (n === undefined) {
      n = countVenues(b, venuesByMunicipality.get(b.municipalityId) ?? []);
      initiatives.set(key, n);
    }
    return {
      demand: grid.demand(b),
      demandWithin: b.lat !== null && b.lon !== null ? 'radius' : 'municipality',
      initiatives: n,
      activeReused: (activeByMunicipality.get(b.municipalityId) ?? 0) - (b.stage === 'active' ? 1 : 0),
    };
  };
}

export function countVenues(b: Pick<ReuseBuildingRow, 'suitableUses'>, venues: readonly VenueSeekerRow[]): number {
  const served = servedBy(b.suitableUses);
  return venues.filter((v) => served.any || v.themes.some((t: Theme) => served.themes.has(t))).length;
}

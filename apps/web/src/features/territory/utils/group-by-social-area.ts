import type { MunicipalityDto } from '../../../lib/reference/municipalities';

export interface SocialAreaGroup {
  /** null for municipalities not (yet) in any social area */
  code: string | null;
  name: string | null;
  municipalities: MunicipalityDto[];
  totalPopulation: number;
}

/** Lower-case, without accents or apostrophes, so that "sant'eramo" finds "Santeramo" and "poggiorsini" "Poggiorsìni". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .toLowerCase()
    .trim();
}

/** Does a municipality match a search: its name, its ISTAT code, or its social area's name. */
export function matchesSearch(municipality: MunicipalityDto, query: string): boolean {
  const q = normalizeForSearch(query);
  if (!q) return true;
  return (
    normalizeForSearch(municipality.name).includes(q) ||
    municipality.istatCode.includes(q) ||
    (municipality.socialArea ? normalizeForSearch(municipality.socialArea.name).includes(q) : false)
  );
}

/**
 * Groups municipalities by social area: groups ordered by name, municipalities by name inside each,
 * with the group's total population; municipalities without an area come last, in one group.
 */
export function groupBySocialArea(
  municipalities: readonly MunicipalityDto[],
  compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): SocialAreaGroup[] {
  const groups = new Map<string | null, SocialAreaGroup>();
  for (const municipality of municipalities) {
    const code = municipality.socialArea?.code ?? null;
    let group = groups.get(code);
    if (!group) {
      group = { code, name: municipality.socialArea?.name ?? null, municipalities: [], totalPopulation: 0 };
      groups.set(code, group);
    }
    group.municipalities.push(municipality);
    group.totalPopulation += municipality.population;
  }
  for (const group of groups.values()) {
    group.municipalities.sort((a, b) => compare(a.name, b.name) || a.istatCode.localeCompare(b.istatCode));
  }
  return [...groups.values()].sort((a, b) => {
    if (a.code === null) return b.code === null ? 0 : 1;
    if (b.code === null) return -1;
    return compare(a.name ?? a.code, b.name ?? b.code) || a.code.localeCompare(b.code);
  });
}

/** The extent of the municipalities' representative points, widened so that whole boundaries fall inside: "minLon,minLat,maxLon,maxLat". */
export function boundingBox(municipalities: readonly Pick<MunicipalityDto, 'lat' | 'lon'>[], margin = 0.25): string | null {
  if (municipalities.length === 0) return null;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const { lat, lon } of municipalities) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const round = (value: number) => Math.round(value * 1e4) / 1e4;
  return [
    round(Math.max(-180, minLon - margin)),
    round(Math.max(-90, minLat - margin)),
    round(Math.min(180, maxLon + margin)),
    round(Math.min(90, maxLat + margin)),
  ].join(',');
}

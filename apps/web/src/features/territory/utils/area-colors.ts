/**
 * Fill colours for social areas on the map: 12 hues that stay apart for the common colour-vision
 * deficiencies as far as 12 can (Okabe–Ito first, then Tol's muted set). Colour is never the only
 * cue: the list names each area, and the map's tooltip names the municipality and its area.
 */
export const AREA_PALETTE = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#332288',
  '#88CCEE',
  '#117733',
  '#DDCC77',
  '#AA4499',
] as const;

export const NO_AREA_COLOR = '#9E9E9E';

/** A stable colour per social area: by the area's position among all codes, sorted. */
export function areaColors(codes: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(codes)].sort();
  return new Map(sorted.map((code, index) => [code, AREA_PALETTE[index % AREA_PALETTE.length]]));
}

// Synthetic buildings and organizations with PLANTED good matches, for the offline evaluation of the
// reuse matching (`npm run eval:reuse`, bench/eval-reuse.mjs; docs/reuse.md "Evaluation").
//
// Kept apart from bench/generate.mjs (which writes the registers into PostgreSQL for the speed
// benchmarks): this one builds plain objects in memory, with the fields the matching reads.
//
// The world: `municipalities` centres ~10 km apart; `buildings` with random suitable uses, sizes and
// points (±2.5 km around their centre); `organizations` with random themes, target groups, sizes and
// points, a share of which need space. For `planted` buildings one organization is planted as the
// building's good match (the one that "later got the building"): it needs space, works on a theme the
// building's use serves, is placed within 1.5 km and is of a size the building holds. Around each
// planted building `decoys` other organizations needing space are placed as close (random themes and
// sizes), so that closeness alone does not find the planted one.

const THEMES = [
  'social_inclusion', 'youth', 'elderly', 'families', 'migrants', 'disability', 'education', 'culture', 'sport',
  'environment', 'urban_regeneration', 'legality', 'work', 'digital', 'health', 'housing', 'mobility', 'tourism',
];
const TARGETS = [
  'children', 'youth', 'adults', 'elderly', 'families', 'women', 'migrants', 'people_with_disabilities', 'unemployed',
  'people_in_poverty', 'detainees', 'students', 'general_public',
];
const USES = ['social', 'cultural', 'economic', 'sport', 'education', 'housing'];
const SIZES = ['micro', 'small', 'medium', 'large'];
const SIZE_M2 = { micro: 20, small: 80, medium: 200, large: 500 };
/** the themes each use serves (a copy of USE_THEMES in apps/api/src/modules/reuse/reuse-match.ts: the planting must not import the model it evaluates) */
const USE_THEME = {
  social: ['social_inclusion', 'elderly', 'families', 'migrants', 'disability', 'health', 'legality'],
  cultural: ['culture', 'tourism', 'urban_regeneration', 'digital'],
  economic: ['work', 'digital', 'tourism', 'urban_regeneration'],
  sport: ['sport', 'youth', 'health'],
  education: ['education', 'youth', 'digital'],
  housing: ['housing', 'social_inclusion', 'migrants'],
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A world with planted matches: `{ buildings, organizations, truth: Map<buildingId, organizationId> }`. */
export function plantReuseWorld({ municipalities = 20, buildings = 2000, organizations = 6000, planted = 300, decoys = 4, spaceShare = 0.3, seed = 11 } = {}) {
  const r = mulberry32(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const some = (list, max) => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(list)))];
  const centres = Array.from({ length: municipalities }, (_, i) => ({ id: `m${i}`, lat: 40.9 + (i % 5) * 0.09, lon: 16.4 + Math.floor(i / 5) * 0.12 }));
  const around = (c, km) => {
    const a = r() * 2 * Math.PI;
    const d = Math.sqrt(r()) * km;
    return { lat: c.lat + (d / 111.2) * Math.sin(a), lon: c.lon + (d / (111.2 * Math.cos((c.lat * Math.PI) / 180))) * Math.cos(a) };
  };
  const bs = Array.from({ length: buildings }, (_, i) => {
    const m = pick(centres);
    return {
      id: `b${i}`,
      municipalityId: m.id,
      ...around(m, 2.5),
      indoorAreaM2: Math.round(30 + r() * r() * 900),
      suitableUses: some(USES, 2),
    };
  });
  const org = (id, m, point, extra = {}) => ({
    id,
    municipalityId: m,
    ...point,
    themes: some(THEMES, 3),
    targetGroups: some(TARGETS, 2),
    size: pick(SIZES),
    needsSpace: r() < spaceShare,
    ...extra,
  });
  const os = Array.from({ length: organizations }, (_, i) => {
    const m = pick(centres);
    return org(`o${i}`, m.id, r() < 0.8 ? around(m, 2.5) : { lat: null, lon: null });
  });
  const truth = new Map();
  const chosen = [...bs].sort(() => r() - 0.5).slice(0, planted);
  chosen.forEach((b, k) => {
    const use = pick(b.suitableUses);
    const fits = SIZES.filter((s) => SIZE_M2[s] <= b.indoorAreaM2);
    const good = org(`p${k}`, b.municipalityId, around(b, 1.5), {
      themes: [pick(USE_THEME[use]), ...some(THEMES, 2)].filter((v, i, a) => a.indexOf(v) === i),
      size: fits.length ? pick(fits) : 'micro',
      needsSpace: true,
    });
    os.push(good);
    truth.set(b.id, good.id);
    for (let d = 0; d < decoys; d++) os.push(org(`d${k}-${d}`, b.municipalityId, around(b, 1.5), { needsSpace: true }));
  });
  return { buildings: bs, organizations: os, truth };
}

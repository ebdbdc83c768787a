import { DEFAULT_COLLABORATION_WEIGHTS, RESOURCES, THEMES } from '@trama/contracts';
import { seededRandom } from './network';
import { copyText, OPEN_LINE_COLUMNS, openLine, streamLines } from './open-lines';
import { decodeReasons } from './reason-codec';
import { type OrganizationProfile, suggest } from './suggest';

/** A tenant of `n` organizations over 4 municipalities in a row, with random offers, needs, themes and links. */
function tenant(n: number, seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[], k: number) => Array.from({ length: k }, () => xs[Math.floor(random() * xs.length)]);
  const organizations: OrganizationProfile[] = Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    kind: pick(['aps', 'school', 'social_enterprise', 'cooperative'], 1)[0],
    municipalityId: `M${i % 4}`,
    themes: [...new Set(pick(THEMES, 2))],
    targetGroups: [],
    offers: [...new Set(pick(RESOURCES, 2))],
    needs: [...new Set(pick(RESOURCES, 1))],
  }));
  const ids = organizations.map((o) => o.id);
  const pairs = new Set<string>();
  for (let e = 0; e < n * 2; e++) {
    const [x, y] = [Math.floor(random() * n), Math.floor(random() * n)].sort((p, q) => p - q);
    if (x !== y) pairs.add(`${x},${y}`);
  }
  const sorted = [...pairs].map((p) => p.split(',').map(Number)).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const links = {
    ids,
    a: Int32Array.from(sorted, (p) => p[0]),
    b: Int32Array.from(sorted, (p) => p[1]),
    weight: Float64Array.from(sorted, () => 0.5 + random()),
    count: Int32Array.from(sorted, () => 1),
  };
  const neighbours = new Map([
    ['M0', ['M1']],
    ['M1', ['M0', 'M2']],
    ['M2', ['M1', 'M3']],
    ['M3', ['M2']],
  ]);
  // municipalities' names with the characters COPY's text format escapes (the reasons percent-encode them)
  const names = new Map([
    ['M0', 'Bari'],
    ['M1', 'Tab\there'],
    ['M2', 'Back\\slash'],
    ['M3', 'Line\nend'],
  ]);
  return { organizations, links, neighbours, names };
}

const settings = { weights: { ...DEFAULT_COLLABORATION_WEIGHTS }, maxHops: 2, minScore: 0 };

describe('the recompute streams its suggestions as COPY lines', () => {
  it('hands over, in chunks as the loop finds them, the lines of exactly the suggestions `suggest` ranks', async () => {
    const { organizations, links, neighbours, names } = tenant(900, 7);
    const byId = new Map(organizations.map((o) => [o.id, o]));
    const expected = suggest(organizations, links, neighbours, settings, {}, names);
    const chunks: string[] = [];
    const { count, communities } = await streamLines('T', organizations, links, neighbours, settings, names, {}, (chunk) =>
      chunks.push(chunk),
    );
    const lines = chunks.join('').split('\n');
    expect(lines.pop()).toBe(''); // every line ends with a line end
    expect(count).toBe(expected.suggestions.length);
    expect(count).toBeGreaterThan(2_000); // more than one chunk
    expect(chunks.length).toBe(Math.ceil(count / 2_000));
    expect(lines.sort()).toEqual(expected.suggestions.map((s) => openLine('T', s, byId.get(s.a)!, byId.get(s.b)!)).sort());
    expect(communities).toEqual(expected.communities);
  });

  it('escapes what the COPY text format reads as separators or escapes', () => {
    expect(copyText('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
    expect(copyText('{"youth","culture"}')).toBe('{"youth","culture"}');
  });

  it('writes each line in COPY text format: its columns by tabs, the reasons decodable with the names in them', () => {
    const { organizations, links, neighbours, names } = tenant(200, 3);
    const { suggestions } = suggest(organizations, links, neighbours, settings, {}, names);
    const byId = new Map(organizations.map((o) => [o.id, o]));
    const unescape = (v: string) => v.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
    const neighbouring = suggestions.find((s) => byId.get(s.a)!.municipalityId !== byId.get(s.b)!.municipalityId)!;
    for (const s of [suggestions[0], neighbouring]) {
      const line = openLine('T', s, byId.get(s.a)!, byId.get(s.b)!);
      expect(line).not.toContain('\n');
      const fields = line.split('\t');
      expect(fields).toHaveLength(OPEN_LINE_COLUMNS.length);
      const row = Object.fromEntries(OPEN_LINE_COLUMNS.map((c, i) => [c, fields[i]]));
      expect(row).toMatchObject({ tenant_id: 'T', organization_a: s.a, organization_b: s.b, score: String(s.score) });
      expect(row.reasons_key).toMatch(/^[0-9a-f]{32}$/);
      expect(decodeReasons(unescape(row.reasons_text))).toEqual(s.reasons);
      const themes = [...new Set([...byId.get(s.a)!.themes, ...byId.get(s.b)!.themes])].sort();
      expect(row.themes).toBe(`{${themes.map((t) => `"${t}"`).join(',')}}`);
    }
  });
});

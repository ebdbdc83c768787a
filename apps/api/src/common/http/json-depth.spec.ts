import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('exceedsJsonDepth', () => {
  it('accepts exactly the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(bytes(nested(MAX_JSON_DEPTH)))).toBe(false);
    expect(exceedsJsonDepth(bytes(nested(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(exceedsJsonDepth(bytes('{"a":{"b":[1,{"c":2}]}}'), 4)).toBe(false);
    expect(exceedsJsonDepth(bytes('{"a":{"b":[1,{"c":2}]}}'), 3)).toBe(true);
  });

  it('counts open brackets at once, not in total', () => {
    expect(exceedsJsonDepth(bytes(`[${Array.from({ length: 10_000 }, () => '{"a":[1]}').join(',')}]`), 3)).toBe(false);
  });

  it('ignores brackets inside strings, including after escaped quotes and backslashes', () => {
    expect(exceedsJsonDepth(bytes(JSON.stringify({ title: nested(100) })), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes(JSON.stringify({ title: `a"${nested(100)}"\\` })), 1)).toBe(false);
    expect(exceedsJsonDepth(bytes(JSON.stringify({ title: '\\' }) + nested(5)), 3)).toBe(true);
    expect(exceedsJsonDepth(bytes(JSON.stringify({ ['[[[[']: '{{{{', t: 'è [ 🎉 {' })), 1)).toBe(false);
  });

  it('mixes objects and arrays', () => {
    expect(exceedsJsonDepth(bytes('{"a":'.repeat(20) + '[' + '{"b":'.repeat(20) + '1' + '}'.repeat(20) + ']' + '}'.repeat(20)))).toBe(true);
  });

  it('scans in one pass: prints the cost of 100,000 levels and of a full 1 MB body', () => {
    const deep = bytes(nested(100_000));
    const flat = bytes(
      JSON.stringify({ items: Array.from({ length: 14_000 }, (_, i) => ({ id: i, text: `riga ${i} [con] {parentesi} "virgolette" è` })) }),
    );
    expect(flat.length).toBeGreaterThan(900_000);
    expect(flat.length).toBeLessThan(1_048_576);
    const time = (b: Buffer) => {
      const runs = 20;
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) exceedsJsonDepth(b);
      return (performance.now() - t0) / runs;
    };
    time(flat); // warm-up
    expect(exceedsJsonDepth(deep)).toBe(true);
    expect(exceedsJsonDepth(flat)).toBe(false);
    console.log(
      `depth scan: ${deep.length} bytes nested 100,000 levels ${time(deep).toFixed(3)} ms; ` +
        `${flat.length} bytes flat JSON (full scan) ${time(flat).toFixed(2)} ms`,
    );
  });
});

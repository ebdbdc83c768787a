import { cappedTotal } from './capped-count';
import { bodyHash, canonicalJson } from './idempotent-create';
import { containsPattern, escapeLike, prefixPattern } from './like';

describe('escapeLike', () => {
  it('makes %, _ and the escape character literal', () => {
    expect(escapeLike('50%_off\\now')).toBe('50\\%\\_off\\\\now');
    expect(escapeLike('plain text')).toBe('plain text');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(prefixPattern('07%')).toBe('07\\%%');
  });
});

describe('canonicalJson and bodyHash', () => {
  it('ignores key order, keeps array order, drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(bodyHash({ a: 1, b: [1, 2] })).toBe(bodyHash({ b: [1, 2], a: 1 }));
    expect(bodyHash({ a: 1, b: [1, 2] })).not.toBe(bodyHash({ a: 1, b: [2, 1] }));
    expect(bodyHash({ a: 'x' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes as the activities did before the helper existed (stored hashes of earlier creations still match a retry)', () => {
    // sha256 of {"author":"u1","title":"T","themes":["youth"]} as written by the former ActivitiesService.canonical
    expect(bodyHash({ title: 'T', author: 'u1', themes: ['youth'] })).toBe(
      'e2af8ae9dfc52bb7eae288a8317e738e98d71ce739f141ad0aafe0388130dd60',
    );
  });
});

describe('cappedTotal', () => {
  it('reports at most the cap, and whether there were more', () => {
    expect(cappedTotal(0, 10)).toEqual({ total: 0, capped: false });
    expect(cappedTotal(10, 10)).toEqual({ total: 10, capped: false });
    expect(cappedTotal(11, 10)).toEqual({ total: 10, capped: true });
  });
});

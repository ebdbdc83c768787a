import { findEncodingProblems, findTextProblems, textProblem } from './text-integrity';

describe('textProblem', () => {
  it('finds NULs and unpaired surrogates, and accepts every well-formed text', () => {
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('a\ud800b')).toBe('surrogate');
    expect(textProblem('\udc00')).toBe('surrogate');
    expect(textProblem('fine 🎉 è \u0001 \ufffd')).toBeNull();
    expect(textProblem('')).toBeNull();
  });
});

describe('findTextProblems', () => {
  it('names each field by its path, at any depth, values and keys', () => {
    const problems = findTextProblems({
      title: 'ok',
      description: 'a\u0000',
      participants: { total: 3, note: '\ud83d' },
      themes: ['youth', 'x\u0000'],
      ['bad\u0000key']: 1,
    });
    expect(problems.map((p) => p.field)).toEqual(['description', 'participants.note', 'themes.1', 'bad\\u0000key']);
    expect(problems[0].messages[0]).toBe('description contains a NUL character (U+0000), which is not allowed in text');
    expect(problems[1].messages[0]).toMatch(/participants.note contains an unpaired UTF-16 surrogate/);
    expect(problems[3].messages[0]).toMatch(/^the name of field bad\\u0000key contains a NUL/);
    // the reported path itself is well-formed text, safe to send back as JSON
    expect(problems.every((p) => p.field.isWellFormed() && !p.field.includes('\u0000'))).toBe(true);
  });

  it('checks a top-level string and arrays of bodies', () => {
    expect(findTextProblems('\u0000').map((p) => p.field)).toEqual(['(body)']);
    expect(findTextProblems([{ a: 'ok' }, { a: '\ud800' }]).map((p) => p.field)).toEqual(['1.a']);
  });

  it('leaves non-text values alone and stops after a bounded number of problems', () => {
    expect(findTextProblems({ n: 1, b: true, z: null, d: [1.5, false] })).toEqual([]);
    expect(findTextProblems(Array.from({ length: 1000 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('findEncodingProblems', () => {
  it('refuses percent-encoding that is not UTF-8 (it would become U+FFFD), naming the parameter', () => {
    expect(findEncodingProblems('q=a%ED%A0%80b&page=1').map((p) => p.field)).toEqual(['q']);
    expect(findEncodingProblems('q=%FF')[0].messages[0]).toBe('q is not valid UTF-8 percent-encoding');
    expect(findEncodingProblems('%C0=1')[0].messages[0]).toMatch(/^the name of field %C0/);
  });

  it('accepts valid encodings, plus signs and bare names', () => {
    expect(findEncodingProblems('q=caff%C3%A8+latte&flag&x=%F0%9F%8E%89&e=%00')).toEqual([]);
    expect(findEncodingProblems('')).toEqual([]);
  });
});

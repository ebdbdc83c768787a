import { foldText, inflections, searchWords, tsqueryOfStems, tsqueryText, usesWebSearchSyntax } from './activities-search';

describe('Italian free-text search', () => {
  it('folds accents and case like trama_unaccent', () => {
    expect(foldText('Città, PERCHÉ più')).toBe('citta, perche piu');
  });

  it('keeps letters and digits only, so that nothing typed becomes tsquery syntax', () => {
    expect(searchWords("all'immobile & (festa) | !2026:*")).toEqual(['all', 'immobile', 'festa', '2026']);
  });

  it.each([
    ['laboratorio', ['laboratorio', 'laboratori', 'laboratoria', 'laboratorie', 'laboratorii']],
    ['giovane', ['giovane', 'giovan', 'giovana', 'giovani', 'giovano']],
    ['parco', ['parco', 'parc', 'parca', 'parce', 'parci', 'parche', 'parchi']],
    ['sport', ['sport']],
    ['ets', ['ets']],
    ['via', ['via']],
    ['2026', ['2026']],
  ])('matches the other final vowels of %s', (word, forms) => {
    expect(inflections(word).sort()).toEqual([...forms].sort());
  });

  it('ANDs the words and ORs their forms', () => {
    expect(tsqueryText(['orti', 'bari'])).toBe('(orti | ort | orta | orte | orto) & (bari | bar | bara | bare | baro)');
  });

  it.each([
    ['"tavolo di rete"', true],
    ['giovani -sport', true],
    ['orti or giardini', true],
    ['co-progettazione', false],
    ['laboratorio giovani', false],
  ])('recognises web-search syntax in %j: %s', (q, expected) => {
    expect(usesWebSearchSyntax(q)).toBe(expected);
  });
});

describe('tsqueryOfStems', () => {
  it('ORs the distinct stems of each word and ANDs the words', () => {
    expect(
      tsqueryOfStems([
        ['laborator', 'labor', 'laborator', 'labor'],
        ['giovanil', 'giovanil'],
      ]),
    ).toBe("('labor' | 'laborator') & 'giovanil'");
  });

  it('cannot carry tsquery syntax from its input', () => {
    expect(tsqueryOfStems([["a'b|c&!d"]])).toBe("'abcd'");
  });
});

/**
 * Free-text search of activities, Italian-aware. The `search` column holds the Italian Snowball
 * stems of the unaccented title, description, outcomes and follow-ups (never the internal notes).
 *
 * The stemmer alone misses some inflections ("laboratori" → labor, "laboratorio" → laborator), so a
 * plain query matches, for each word, its forms with another final vowel (laboratorio → laboratori,
 * giovane → giovani, parco → parchi): the stems of those forms are OR-ed, the words AND-ed, and
 * Italian stop words dropped (by the database's own list). A query in web-search syntax
 * ("a phrase", -excluded, or) is handed to `websearch_to_tsquery` as typed.
 */

/** At most this many words of a query are used. */
export const MAX_SEARCH_WORDS = 12;

/** Lower case, accents removed (città → citta), like trama_unaccent() on the stored text. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export function usesWebSearchSyntax(q: string): boolean {
  return /"|(^|\s)-\S|\sor\s/i.test(q);
}

/** The words of a query: folded, letters and digits only (so nothing typed can be tsquery syntax). */
export function searchWords(q: string): string[] {
  return foldText(q)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
}

/** The forms of a word that differ in the final vowel, as a tsquery OR group (or the word alone). */
export function inflections(word: string): string[] {
  const m = /^([a-z]{3,}?)([aeiou]+)$/.exec(word);
  if (!m || word.length < 4) return [word];
  const stem = word.slice(0, -1);
  const forms = new Set([word, stem, ...['a', 'e', 'i', 'o'].map((v) => stem + v)]);
  if (/[cg]$/.test(stem)) for (const v of ['he', 'hi']) forms.add(stem + v);
  return [...forms];
}

/** The tsquery text for words that are not stop words: `(forms of w1) & (forms of w2)`. */
export function tsqueryText(words: readonly string[]): string {
  return words
    .map((w) => inflections(w))
    .map((forms) => (forms.length === 1 ? forms[0] : `(${forms.join(' | ')})`))
    .join(' & ');
}

/**
 * A tsquery from the distinct stems of each word's forms: `('labor' | 'laborator') & 'giovanil'`.
 * The forms of a word often share a stem; OR-ing duplicates makes the planner overestimate the
 * matches ~10× (it multiplies the selectivity of each branch) and pick a sequential scan that
 * reads the whole table when the word is in fact rare. Stems are [a-z0-9] (from searchWords), so
 * quoting them is enough to keep the text a literal query.
 */
export function tsqueryOfStems(groups: readonly (readonly string[])[]): string {
  return groups
    .map((stems) => [...new Set(stems)].sort().map((s) => `'${s.replace(/[^a-z0-9]/g, '')}'`))
    .map((quoted) => (quoted.length === 1 ? quoted[0] : `(${quoted.join(' | ')})`))
    .join(' & ');
}

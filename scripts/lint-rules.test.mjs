// The lint config's architecture rules, proven: each case plants a file (text only, never written
// to disk) at a path and lints it with the workspace's real eslint.config.mjs; the case says which
// rule must report it, or that the rule must stay silent (the legal neighbour of each violation, so
// a rule that reports everything fails too).
//   node_modules/.bin/node --test scripts/lint-rules.test.mjs      (also run by `npm test -- check`)
// To add a rule: add rows to `cases`. A planted path must not exist (it is linted with TypeScript's
// default project, configured below), and each row needs its own path. `message`
// (optional) must match one of the rule's reports: several reports share one rule (no-restricted-syntax).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { root } from './lib.mjs';

/** @type {{ name: string, filePath: string, code: string, rule: string, reported: boolean, message?: RegExp }[]} */
const cases = [
  // ---------- web: features do not import each other ----------
  {
    name: 'a web feature importing another feature',
    filePath: 'apps/web/src/features/activities/api/planted-cross-feature.ts',
    code: `import { userKeys } from '../../users/api/user-keys';\nexport const keys = userKeys.all;\n`,
    rule: 'import-x/no-restricted-paths',
    reported: true,
  },
  {
    name: "a web feature's component importing another feature's component",
    filePath: 'apps/web/src/features/activities/components/planted-cross-feature.tsx',
    code: `import { OrganizationPicker } from '../../organizations/components/organization-picker';\nexport const Picker = OrganizationPicker;\n`,
    rule: 'import-x/no-restricted-paths',
    reported: true,
  },
  {
    name: 'a web feature importing its own files, the shared reference data and shared components',
    filePath: 'apps/web/src/features/activities/api/planted-legal.ts',
    code:
      `import { activityKeys } from './activity-keys';\n` +
      `import { referenceKeys } from '../../../lib/reference/reference-keys';\n` +
      `import { Alert } from '../../../components/alert';\n` +
      `export const used = [activityKeys.all, referenceKeys.all, Alert];\n`,
    rule: 'import-x/no-restricted-paths',
    reported: false,
  },
  {
    name: 'shared web code (lib) importing a feature',
    filePath: 'apps/web/src/lib/reference/planted-feature-import.ts',
    code: `import { activityKeys } from '../../features/activities/api/activity-keys';\nexport const keys = activityKeys.all;\n`,
    rule: 'import-x/no-restricted-paths',
    reported: true,
  },
  {
    name: 'a web feature importing the app layer',
    filePath: 'apps/web/src/features/users/api/planted-app-import.ts',
    code: `import { NAV_ITEMS } from '../../../app/nav-items';\nexport const items = NAV_ITEMS;\n`,
    rule: 'import-x/no-restricted-paths',
    reported: true,
  },
  {
    name: 'a page in the app layer composing two features',
    filePath: 'apps/web/src/app/routes/planted-composition.tsx',
    code:
      `import { ActivityList } from '../../features/activities/components/activity-list';\n` +
      `import { OrganizationPicker } from '../../features/organizations/components/organization-picker';\n` +
      `export const parts = [ActivityList, OrganizationPicker];\n`,
    rule: 'import-x/no-restricted-paths',
    reported: false,
  },
  // ---------- API: tenant data only through the scoped data door; features reach each other through services and policies ----------
  {
    name: 'raw SQL in a feature (a query on a tenant table outside the door)',
    filePath: 'apps/api/src/modules/organizations/planted-raw-query.ts',
    code:
      `import { ScopedData } from '../../common/access/scoped-data';\n` +
      `export class PlantedRepository {\n` +
      `  constructor(private readonly door: ScopedData, private readonly db: { query(sql: string): Promise<unknown[]> }) {}\n` +
      `  all(): Promise<unknown[]> {\n    return this.db.query('SELECT * FROM activities');\n  }\n}\n`,
    rule: 'no-restricted-syntax',
    message: /^Raw SQL in feature code/,
    reported: true,
  },
  {
    name: 'a query builder taken from an entity manager in a feature',
    filePath: 'apps/api/src/modules/organizations/planted-manager-builder.ts',
    code:
      `export async function plantedCount(ds: { manager: { createQueryBuilder(): { from(t: string, a: string): { getCount(): Promise<number> } } } }) {\n` +
      `  return ds.manager.createQueryBuilder().from('organizations', 'o').getCount();\n}\n`,
    rule: 'no-restricted-syntax',
    message: /^A query builder outside the door/,
    reported: true,
  },
  {
    name: 'a DataSource imported in a feature',
    filePath: 'apps/api/src/modules/users/planted-datasource.ts',
    code:
      `import { Injectable } from '@nestjs/common';\nimport { DataSource } from 'typeorm';\n` +
      `@Injectable()\nexport class PlantedService {\n  constructor(private readonly dataSource: DataSource) {}\n}\n`,
    rule: 'no-restricted-imports',
    reported: true,
  },
  {
    name: 'an EntityManager type imported in a feature',
    filePath: 'apps/api/src/modules/users/planted-entity-manager.ts',
    code: `import type { EntityManager } from 'typeorm';\nexport type PlantedWrite = (manager: EntityManager) => Promise<void>;\n`,
    rule: 'no-restricted-imports',
    reported: true,
  },
  {
    name: 'a TypeORM repository injected in a feature',
    filePath: 'apps/api/src/modules/users/planted-inject-repository.ts',
    code:
      `import { InjectRepository } from '@nestjs/typeorm';\nimport type { Repository } from 'typeorm';\nimport { User } from './user.entity';\n` +
      `export class PlantedService {\n  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}\n}\n`,
    rule: 'no-restricted-imports',
    reported: true,
  },
  {
    name: "a feature importing another feature's repository",
    filePath: 'apps/api/src/modules/activities/planted-cross-repository.ts',
    code: `import { OrganizationsRepository } from '../organizations/organizations.repository';\nexport type Planted = OrganizationsRepository;\n`,
    rule: 'import-x/no-restricted-paths',
    reported: true,
  },
  {
    name: "a feature importing another feature's entity",
    filePath: 'apps/api/src/modules/audit/planted-cross-entity.ts',
    code: `import { User } from '../users/user.entity';\nexport const plantedTarget = User;\n`,
    rule: 'import-x/no-restricted-paths',
    reported: true,
  },
  {
    name: 'an exit from the door whose reason is not a literal',
    filePath: 'apps/api/src/modules/territory/planted-unscoped-variable.ts',
    code:
      `import type { ScopedData } from '../../common/access/scoped-data';\n` +
      `export function planted(door: ScopedData, why: string) {\n  return door.unscoped(why).query('SELECT 1');\n}\n`,
    rule: 'no-restricted-syntax',
    message: /^unscoped\(\) takes its reason as a string literal/,
    reported: true,
  },
  {
    name: 'an exit from the door with an empty reason (outside modules too)',
    filePath: 'apps/api/src/cli/planted-unscoped-empty.ts',
    code:
      `import type { ScopedData } from '../common/access/scoped-data';\n` +
      `export function planted(door: ScopedData) {\n  return door.unscoped(' ').query('SELECT 1');\n}\n`,
    rule: 'no-restricted-syntax',
    message: /^unscoped\(\) needs a reason/,
    reported: true,
  },
  {
    name: "a feature using the door: select, another feature's policy as a source, a bound subquery, run, the transaction's writes",
    filePath: 'apps/api/src/modules/organizations/planted-door.ts',
    code:
      `import { Brackets } from 'typeorm';\n` +
      `import type { AccessScope } from '../../common/access/access-scope';\n` +
      `import { ScopedData } from '../../common/access/scoped-data';\n` +
      `import { TerritoryPolicy } from '../territory/territory.policy';\n` +
      `import { Organization } from './organization.entity';\n` +
      `export class PlantedRepository {\n` +
      `  constructor(private readonly door: ScopedData, private readonly territory: TerritoryPolicy) {}\n` +
      `  async count(scope: AccessScope, istat: string): Promise<number> {\n` +
      `    const qb = this.door.select(scope, Organization, 'o').select('o.id', 'id').andWhere(new Brackets((w) => w.where('o.active').orWhere('o.kind = :k', { k: 'aps' })));\n` +
      `    const munis = qb.subquery(this.territory.municipalities, 'm').select('m.id').andWhere('m.istat_code = :istat', { istat });\n` +
      `    qb.andWhere(\`o.municipality_id IN \${munis.getQuery()}\`);\n` +
      `    const [{ n }] = await this.door.run<{ n: number }>(qb, (sql) => \`SELECT count(*)::int AS n FROM (\${sql}) c\`);\n` +
      `    await this.door.transaction((tx) => tx.insert(scope, Organization, { name: 'x', kind: 'aps', municipalityId: 'm' }));\n` +
      `    return n;\n  }\n}\n`,
    rule: 'no-restricted-syntax',
    reported: false,
  },
  {
    name: "the door's exit with a literal reason: raw SQL, a query builder and the connection chained on unscoped('…')",
    filePath: 'apps/api/src/modules/health/planted-unscoped.ts',
    code:
      `import { ScopedData } from '../../common/access/scoped-data';\n` +
      `export async function planted(door: ScopedData): Promise<boolean> {\n` +
      `  await door.unscoped('health check: touches no table').query('SELECT 1');\n` +
      `  await door.unscoped('credentials: before any scope exists').createQueryBuilder().from('users', 'u').getCount();\n` +
      `  await door.transaction((tx) => tx.unscoped('refresh tokens: the token is the credential').query('SELECT 1'));\n` +
      `  return door.unscoped('health check: pending migrations').connection.showMigrations();\n}\n`,
    rule: 'no-restricted-syntax',
    reported: false,
  },
  {
    name: 'a feature importing the door and the parts of TypeORM that build queries (Brackets, types)',
    filePath: 'apps/api/src/modules/territory/planted-allowed-imports.ts',
    code:
      `import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';\n` +
      `import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';\n` +
      `export type Planted = [Brackets, ObjectLiteral, SelectQueryBuilder<ObjectLiteral>, ScopedData, ScopedTx];\n`,
    rule: 'no-restricted-imports',
    reported: false,
  },
  {
    name: "a feature importing another feature's service and policy, and its own repository and entity",
    filePath: 'apps/api/src/modules/users/planted-legal-imports.ts',
    code:
      `import { SessionsService } from '../auth/sessions.service';\n` +
      `import { TenantsService } from '../tenants/tenants.service';\n` +
      `import { TerritoryPolicy } from '../territory/territory.policy';\n` +
      `import { User } from './user.entity';\n` +
      `import { UsersRepository } from './users.repository';\n` +
      `export const planted = [SessionsService, TenantsService, TerritoryPolicy, User, UsersRepository];\n`,
    rule: 'import-x/no-restricted-paths',
    reported: false,
  },
  {
    name: "an integration test in a feature setting up data with raw SQL and another feature's entity",
    filePath: 'apps/api/src/modules/organizations/planted-setup.int-spec.ts',
    code:
      `import { User } from '../users/user.entity';\n` +
      `export async function plantedSetup(db: { query(sql: string): Promise<unknown[]> }) {\n` +
      `  await db.query('DELETE FROM organizations');\n  return User;\n}\n`,
    rule: 'no-restricted-syntax',
    reported: false,
  },
  // ---------- web: HTTP shapes from the generated client, not from libs/contracts ----------
  {
    name: 'a web file importing a hand-written HTTP shape from @trama/contracts',
    filePath: 'apps/web/src/features/activities/api/planted-contract-shape.ts',
    code: `import type { ActivityDto } from '@trama/contracts';\nexport const title = (a: ActivityDto) => a.title;\n`,
    rule: 'no-restricted-imports',
    reported: true,
  },
  {
    name: 'a web file importing vocabularies and limits from @trama/contracts and shapes from the generated client',
    filePath: 'apps/web/src/features/activities/api/planted-contract-vocabulary.ts',
    code:
      `import { ACTIVITY_TYPES, MAX_PAGE_SIZE, type ActivityStatus } from '@trama/contracts';\n` +
      `import type { ResponseOf } from '@trama/api-client';\n` +
      `export const used = (a: ResponseOf<'getActivity'>, s: ActivityStatus) => [a.status === s, ACTIVITY_TYPES, MAX_PAGE_SIZE];\n`,
    rule: 'no-restricted-imports',
    reported: false,
  },
];

/**
 * One ESLint for every case: the planted paths are allowed into TypeScript's default project (they
 * are not on disk). typescript-eslint keeps one project service per process, made from the first
 * options it sees, so every planted path is listed at once and one default project serves them
 * all: the web's tsconfig (JSX); the API's files parse with it as well (the rules here need no types).
 */
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: {
        parserOptions: {
          projectService: {
            allowDefaultProject: cases.map((c) => c.filePath),
            defaultProject: 'apps/web/tsconfig.json',
            // typescript-eslint allows 8 files in the default project unless told otherwise
            maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: cases.length,
          },
        },
      },
    },
  ],
});

describe('lint config', () => {
  it('plants each case at its own path, absent from the disk', () => {
    const paths = cases.map((c) => c.filePath);
    assert.equal(new Set(paths).size, paths.length, 'two cases share a planted path');
    for (const path of paths) assert.equal(existsSync(join(root, path)), false, `${path} exists: plant the case elsewhere`);
  });

  for (const c of cases) {
    it(`${c.reported ? 'rejects' : 'allows'} ${c.name} (${c.rule})`, async () => {
      const [result] = await eslint.lintText(c.code, { filePath: join(root, c.filePath) });
      const fatal = result.messages.filter((m) => m.fatal);
      assert.deepEqual(fatal, [], `the planted file did not parse: ${fatal.map((m) => m.message).join('; ')}`);
      const hits = result.messages.filter((m) => m.ruleId === c.rule);
      if (c.reported) {
        assert.ok(hits.length > 0, `${c.rule} did not report it; messages: ${JSON.stringify(result.messages.map((m) => m.ruleId))}`);
        if (c.message)
          assert.ok(
            hits.some((m) => c.message.test(m.message)),
            `${c.rule} reported it, but not as ${c.message}: ${JSON.stringify(hits.map((m) => m.message))}`,
          );
      } else
        assert.deepEqual(
          hits.map((m) => m.message),
          [],
          `${c.rule} reported a legal file`,
        );
    });
  }
});

// The lint config's architecture rules, proven: each case plants a file (text only, never written
// to disk) at a path and lints it with the workspace's real eslint.config.mjs; the case says which
// rule must report it, or that the rule must stay silent (the legal neighbour of each violation, so
// a rule that reports everything fails too).
//   node_modules/.bin/node --test scripts/lint-rules.test.mjs      (also run by `npm test -- check`)
// To add a rule: add rows to `cases`. A planted path must not exist (it is linted with TypeScript's
// default project, configured from `defaultProject` below), and each row needs its own path.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { root } from './lib.mjs';

/** @type {{ name: string, filePath: string, code: string, rule: string, reported: boolean, defaultProject?: string }[]} */
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

const defaultProjectOf = (filePath) => (filePath.startsWith('apps/web/') ? 'apps/web/tsconfig.json' : 'tsconfig.base.json');

/** One ESLint per default project: the planted paths are allowed into TypeScript's default project (they are not on disk). */
function linterFor(defaultProject, filePaths) {
  return new ESLint({
    cwd: root,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parserOptions: { projectService: { allowDefaultProject: filePaths, defaultProject } } },
      },
    ],
  });
}

const linters = new Map();
for (const c of cases) {
  const project = c.defaultProject ?? defaultProjectOf(c.filePath);
  linters.set(project, [...(linters.get(project) ?? []), c.filePath]);
}
for (const [project, filePaths] of linters) linters.set(project, linterFor(project, filePaths));

describe('lint config', () => {
  it('plants each case at its own path, absent from the disk', () => {
    const paths = cases.map((c) => c.filePath);
    assert.equal(new Set(paths).size, paths.length, 'two cases share a planted path');
    for (const path of paths) assert.equal(existsSync(join(root, path)), false, `${path} exists: plant the case elsewhere`);
  });

  for (const c of cases) {
    it(`${c.reported ? 'rejects' : 'allows'} ${c.name} (${c.rule})`, async () => {
      const eslint = linters.get(c.defaultProject ?? defaultProjectOf(c.filePath));
      const [result] = await eslint.lintText(c.code, { filePath: join(root, c.filePath) });
      const fatal = result.messages.filter((m) => m.fatal);
      assert.deepEqual(fatal, [], `the planted file did not parse: ${fatal.map((m) => m.message).join('; ')}`);
      const hits = result.messages.filter((m) => m.ruleId === c.rule);
      if (c.reported)
        assert.ok(hits.length > 0, `${c.rule} did not report it; messages: ${JSON.stringify(result.messages.map((m) => m.ruleId))}`);
      else
        assert.deepEqual(
          hits.map((m) => m.message),
          [],
          `${c.rule} reported a legal file`,
        );
    });
  }
});

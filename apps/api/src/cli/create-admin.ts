/**
 * Creates a platform admin: the first account of a new installation (or a recovery one).
 *
 *   node dist/apps/api/apps/api/src/cli/create-admin.js --email you@example.org [--name "Full Name"]
 *
 * The password is read from TRAMA_ADMIN_PASSWORD, or generated and printed once. The database is
 * DATABASE_URL's, or the embedded one under TRAMA_DATA_DIR (as `main.ts`; stop the app first, the
 * embedded server has one owner). Pending migrations are applied first. Refuses an email in use.
 * Exit codes: 0 created, 1 refused or failed, 2 wrong usage.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { ScopedData } from '../common/access/scoped-data';
import { createDataSource } from '../database/data-source';
import { migrate, openDatabase } from '../database/database';
import { createFirstAdmin, FirstAdminError } from '../modules/users/first-admin';

export class UsageError extends Error {}

const USAGE = 'usage: create-admin --email <email> [--name "<full name>"]   (password: TRAMA_ADMIN_PASSWORD, or generated)';

export interface CreateAdminArgs {
  email: string;
  fullName: string;
}

export function parseArgs(argv: readonly string[]): CreateAdminArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const eq = arg.match(/^--(email|name)=(.*)$/);
    if (eq) {
      values[eq[1]] = eq[2];
    } else if (arg === '--email' || arg === '--name') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value\n${USAGE}`);
      values[arg.slice(2)] = value;
      i += 1;
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError(USAGE);
    } else {
      throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  if (!values.email) throw new UsageError(`--email is required\n${USAGE}`);
  return { email: values.email, fullName: values.name ?? 'Administrator' };
}

const log = (message: string) => console.error(`[create-admin] ${message}`);

async function main(): Promise<number> {
  let args: CreateAdminArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  // This command signs no tokens: it needs the database settings, not JWT_SECRET.
  const config = loadConfig({
    ...process.env,
    JWT_SECRET: process.env.JWT_SECRET || 'create-admin-signs-no-tokens-0000000000',
    SEED_ON_BOOT: 'false',
  });
  const database = await openDatabase(config, log);
  try {
    const applied = await migrate(database.url);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
    const dataSource = createDataSource(database.url);
    await dataSource.initialize();
    try {
      const password = process.env.TRAMA_ADMIN_PASSWORD || undefined;
      const result = await createFirstAdmin(new ScopedData(dataSource), { email: args.email, fullName: args.fullName, password });
      log(`admin ${result.email} created (id ${result.id})`);
      if (result.generatedPassword) {
        // The only time this password is shown: stdout, so it can be captured; change it after signing in.
        console.log(`password: ${result.generatedPassword}`);
        log('this password is shown once: sign in and change it');
      }
      return 0;
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main()
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      if (error instanceof FirstAdminError || error instanceof ConfigError) console.error(`[create-admin] ${error.message}`);
      else console.error('[create-admin] failed:', error);
      process.exit(1);
    });
}

import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const JWT_KEY_FILE = 'jwt-secret';

/**
 * The JWT signing key of a deployment without JWT_SECRET (development, the embedded default): made
 * once, kept in `<dataDir>/jwt-secret` (mode 0600), read by every later start and by every process
 * sharing the data directory, so a restart does not end everyone's access token. Production sets
 * JWT_SECRET instead (config.ts requires it).
 *
 * Two processes starting at once on an empty directory: each writes its own temporary file and
 * `link`s it to the final name, which only one can win; the other reads the winner's complete file.
 */
export function jwtKeyFromDataDir(dataDir: string): string {
  const file = join(dataDir, JWT_KEY_FILE);
  // Parents with the default mode, the directory itself private: a recursive mkdir with 0700 would
  // make `.data` 0700 too when TRAMA_DATA_DIR is `.data/e2e`, and the embedded PostgreSQL (run as
  // the OS user `postgres` when we are root) could then not reach its cluster under it.
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    return readKey(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(32).toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return readKey(file);
}

function readKey(file: string): string {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new JwtKeyError(`${file} is readable by other users (mode ${mode.toString(8)}): chmod 600 it`);
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new JwtKeyError(`${file} holds fewer than 32 characters: delete it to have a new key made`);
  return key;
}

export class JwtKeyError extends Error {}

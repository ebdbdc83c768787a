import { isIP } from 'node:net';

/**
 * Which proxies in front of the API may tell the client's address (X-Forwarded-For), as express's
 * `trust proxy` setting: `false` (none: the socket's peer is the client), a number of hops (the
 * proxies appending to X-Forwarded-For, counted from the socket), or a list of proxy addresses
 * and CIDR ranges (and express's names `loopback`, `linklocal`, `uniquelocal`). `true` (trust
 * any hop) is refused: it would believe an address any caller can write.
 */
export type TrustProxy = false | number | string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);
export const MAX_TRUSTED_HOPS = 10;

function isAddressOrRange(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^[0-9]{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Parses TRUST_PROXY; returns a message for a value it cannot take. */
export function parseTrustProxy(raw: string): { value: TrustProxy } | { error: string } {
  const text = raw.trim();
  if (text === '' || text === 'false' || text === '0') return { value: false };
  if (text === 'true') {
    return {
      error: 'TRUST_PROXY=true would believe any X-Forwarded-For: give the number of proxies in front of the API, or their addresses',
    };
  }
  if (/^[0-9]+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_TRUSTED_HOPS) return { error: `TRUST_PROXY: at most ${MAX_TRUSTED_HOPS} hops` };
    return { value: hops };
  }
  const entries = text.split(',').map((e) => e.trim());
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length > 0) {
    return {
      error: `TRUST_PROXY: not an IP address, a CIDR range or one of loopback, linklocal, uniquelocal: ${wrong.map((w) => JSON.stringify(w)).join(', ')}`,
    };
  }
  return { value: entries };
}

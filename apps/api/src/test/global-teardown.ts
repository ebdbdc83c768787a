import { dropTestDatabases } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await dropTestDatabases('own');
  const embedded = (globalThis as { __TRAMA_EMBEDDED__?: { stop(): Promise<void> } }).__TRAMA_EMBEDDED__;
  if (embedded) await embedded.stop();
}

import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
const root = '/work/wt-perf';
const port = 38111;
const base = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env,
  DATABASE_URL: 'postgres://postgres:trama@127.0.0.1:54349/trama_bench', PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'warn', APP_ORIGIN: base,
  LOGIN_RATE_PER_MINUTE: '1000', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00', TILE_URL: '', ACCESS_TOKEN_TTL_SECONDS: '3600' } });
for (let i = 0; i < 120; i++) { try { if ((await fetch(`${base}/api/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 500)); }
const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ email: 'coordinatore.bari@trama.test', password: 'Trama-demo-2026' }) });
const c = res.headers.getSetCookie().find((x) => x.startsWith('trama_refresh='));
const [pair, ...attrs] = c.split(';').map((s) => s.trim());
const cookie = { name: 'trama_refresh', value: pair.slice(pair.indexOf('=') + 1), domain: '127.0.0.1', path: attrs.find((a) => /^path=/i.test(a))?.slice(5) ?? '/', httpOnly: true };
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (let run = 0; run < Number(process.argv[2] ?? 1); run++) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'it-IT' });
  await ctx.addCookies([cookie]);
  const page = await ctx.newPage();
  await page.goto(`${base}/mappa`, { waitUntil: 'load' });
  await page.waitForSelector('.map-cluster, .map-point', { timeout: 120000 });
  await page.waitForLoadState('networkidle');
  const entries = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paints = performance.getEntriesByType('paint').map((p) => `${p.name} ${p.startTime.toFixed(0)}`);
    return { nav: { dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, resp: nav.responseEnd }, paints,
      res: performance.getEntriesByType('resource').map((r) => ({ n: r.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 90), s: r.startTime, e: r.responseEnd, kb: r.encodedBodySize / 1024 })) };
  });
  console.log(`run ${run + 1}: html ${entries.nav.resp.toFixed(0)} dcl ${entries.nav.dcl.toFixed(0)} load ${entries.nav.load.toFixed(0)}; ${entries.paints.join(', ')}`);
  for (const r of entries.res.sort((a, b) => a.s - b.s)) console.log(`  ${r.s.toFixed(0).padStart(6)} → ${r.e.toFixed(0).padStart(6)}  ${r.kb.toFixed(1).padStart(7)} KB  ${r.n}`);
  await ctx.close();
}
await browser.close();
api.kill('SIGTERM');

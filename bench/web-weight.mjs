// The web app on a phone on a slow network: page weights, 3G times and Lighthouse scores.
//
//   npm run bench:web                          (builds api + web first)
//   npm run bench:web -- --skip-build --runs 3 --json /tmp/after.json
//   npm run bench:web -- --skip-build --no-lighthouse
//
// Starts the built app as the browser tests do (scripts/test.mjs), on a fresh embedded PostgreSQL
// with the demo data and no map tiles (TILE_URL empty: there is no internet here), then for the
// login page, the activity form (/attivita/nuova, demo innovator) and each role's home (/ as the
// demo innovator, coordinator and municipality):
//
// 1. Weight and time, cold cache, in headless Debian Chromium through playwright-core, with
//    Chrome DevTools' "3G" profile — the one Lighthouse applies for its mobile "slow 4G" setting
//    (150 ms RTT, 1.6 Mbps, ×3.75 latency and ×0.9 throughput for request-level throttling):
//    CDP Network.emulateNetworkConditions { latency 562.5 ms per request, download 1474.56 kbit/s
//    (184 KB/s), upload 675 kbit/s } and Emulation.setCPUThrottlingRate 4, at 390×844 (phone).
//    Bytes are what went over the wire (CDP encodedDataLength: compressed body + headers), summed
//    by type. Times are from navigation start, read in the page:
//      FCP, LCP          the browser's paint entries (LCP: the last candidate before input)
//      ready             the page's <h1> is in the DOM and the last script/stylesheet/API
//                        response has arrived: what a person waits for before the page answers
//    Then the same page again in the same tab (repeat view: what the HTTP cache saved).
// 2. Lighthouse (npm lighthouse, its default mobile profile: simulated slow 4G, 4× CPU, Moto G
//    Power screen), for the login page and each role's home: performance, accessibility, best
//    practices, with LCP/TBT/transfer size. Signed-in pages: a fresh Chromium per role gets the
//    refresh cookie the API sets at sign-in (trama_refresh, httpOnly, path /api/auth), exactly
//    as a browser that signed in keeps it, and Lighthouse runs with storage reset off so that the
//    app's own start-up refresh finds it (the cache of that fresh profile is empty).
//
// Figures vary with the machine's load (2 shared cores): `--runs N` takes the median of N.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_MAIN, freePort, mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    json: { type: 'string' },
    url: { type: 'string' }, // an app already running (with demo data and TILE_URL empty)
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PASSWORD = process.env.DEMO_PASSWORD ?? 'Trama-demo-2026';
export const THREE_G = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const PAGES = [
  { name: 'login', path: '/login' },
  { name: 'activity form (innovator)', path: '/attivita/nuova', user: 'innovatore.bari@trama.test' },
  { name: 'home: innovator', path: '/', user: 'innovatore.bari@trama.test', lighthouse: true },
  { name: 'home: coordinator', path: '/', user: 'coordinatore.bari@trama.test', lighthouse: true },
  { name: 'home: municipality', path: '/', user: 'comune.molfetta@trama.test', lighthouse: true },
];
PAGES[0].lighthouse = true;

// ---- the app ----------------------------------------------------------------------------------
async function startApp() {
  if (!opts['skip-build']) await mustRun('nx', ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);
  const dataDir = mkdtempSync(join(tmpdir(), 'trama-web-bench-'));
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const app = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: '',
      TRAMA_DATA_DIR: dataDir,
      NODE_ENV: 'development',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      APP_ORIGIN: baseUrl,
      LOGIN_RATE_PER_MINUTE: '1000',
      TILE_URL: '',
    },
  });
  const exited = new Promise((_, reject) => app.once('exit', (code) => reject(new Error(`the app exited with ${code}`))));
  await Promise.race([waitForHealth(baseUrl, 180_000), exited]);
  return {
    baseUrl,
    async stop() {
      app.kill('SIGTERM');
      await new Promise((r) => (app.exitCode !== null ? r() : app.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the API as a browser does; returns the refresh cookie it set. */
async function signIn(baseUrl, email) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trama_refresh='));
  if (!cookie) throw new Error(`sign-in of ${email}: no refresh cookie`);
  const [pair, ...attributes] = cookie.split(';').map((s) => s.trim());
  const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
  return { name: 'trama_refresh', value: pair.slice(pair.indexOf('=') + 1), domain: 'localhost', path, httpOnly: true, sameSite: 'Strict' };
}

// ---- 1. weight and 3G times -------------------------------------------------------------------
const KIND = { Script: 'js', Stylesheet: 'css', Document: 'html', Fetch: 'api', XHR: 'api', Font: 'font', Image: 'img' };

/** Records, in the page, when the first <h1> appears and the paint entries. */
const PAGE_PROBE = `
  window.__bench = { h1: null, lcp: null, fcp: null };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.lcp = e.startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__bench.fcp = e.startTime; })
    .observe({ type: 'paint', buffered: true });
  new MutationObserver((_, o) => { if (!window.__bench.h1 && document.querySelector('h1')) { window.__bench.h1 = performance.now(); o.disconnect(); } })
    .observe(document, { childList: true, subtree: true });
`;

async function loadOnce(page, cdp, url) {
  const transfers = new Map(); // requestId -> { kind, bytes }
  const onResponse = (e) =>
    transfers.set(e.requestId, {
      kind: KIND[e.type] ?? 'other',
      bytes: 0,
      url: e.response.url,
      encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'],
    });
  const onFinished = (e) => {
    const t = transfers.get(e.requestId);
    if (t) t.bytes = e.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('h1', { timeout: 120_000 });
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const figures = await page.evaluate(() => {
    const resources = performance
      .getEntriesByType('resource')
      .filter((r) => ['script', 'link', 'fetch', 'xmlhttprequest', 'css'].includes(r.initiatorType));
    const lastResponse = Math.max(0, ...resources.map((r) => r.responseEnd));
    const b = window.__bench;
    return { fcp: b.fcp, lcp: b.lcp, h1: b.h1, ready: Math.max(b.h1 ?? 0, lastResponse) };
  });
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.loadingFinished', onFinished);
  const bytes = { js: 0, css: 0, html: 0, api: 0, other: 0, total: 0 };
  let requests = 0;
  for (const t of transfers.values()) {
    if (t.url.startsWith('data:')) continue;
    requests++;
    const kind = t.kind in bytes ? t.kind : 'other';
    bytes[kind] += t.bytes;
    bytes.total += t.bytes;
  }
  const jsEncodings = [...new Set([...transfers.values()].filter((t) => t.kind === 'js').map((t) => t.encoding ?? 'identity'))];
  return { ...figures, bytes, requests, jsEncodings };
}

async function measurePage(browser, baseUrl, spec) {
  const context = await browser.newContext({ ...PHONE, baseURL: baseUrl, locale: 'it-IT' });
  // No request interception (Playwright turns the HTTP cache off when a route is set, and the repeat
  // view measures that cache): with TILE_URL empty the app asks nothing of other origins.
  if (spec.user) await context.addCookies([await signIn(baseUrl, spec.user)]);
  await context.addInitScript(PAGE_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THREE_G });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  try {
    const cold = await loadOnce(page, cdp, spec.path);
    const repeat = await loadOnce(page, cdp, spec.path);
    return { cold, repeat };
  } finally {
    await context.close();
  }
}

// ---- 2. Lighthouse ----------------------------------------------------------------------------
async function lighthouseRun(baseUrl, spec) {
  const { default: lighthouse } = await import('lighthouse');
  const puppeteer = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    if (spec.user) await page.setCookie(await signIn(baseUrl, spec.user));
    const result = await lighthouse(
      `${baseUrl}${spec.path}`,
      { output: 'json', logLevel: 'error', disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'] },
      undefined,
      page,
    );
    const lhr = result.lhr;
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const audit = (a) => lhr.audits[a]?.numericValue;
    if (spec.user && new URL(lhr.finalDisplayedUrl).pathname === '/login')
      throw new Error(`Lighthouse for ${spec.user} ended on the login page`);
    const failing = (c) =>
      lhr.categories[c].auditRefs
        .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
        .map((r) => r.id);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      si: audit('speed-index'),
      bytes: audit('total-byte-weight'),
      finalUrl: new URL(lhr.finalDisplayedUrl).pathname,
      benchmarkIndex: lhr.environment?.benchmarkIndex,
      notPassed: { accessibility: failing('accessibility'), bestPractices: failing('best-practices') },
    };
  } finally {
    await browser.close();
  }
}

// ---- run and print ----------------------------------------------------------------------------
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : undefined;
};
const kb = (n) => (n / 1024).toFixed(1);
const sec = (ms) => (ms === undefined || ms === null ? '—' : (ms / 1000).toFixed(2));

function medianOf(runs) {
  const pick = (f) => median(runs.map(f));
  const byKey = (f) => Object.fromEntries(Object.keys(f(runs[0])).map((k) => [k, median(runs.map((r) => f(r)[k]))]));
  return {
    cold: {
      fcp: pick((r) => r.cold.fcp),
      lcp: pick((r) => r.cold.lcp),
      h1: pick((r) => r.cold.h1),
      ready: pick((r) => r.cold.ready),
      bytes: byKey((r) => r.cold.bytes),
      requests: pick((r) => r.cold.requests),
      jsEncodings: runs[0].cold.jsEncodings,
    },
    repeat: { ready: pick((r) => r.repeat.ready), bytes: byKey((r) => r.repeat.bytes), requests: pick((r) => r.repeat.requests) },
  };
}

const app = opts.url ? { baseUrl: opts.url.replace(/\/$/, ''), stop: async () => undefined } : await startApp();
const out = {
  date: new Date().toISOString(),
  loadAverageAtStart: loadavg()[0],
  throttling: { ...THREE_G, cpuSlowdown: CPU_SLOWDOWN },
  pages: {},
  lighthouse: {},
};
try {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS.filter((a) => !a.startsWith('--headless')) });
  try {
    for (const spec of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measurePage(browser, app.baseUrl, spec));
      out.pages[spec.name] = { path: spec.path, ...medianOf(runs) };
      process.stderr.write(`measured ${spec.name}\n`);
    }
  } finally {
    await browser.close();
  }
  if (!opts['no-lighthouse']) {
    for (const spec of PAGES.filter((p) => p.lighthouse)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(app.baseUrl, spec));
      const m = Object.fromEntries(
        Object.keys(runs[0]).map((k) => [k, typeof runs[0][k] === 'number' ? median(runs.map((r) => r[k])) : runs[0][k]]),
      );
      out.lighthouse[spec.name] = m;
      process.stderr.write(`lighthouse ${spec.name}\n`);
    }
  }
} finally {
  await app.stop();
}

console.log(
  `\nWeb pages, cold cache, phone 390×844, DevTools "3G" (latency ${THREE_G.latency} ms, ${kb(THREE_G.downloadThroughput)} KB/s down, ${kb(THREE_G.uploadThroughput)} KB/s up), CPU ×${CPU_SLOWDOWN}${RUNS > 1 ? `, median of ${RUNS}` : ''}`,
);
console.log(
  `  ${'page'.padEnd(27)} ${'JS KB'.padStart(7)} ${'CSS KB'.padStart(7)} ${'total KB'.padStart(9)} ${'req'.padStart(4)} ${'FCP s'.padStart(6)} ${'LCP s'.padStart(6)} ${'ready s'.padStart(8)}   repeat view: KB, req, ready s   JS encoding`,
);
for (const [name, p] of Object.entries(out.pages)) {
  const c = p.cold;
  console.log(
    `  ${name.padEnd(27)} ${kb(c.bytes.js).padStart(7)} ${kb(c.bytes.css).padStart(7)} ${kb(c.bytes.total).padStart(9)} ${String(c.requests).padStart(4)} ${sec(c.fcp).padStart(6)} ${sec(c.lcp).padStart(6)} ${sec(c.ready).padStart(8)}   ${kb(p.repeat.bytes.total).padStart(7)} ${String(p.repeat.requests).padStart(4)} ${sec(p.repeat.ready).padStart(6)}          ${c.jsEncodings.join(',')}`,
  );
}
if (Object.keys(out.lighthouse).length > 0) {
  console.log(
    `\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile (simulated slow 4G, CPU ×4)${RUNS > 1 ? `, median of ${RUNS}` : ''}`,
  );
  console.log(`  ${'page'.padEnd(27)} perf  a11y  best   FCP s  LCP s  TBT ms   CLS   KB     ended on     host benchmarkIndex`);
  for (const [name, l] of Object.entries(out.lighthouse)) {
    console.log(
      `  ${name.padEnd(27)} ${String(l.performance).padStart(4)}  ${String(l.accessibility).padStart(4)}  ${String(l.bestPractices).padStart(4)}  ${sec(l.fcp).padStart(6)} ${sec(l.lcp).padStart(6)} ${String(Math.round(l.tbt)).padStart(6)} ${l.cls.toFixed(3).padStart(6)} ${kb(l.bytes).padStart(6)}   ${l.finalUrl.padEnd(12)} ${Math.round(l.benchmarkIndex ?? 0)}`,
    );
    const notes = [...l.notPassed.accessibility.map((a) => `a11y:${a}`), ...l.notPassed.bestPractices.map((a) => `best:${a}`)];
    if (notes.length) console.log(`  ${''.padEnd(27)} not passed: ${notes.join(', ')}`);
  }
}
console.log(
  `\nMachine load (1-min average) at start: ${out.loadAverageAtStart.toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores; at end: ${loadavg()[0].toFixed(1)}`,
);
if (opts.json) writeFileSync(opts.json, JSON.stringify(out, null, 2));
process.exit(0);

// The map page (/mappa) in headless Chromium, against a running API that serves the built web app:
// how long until the layers of the whole metropolitan city show (clustered), and how smoothly the map
// pans. Used by bench/run.mjs (its data: 100,000+ placed records over the layers).
//
// - shown: from navigation start to the last drawing of cluster/point markers after the layer
//   responses of the landing view arrived (a MutationObserver in the page notes when `.map-cluster`
//   or `.map-point` elements were last added; the network is idle for 500 ms by then). The records
//   the drawn features stand for are the sum of the layer responses' `total`.
// - pan: the mouse drags the map 300 px (30 moves, one per frame or so; four arrow presses when a
//   layer took the press), then waits for the re-fetched layers to be drawn; requestAnimationFrame
//   deltas from the drag's start to 1 s after the network went idle. A frame is "long" over 50 ms; the frames dropped are Σ (round(Δ/16.7) − 1).
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// as bench/web-weight.mjs launches it (there without --headless: Playwright adds its own)
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PROBE = `
  window.__map = { lastDraw: null, frames: null };
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeType === 1 && (n.classList.contains('map-cluster') || n.classList.contains('map-point'))) {
          window.__map.lastDraw = performance.now();
          return;
        }
  }).observe(document, { childList: true, subtree: true });
  window.__recordFrames = () => {
    const deltas = [];
    let last = performance.now();
    let on = true;
    const tick = (t) => { deltas.push(t - last); last = t; if (on) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    window.__stopFrames = () => { on = false; return deltas; };
  };
`;

async function signIn(base, email, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('trama_refresh='));
  if (!cookie) throw new Error(`sign-in of ${email}: no refresh cookie`);
  const [pair, ...attributes] = cookie.split(';').map((s) => s.trim());
  const path = attributes.find((a) => /^path=/i.test(a))?.slice(5) ?? '/';
  return { name: 'trama_refresh', value: pair.slice(pair.indexOf('=') + 1), domain: new URL(base).hostname, path, httpOnly: true };
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

function frameFigures(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const frame = 1000 / 60;
  return {
    frames: deltas.length,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    max: sorted[sorted.length - 1] ?? 0,
    long: deltas.filter((d) => d > 50).length,
    dropped: deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / frame) - 1), 0),
  };
}

/** One sitting: a fresh browser context (cold cache), desktop 1366×768. */
async function once(browser, base, cookie, path) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'it-IT' });
  await context.addCookies([cookie]);
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  // the layer responses, parsed (awaited before they are read: a large body takes a while)
  let layers = [];
  page.on('response', (res) => {
    if (!res.url().includes('/api/map/layers/')) return;
    layers.push(
      res
        .json()
        .then((body) => ({ url: res.url(), total: body.total, features: body.features?.length ?? 0, clustered: body.clustered }))
        .catch(() => ({ url: res.url(), total: null, features: 0, clustered: null, status: res.status() })),
    );
  });
  try {
    await page.goto(`${base}${path}`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector('.map-cluster, .map-point', { timeout: 120_000 });
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    await page.waitForTimeout(500);
    const { shown, arrived } = await page.evaluate(() => ({
      shown: window.__map.lastDraw,
      // when the last layer response of the landing view had arrived
      arrived: Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((r) => r.name.includes('/api/map/layers/'))
          .map((r) => r.responseEnd),
      ),
    }));
    const landing = await Promise.all(layers);
    const landingFigures = landing.map(({ url, total, features, clustered, status }) => ({
      layer: /layers\/(\w+)/.exec(url)[1],
      total,
      features,
      clustered,
      status,
    }));
    try {
      return { shownMs: shown, layersArrivedMs: arrived, landing: landingFigures, pan: await pan(page) };
    } catch (error) {
      // the landing figures stand without the pan (a crashed tab must not lose the run's other figures)
      return { shownMs: shown, layersArrivedMs: arrived, landing: landingFigures, pan: null, panError: String(error?.message ?? error) };
    }
  } finally {
    await context.close();
  }
}

/** The pan of a loaded map page: frame timing from the drag's start to 1 s after the re-fetched layers were drawn. */
async function pan(page) {
  {
    let layers = [];
    page.on('response', (res) => {
      if (res.url().includes('/api/map/layers/')) layers.push(res);
    });
    // a start on the map itself, not on a marker (a marker would take the press)
    const box = await page.locator('.layer-map').boundingBox();
    const start = await page.evaluate((b) => {
      for (let fy = 0.5; fy < 0.95; fy += 0.05)
        for (let fx = 0.5; fx < 0.95; fx += 0.05) {
          const x = b.x + b.width * fx;
          const y = b.y + b.height * fy;
          const el = document.elementFromPoint(x, y);
          if (el && !el.closest('.leaflet-marker-pane, .leaflet-control-container')) return { x, y };
        }
      return { x: b.x + b.width * 0.75, y: b.y + b.height * 0.75 };
    }, box);
    const { x, y } = start;
    const paneBefore = await page.evaluate(() => document.querySelector('.leaflet-map-pane')?.style.transform ?? '');
    layers = [];
    await page.evaluate(() => window.__recordFrames());
    const panStart = await page.evaluate(() => performance.now());
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      await page.mouse.move(x - i * 10, y - i * 4);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    let how = 'drag';
    const dragged = await page.evaluate(
      (before) => (document.querySelector('.leaflet-map-pane')?.style.transform ?? '') !== before,
      paneBefore,
    );
    if (!dragged) {
      // the press was taken by a layer (an outline or a marker): pan with the keyboard instead,
      // as Leaflet offers (80 px per arrow press, animated)
      how = 'keyboard';
      await page.focus('.leaflet-container');
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press(i % 2 ? 'ArrowDown' : 'ArrowRight');
        await page.waitForTimeout(120);
      }
    }
    const released = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    await page.waitForTimeout(1000);
    const { deltas, redrawn, paneAfter } = await page.evaluate(() => ({
      deltas: window.__stopFrames(),
      redrawn: window.__map.lastDraw,
      paneAfter: document.querySelector('.leaflet-map-pane')?.style.transform ?? '',
    }));
    return {
      how,
      dragMs: released - panStart,
      moved: paneAfter !== paneBefore,
      redrawAfterReleaseMs: redrawn > released ? redrawn - released : null,
      requests: (await Promise.all(layers)).length,
      ...frameFigures(deltas),
    };
  }
}

/** `runs` cold loads of the map page as `email`; returns each run's figures. */
export async function measureMapPage({ base, email, password, path = '/mappa', runs = 3, log = () => {} }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const out = [];
    for (let i = 0; i < runs; i++) {
      // a sign-in per run: the app rotates the refresh token, so one cookie serves one context
      out.push(await once(browser, base, await signIn(base, email, password), path));
      log(`  map page run ${i + 1}: shown at ${out[i].shownMs?.toFixed(0)} ms`);
    }
    return out;
  } finally {
    await browser.close();
  }
}

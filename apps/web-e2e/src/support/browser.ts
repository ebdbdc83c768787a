import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The app under test, started by whoever runs the browser tests (scripts/test.mjs). */
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Trama-demo-2026';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '..', '..', '..', '..', 'tmp', 'e2e');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** requests the page tried to send outside the app's origin (all aborted: there is no internet) */
  blocked: string[];
  /** errors thrown in the page or logged to its console */
  pageErrors: string[];
}

/** The screen a session emulates: the shape of playwright-core's `devices` entries, so one of those fits too. */
export interface Device {
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
  /** a mobile browser: the page's meta viewport is honoured */
  isMobile?: boolean;
  /** touch events instead of a mouse */
  hasTouch?: boolean;
}

/** A desktop browser window (the default). */
export const DESKTOP: Device = { viewport: { width: 1280, height: 900 } };

/** A phone as innovators use it in the field: a small touch screen. */
export const PHONE: Device = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * A fresh browser context (no cookies, no storage) on `device`, with every request outside the
 * app's origin aborted, so that a test never waits on the network (map tiles, fonts).
 */
export async function newSession(
  browser: Browser,
  options: { device?: Device; locale?: string; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<Session> {
  const { viewport, deviceScaleFactor, isMobile, hasTouch } = options.device ?? DESKTOP;
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport,
    ...(deviceScaleFactor !== undefined && { deviceScaleFactor }),
    ...(isMobile !== undefined && { isMobile }),
    ...(hasTouch !== undefined && { hasTouch }),
    locale: options.locale ?? 'it-IT',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  // A journey step that has not happened in 10 s will not: fail with a screenshot rather than hang.
  context.setDefaultTimeout(10_000);
  const origin = new URL(BASE_URL).origin;
  const blocked: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    // Not the app's errors: requests we aborted (tiles), and the browser's note of every 4xx answer
    // (the 401 of the session check without a session, a 409 a test provokes): tests check those
    // answers on the page. 5xx answers and script errors are collected.
    const expected = text.includes('net::ERR_FAILED') || /status of 4\d\d/.test(text);
    if (message.type() === 'error' && !expected) pageErrors.push(text);
  });
  return { context, page, blocked, pageErrors };
}

/** Saves a full-page screenshot under tmp/e2e/ (for failures, or to look at a layout). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Runs a journey step by step; when it fails, a screenshot of the page goes to tmp/e2e/<name>.png
 * and its path is added to the error.
 */
export async function withScreenshotOnFailure<T>(page: Page, name: string, journey: () => Promise<T>): Promise<T> {
  try {
    return await journey();
  } catch (error) {
    let path = '(screenshot failed)';
    try {
      path = await screenshot(page, `failure-${name}`);
    } catch {
      // the page may be gone
    }
    if (error instanceof Error) error.message = `${error.message}\nScreenshot: ${path}`;
    throw error;
  }
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  // The labels end with a required-field mark: match their start.
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

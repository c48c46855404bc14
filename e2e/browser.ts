import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; `npx playwright install` cannot run here, so we never use a bundled one. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a headless Chromium in a container with no network but ours. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where screenshots go (gitignored); look at them to check the UI, they are not compared. */
export const ARTIFACTS_DIR = path.join(import.meta.dirname, 'artifacts');

let browser: Browser | undefined;
const contexts = new Set<BrowserContext>();

/** One browser per test file, launched on first use. */
export async function launchBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  return browser;
}

/** Closes every page this file opened, then the browser. Call it in afterAll. */
export async function closeBrowser(): Promise<void> {
  await Promise.all([...contexts].map((c) => c.close().catch(() => undefined)));
  contexts.clear();
  await browser?.close();
  browser = undefined;
}

/** What a page is opened as: a desktop by default, a phone with `isMobile`/`hasTouch`. */
export type NewPageOptions = {
  baseURL: string;
  viewport?: { width: number; height: number };
  locale?: string;
  isMobile?: boolean;
  hasTouch?: boolean;
  /** The browser's time zone (IANA name, e.g. America/New_York); the machine's when left out. */
  timezoneId?: string;
};

/**
 * A page in a fresh context (own cookies and storage), so journeys cannot leak a session or a
 * language choice into each other. Uncaught page errors are collected in `errors`.
 */
export async function newPage(options: NewPageOptions): Promise<{ page: Page; errors: string[] }> {
  const b = await launchBrowser();
  const context = await b.newContext({
    baseURL: options.baseURL,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'zh-CN',
    isMobile: options.isMobile ?? false,
    hasTouch: options.hasTouch ?? false,
    deviceScaleFactor: options.isMobile ? 2 : 1,
    timezoneId: options.timezoneId,
  });
  contexts.add(context);
  await context.addInitScript(recordToasts);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  return { page, errors };
}

/**
 * Runs in every page before its scripts: keeps the text of every antd message that appears, so a
 * journey can check a toast after it has gone. A test process starved for longer than a toast's
 * three seconds would otherwise miss it; the browser records it as it renders.
 */
function recordToasts(): void {
  const seen: string[] = [];
  const recorded = new WeakMap<Element, string>();
  (window as unknown as { __toasts: string[] }).__toasts = seen;
  new MutationObserver(() => {
    for (const el of Array.from(document.querySelectorAll('.ant-message-notice'))) {
      const text = el.textContent ?? '';
      if (text && recorded.get(el) !== text) {
        recorded.set(el, text);
        seen.push(text);
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * Waits until an antd message with this text has appeared on the page (since it was loaded), and
 * consumes it, so that the same text must appear again to satisfy the next call.
 */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  const matches = (t: string) => (typeof text === 'string' ? t.includes(text) : text.test(t));
  await expect
    .poll(async () => {
      const seen = await page.evaluate(() => (window as unknown as { __toasts?: string[] }).__toasts ?? []);
      const i = seen.findIndex(matches);
      if (i < 0) return false;
      await page.evaluate((n) => (window as unknown as { __toasts: string[] }).__toasts.splice(n, 1), i);
      return true;
    })
    .toBe(true);
}

/** Saves a full-page PNG as `e2e/artifacts/<name>` once animations (drawers, menus) settle. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const file = path.join(ARTIFACTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Logs in through the API, so the session cookie lands in the page's context; journeys that
 * are not about the login form start this way. Sends Origin as a browser would.
 */
export async function login(page: Page, baseURL: string, loginName: string, password: string): Promise<void> {
  const res = await page.request.post(`${baseURL}/api/auth/login`, {
    data: { login: loginName, password },
    headers: { origin: baseURL },
  });
  if (res.status() !== 200)
    throw new Error(`login as ${loginName} failed: ${res.status()} ${await res.text()}`);
}

/**
 * Whether Chinese text is drawn with real glyphs: two different characters must not render as
 * the same box (tofu), which is what happens when no CJK font is installed.
 */
export async function rendersChineseGlyphs(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const draw = (ch: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d');
      if (!ctx) return '';
      ctx.font = `32px ${getComputedStyle(document.body).fontFamily}`;
      ctx.fillText(ch, 4, 36);
      return canvas.toDataURL();
    };
    const a = draw('生');
    return a !== '' && a !== draw('命') && a !== draw('\u{F0000}');
  });
}

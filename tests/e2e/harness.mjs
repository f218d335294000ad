// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core, a static server on 127.0.0.1 that serves a built
// explorer under a sub-path, and a watch on every page for errors and for
// requests that leave the page's own origin.

import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(ROOT, process.env.DIST ?? 'dist');
export const HOSTILE_DIST = resolve(ROOT, process.env.HOSTILE_DIST ?? 'target/e2e/hostile-dist');
export const SCREENSHOTS = resolve(ROOT, process.env.SCREENSHOTS ?? 'target/screenshots');

/// The policy the explorer must run under when an intranet serves it.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/// Serves `dir` at http://127.0.0.1:<port><prefix>, with the CSP header on
/// HTML, and `/host.html`: a page that embeds the explorer in an iframe.
export async function serve(dir, prefix = '/explorer/') {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/host.html' && url.search === '?static') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end('<!doctype html><html lang="en"><title>Static</title><h1>A static page</h1></html>');
      return;
    }
    if (url.pathname === '/host.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(`<!doctype html><html lang="en"><title>Intranet</title><h1>Intranet page</h1>
        <iframe title="Clause Explorer" src="${prefix}#/" width="1000" height="700"></iframe></html>`);
      return;
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let path = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = { 'content-type': type };
      if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${prefix}`,
    // A browser may keep a connection open (a worker's fetch, keep-alive):
    // closing waits for none, so that a test file always ends.
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}

/// Opens a page that records errors and blocks (and records) every
/// request outside `allowedOrigin` (`null`: only file: URLs).
export async function watchedPage(browser, allowedOrigin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = { errors: [], outside: [], dialogs: [] };
  page.on('pageerror', (e) => problems.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('dialog', (d) => {
    problems.dialogs.push(d.message());
    d.dismiss();
  });
  const inside = (u) =>
    allowedOrigin === null ? u.startsWith('file:') : new URL(u).origin === allowedOrigin;
  page.on('request', (r) => {
    if (!inside(r.url()) && !r.url().startsWith('data:')) problems.outside.push(r.url());
  });
  await context.route('**/*', (route) =>
    inside(route.request().url()) ? route.continue() : route.abort());
  return { page, context, problems };
}

/// The browser and a server of `dir` for one test file: `before` and
/// `after` register them; the returned object holds them while tests run.
export function shared(dir, hooks) {
  const held = {};
  hooks.before(async () => {
    held.browser = await launch();
    held.server = await serve(dir);
  });
  hooks.after(async () => {
    await held.server?.close();
    await held.browser?.close();
  });
  return held;
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/// Keystroke to screen, measured in the page: each query is typed into
/// the search box character by character (an `input` event per
/// character). Per keystroke, three times from the event:
/// - `times` (the goal's figure): to the last change of the result list
///   (anything inside `.results-column`: the count, suggestions, the
///   list and its "Show more"), i.e. the results are in the DOM;
/// - `page`: to the last change anywhere in the page (facets included,
///   which may be drawn after the results);
/// - `paint`: to the end of the first frame after the list's last change
///   (a `requestAnimationFrame` callback, then a task after it: style,
///   layout and paint of that frame are done), i.e. pixels on screen.
/// A keystroke is settled when nothing changes for 150 ms. Also returns
/// the long tasks (> 50 ms) seen while typing.
export async function typeAndMeasure(page, queries) {
  return page.evaluate(async (queries) => {
    const box = document.querySelector('input[type="search"]');
    let lastAny = 0;
    let lastList = 0;
    let painted = 0;
    const inList = (node) => {
      const el = node.nodeType === 1 ? node : node.parentElement;
      return !!el && (!!el.closest('.results-column') || !!el.querySelector('.results-column'));
    };
    const observer = new MutationObserver((records) => {
      const now = performance.now();
      lastAny = now;
      if (records.some((r) => inList(r.target))) {
        lastList = now;
        requestAnimationFrame(() => setTimeout(() => { painted = performance.now(); }, 0));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const long = [];
    const watch = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
    watch.observe({ type: 'longtask' });
    const settle = () => new Promise((done) => {
      const check = () => (performance.now() - lastAny > 150 ? done() : setTimeout(check, 20));
      setTimeout(check, 20);
    });
    const times = [];
    const pages = [];
    const paints = [];
    for (const q of queries) {
      if (box.value !== '') {
        box.value = '';
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await settle();
      }
      for (let k = 1; k <= q.length; k++) {
        box.value = q.slice(0, k);
        const t0 = performance.now();
        lastAny = lastList = painted = t0;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await settle();
        times.push(lastList - t0);
        pages.push(lastAny - t0);
        // No change to the list (the same results): nothing to paint.
        paints.push(lastList === t0 ? 0 : Math.max(painted, lastList) - t0);
      }
    }
    observer.disconnect();
    watch.disconnect();
    return { times, pages, paints, long };
  }, queries);
}

/// Prints a keystroke measurement (see `typeAndMeasure`) on three lines.
export function printKeystrokes(name, { times, pages, paints, long }) {
  const line = (what, xs) => {
    const s = spread(xs);
    return `${name.padEnd(18)} ${what.padEnd(26)} p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
  };
  console.log(`${line('keystroke to results', times)} (${times.length} keystrokes)`);
  console.log(line('keystroke to page settled', pages));
  console.log(line('keystroke to next paint', paints));
  console.log(`${name.padEnd(18)} long tasks while typing: ${long.length}` +
    (long.length ? ` (longest ${Math.max(...long).toFixed(0)} ms)` : ''));
}

/// p50 / p95 / max of a list of times, for printing.
export function spread(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/// axe-core, from npm (pinned in package.json; no CDN).
const AXE = readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/// The rules of the audit: WCAG 2.0 and 2.1, levels A and AA.
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/// Runs axe-core in the page as it is now and returns its violations,
/// one line each (rule, what it asks, the first elements found). The
/// script is evaluated by the test driver, so the page's CSP (which
/// allows no script of another origin) does not stand in its way, and the
/// page itself is unchanged.
export async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(await AXE);
  }
  const violations = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`),
    }));
  }, WCAG);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.join('; ')}`);
}

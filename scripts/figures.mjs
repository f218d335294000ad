// Start-up figures of the release build in headless Chromium (DIST, or
// dist/): navigation to first contentful paint, to the corpus read
// (`clause-explorer-corpus-read`, fetched or from the single file's block,
// inflated and decoded) and to interactive (`clause-explorer-interactive`,
// once the app is mounted), median of 5 cold loads, served from 127.0.0.1
// and opened from file://.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, launch, serve } from '../tests/e2e/harness.mjs';

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// Keystroke to screen: real queries typed character by character into the
/// search box; for each keystroke, the time from the input event to the
/// last change of the result list (a MutationObserver; the list is taken
/// as settled when nothing changes for 150 ms). Long tasks (> 50 ms) while
/// typing are counted.
async function keystrokes(page, name) {
  const queries = ['trafficking in persons', 'victims of trafficing', 'Member States to strengthen',
    'technology online', '"organized crime" protocol'];
  const times = await page.evaluate(async (queries) => {
    const box = document.querySelector('input[type="search"]');
    const main = document.querySelector('main');
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(main, { childList: true, subtree: true, characterData: true, attributes: true });
    const long = [];
    const lt = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration)));
    lt.observe({ type: 'longtask' });
    const out = [];
    const settle = () => new Promise((done) => {
      const check = () => (performance.now() - last > 150 ? done() : setTimeout(check, 20));
      setTimeout(check, 20);
    });
    for (const q of queries) {
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      for (let k = 1; k <= q.length; k++) {
        box.value = q.slice(0, k);
        const t0 = performance.now();
        last = t0;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        await settle();
        out.push(last - t0);
      }
    }
    observer.disconnect();
    lt.disconnect();
    return { out, long };
  }, queries);
  const sorted = [...times.out].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  console.log(`${name.padEnd(9)} keystroke to screen over ${sorted.length} keystrokes: p50 ${at(0.5).toFixed(1)} ms, ` +
    `p95 ${at(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms; long tasks: ${times.long.length}` +
    (times.long.length ? ` (longest ${Math.max(...times.long).toFixed(0)} ms)` : ''));
}

const browser = await launch();
const server = await serve(DIST);
try {
  // A reference: the same browser and server painting a page with no script.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.origin}/host.html?static`);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
      times.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    }
    await context.close();
    console.log(`reference first contentful paint of a static page: ${median(times).toFixed(0)} ms`);
  }
  for (const [name, url] of [
    ['served', server.url],
    ['file://', pathToFileURL(join(DIST, 'clause-explorer.html')).href],
  ]) {
    const paint = [];
    const started = [];
    const ready = [];
    const read = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.locator('li.entry').first().waitFor();
      // Let the paint that shows the library be recorded.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 100))));
      const t = await page.evaluate(() => ({
        paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        started: performance.getEntriesByName('clause-explorer-start')[0]?.startTime ?? NaN,
        ready: performance.getEntriesByName('clause-explorer-interactive')[0]?.startTime ?? NaN,
        read: performance.getEntriesByName('clause-explorer-corpus-read')[0]?.startTime ?? NaN,
      }));
      read.push(t.read);
      paint.push(t.paint);
      started.push(t.started);
      ready.push(t.ready);
      if (i === RUNS - 1) {
        const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? NaN);
        console.log(`${name.padEnd(9)} JS heap after load ${(heap / 1048576).toFixed(1)} MiB (wasm memory not included)`);
        await keystrokes(page, name);
      }
      await context.close();
    }
    console.log(
      `${name.padEnd(9)} wasm running ${median(started).toFixed(0)} ms, corpus read ${median(read).toFixed(0)} ms, ` +
      `interactive ${median(ready).toFixed(0)} ms, ` +
      `first contentful paint ${median(paint).toFixed(0)} ms (navigation start = 0; median of ${RUNS})`);
  }
} finally {
  await server.close();
  await browser.close();
}

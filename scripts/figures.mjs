// Start-up figures of the release build in headless Chromium (DIST, or
// dist/): navigation to first contentful paint, to the corpus read
// (`clause-explorer-corpus-read`, fetched or from the single file's block,
// inflated and decoded) and to interactive (`clause-explorer-interactive`,
// once the app is mounted), median of 5 cold loads, served from 127.0.0.1
// and opened from file://.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, launch, printKeystrokes, serve, typeAndMeasure } from '../tests/e2e/harness.mjs';
import { QUERIES } from './keystrokes.mjs';

const RUNS = Number(process.env.FIGURES_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// Keystroke to screen (see `typeAndMeasure`): real queries typed
/// character by character into the search box.
async function keystrokes(page, name) {
  printKeystrokes(name, await typeAndMeasure(page, QUERIES));
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

// Start-up of two builds of the explorer measured in one run, loads
// alternating between them so that both see the same machine:
// `node scripts/startup-compare.mjs BEFORE_DIR AFTER_DIR` (each a folder
// with index.html and clause-explorer.html, e.g. a `trunk build --release`
// of an earlier commit in its own worktree, and dist/). Prints, served and
// from file://, the median navigation-to-interactive time of each
// (`clause-explorer-interactive`, once the app is mounted) and the ratio.
// Figures, not assertions; FIGURES_RUNS loads of each (default 9).
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { launch, serve } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.FIGURES_RUNS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function interactive(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('li.entry').first().waitFor();
  const t = await page.evaluate(() => performance.getEntriesByName('clause-explorer-interactive')[0]?.startTime ?? NaN);
  await context.close();
  return t;
}

const dirs = process.argv.slice(2).map((d) => resolve(d));
if (dirs.length !== 2) {
  console.error('usage: node scripts/startup-compare.mjs BEFORE_DIR AFTER_DIR');
  process.exit(2);
}
const browser = await launch();
const servers = await Promise.all(dirs.map((d) => serve(d)));
try {
  for (const how of ['served', 'file://']) {
    const url = (k) => how === 'served' ? servers[k].url : pathToFileURL(join(dirs[k], 'clause-explorer.html')).href;
    const times = [[], []];
    // One load of each first, not counted: the browser's own caches warm.
    for (const k of [0, 1]) await interactive(browser, url(k));
    for (let i = 0; i < RUNS; i++) {
      for (const k of i % 2 ? [1, 0] : [0, 1]) times[k].push(await interactive(browser, url(k)));
    }
    const [b, a] = times.map(median);
    console.log(`${how.padEnd(8)} interactive: before ${b.toFixed(0)} ms, after ${a.toFixed(0)} ms ` +
      `(${a > b ? '+' : ''}${((a / b - 1) * 100).toFixed(0)} %; median of ${RUNS} each, alternating)`);
  }
} finally {
  await Promise.all(servers.map((s) => s.close()));
  await browser.close();
}

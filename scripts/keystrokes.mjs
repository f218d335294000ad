// Keystroke to screen in headless Chromium, for each explorer given
// (`node scripts/keystrokes.mjs NAME=DIR ...`; DIR holds index.html and
// clause-explorer.html): served from 127.0.0.1 under a sub-path, and the
// single file from file://. Real queries are typed character by
// character; per keystroke it prints the time to the last change of the
// result list (the goal's figure), to the page settled (facets included)
// and to the next paint, p50 / p95 / max, and the long tasks seen. Run by
// scripts/bench-browser.sh. Figures, not assertions.
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { launch, printKeystrokes, serve, typeAndMeasure } from '../tests/e2e/harness.mjs';

/// Typed in this order, each from an empty box: words, a typo, a
/// phrase, an excluded word.
export const QUERIES = ['trafficking in persons', 'victims of trafficing', 'Member States to strengthen',
  'technology online', '"organized crime" protocol', 'cooperation -maritime'];

async function measure(browser, name, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('li.entry').first().waitFor();
  // A first query opens the results view; the measured typing starts there.
  printKeystrokes(name, await typeAndMeasure(page, QUERIES));
  await context.close();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sites = process.argv.slice(2).map((a) => {
    const [name, dir] = a.includes('=') ? a.split('=') : ['shipped', a];
    return { name, dir: resolve(dir) };
  });
  const browser = await launch();
  try {
    for (const { name, dir } of sites) {
      const server = await serve(dir);
      try {
        await measure(browser, `${name}, served`, server.url);
        await measure(browser, `${name}, file://`, pathToFileURL(join(dir, 'clause-explorer.html')).href);
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
}

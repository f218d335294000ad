// Adding documents in the page, measured as the reader sees it: from the
// file input's `change` (the files chosen) to the report drawn with the
// corpus swapped (the added clauses searchable), in the built explorer
// served (dist/, or DIST). Twenty of the General Assembly's XML files
// (about 1 MB): handed to the page with no reader started (its wasm is
// fetched and compiled, the corpus opened, then the files read), then with
// the reader running (three times), then as a person adds them: the
// button opens the picker, which starts the reader, and the files are
// chosen a second later.
// (That they are then found by search is tests/e2e/documents.test.mjs's.)
// Prints figures; asserts nothing about time.
//
//   node scripts/bench-documents.mjs            (after trunk build --release)

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, launch, serve, watchedPage } from '../tests/e2e/harness.mjs';

const GA = join(ROOT, '..', 'shared', 'un-akn', 'ga');
/// Every 25th file of the General Assembly's sessions, 20 of them.
const all = readdirSync(GA).sort().flatMap((s) =>
  readdirSync(join(GA, s)).filter((f) => f.endsWith('.xml')).sort().map((f) => join(GA, s, f)));
const files = all.filter((_, k) => k % 25 === 0).slice(0, 20);
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);

const browser = await launch();
const server = await serve(DIST);
const { page, problems } = await watchedPage(browser, server.origin);
await page.goto(server.url);
await page.getByRole('heading', { name: 'Your documents' }).waitFor();

async function timedAdd(viaPicker) {
  await page.evaluate(() => {
    window.__added = new Promise((done) => {
      const input = document.getElementById('add-documents-input');
      input.addEventListener('change', () => {
        const t0 = performance.now();
        const seen = () => /20 of 20 files added/.test(document.querySelector('.reports')?.textContent ?? '');
        const watch = new MutationObserver(() => {
          if (seen()) {
            watch.disconnect();
            // The frame that shows it.
            requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
          }
        });
        watch.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, { once: true });
    });
  });
  if (viaPicker) {
    // As a person adds them: the button opens the picker (which starts
    // the reader), and choosing the files takes them a second at least.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Add documents', exact: true }).first().click(),
    ]);
    await page.waitForTimeout(1000);
    await chooser.setFiles(files);
  } else {
    await page.locator('#add-documents-input').setInputFiles(files);
  }
  return page.evaluate(() => window.__added);
}

async function removeAll() {
  await page.getByRole('button', { name: 'Remove all added documents' }).click();
  await page.waitForFunction(() => document.querySelectorAll('ul.added > li').length === 0);
}

const cold = await timedAdd(false);
await removeAll();
const warm = [];
for (let k = 0; k < 3; k++) {
  warm.push(await timedAdd(false));
  await removeAll();
}
// A new page, the reader not started: through the picker.
await page.goto('about:blank');
await page.goto(server.url);
await page.getByRole('heading', { name: 'Your documents' }).waitFor();
await page.waitForFunction(() => document.querySelectorAll('ul.added > li').length === 0);
const picked = await timedAdd(true);
const id = await page.locator('ul.added > li a').first().getAttribute('href');
console.log(`adding ${files.length} GA XML files (${(bytes / 1e6).toFixed(2)} MB) until searchable, served (from the files chosen to the report drawn):`);
console.log(`  handed to the page with no reader started  ${cold.toFixed(0)} ms`);
console.log(`  through the picker (the reader starts when it opens)  ${picked.toFixed(0)} ms`);
console.log(`  reader running  ${warm.map((t) => t.toFixed(0)).join(', ')} ms`);
console.log(`  (first added instrument: ${id}; errors: ${problems.errors.length}, outside requests: ${problems.outside.length})`);
await browser.close();
await server.close();

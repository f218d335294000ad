// End-to-end with a corpus built to hurt: markup and script in titles and
// clauses, and a 1 MB paragraph. The markup must show as text, nothing may
// run, and the page must stay usable.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { HOSTILE_DIST, shared, spread, typeAndMeasure, watchedPage, screenshot } from './harness.mjs';

const held = shared(HOSTILE_DIST, { before, after });

for (const which of ['served', 'file']) {
  test(`${which}: hostile markup shows as text and nothing runs`, async () => {
    const url = which === 'served'
      ? held.server.url
      : pathToFileURL(join(HOSTILE_DIST, 'clause-explorer.html')).href;
    const { page, context, problems } = await watchedPage(held.browser, which === 'served' ? held.server.origin : null);
    try {
      await page.goto(url);
      await page.locator('li.entry').first().waitFor();
      await page.getByRole('link', { name: /Markup <script>/ }).click();
      const op1 = page.locator('[data-clause-id="ga-res-99-1-op-1"]');
      await op1.waitFor();
      assert.match(await op1.textContent(), /<script>window\.__pwned = 'script'<\/script>/);
      const pp1 = page.locator('[data-clause-id="ga-res-99-1-pp-1"]');
      assert.match(await pp1.textContent(), /<img src=x onerror="window\.__pwned = 'img'">/);
      await pp1.hover();
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      assert.equal(await page.locator('main img, main iframe, main script, main style').count(), 0);
      assert.ok(await page.locator('main').isVisible(), 'an injected <style> did not hide the page');
      assert.deepEqual(problems.dialogs, []);
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.outside, []);
      await screenshot(page, `${which}-hostile`);
    } finally {
      await context.close();
    }
  });
}

test('served: a 1 MB paragraph renders and the page stays responsive', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(held.server.url);
    await page.getByRole('link', { name: 'A very long paragraph' }).click();
    const op1 = page.locator('[data-clause-id="ga-res-99-2-op-1"]');
    await op1.waitFor();
    const length = await op1.evaluate((el) => el.textContent.length);
    assert.ok(length > 1_000_000, `the whole paragraph is there (${length} characters)`);
    const started = Date.now();
    await page.getByRole('link', { name: 'Library' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor();
    console.log(`# back to the library from a 1 MB paragraph in ${Date.now() - started} ms`);

    // Typing still answers: each keystroke of a word only the 1 MB
    // paragraph holds, from the input event to the last change of the
    // page, measured in the page; the paragraph must be found.
    await page.getByRole('link', { name: 'A very long paragraph' }).click();
    await op1.waitFor();
    const { pages: times } = await typeAndMeasure(page, ['cooperation']);
    await page.locator('ol.results > li.result[data-clause-id="ga-res-99-2-op-1"]').waitFor();
    const s = spread(times);
    console.log(`# keystrokes after the 1 MB paragraph: p50 ${s.p50.toFixed(1)} ms, ` +
      `max ${s.max.toFixed(1)} ms over ${times.length}`);
    assert.equal(times.length, 'cooperation'.length);
    assert.ok(times.every((t) => t > 0), 'every keystroke changed the page');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

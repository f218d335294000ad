// End-to-end: the release build, served under a sub-path with a strict
// CSP, embedded in an iframe, and the single offline file opened from
// file://. Each check is what a user sees.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DIST, shared, watchedPage, screenshot } from './harness.mjs';

const held = shared(DIST, { before, after });

/// The shipped corpus's collection title (corpus/manifest.toml).
const SHIPPED_TITLE = 'Trafficking in persons: UN resolutions';

/// The ways the explorer is shipped: a served folder, one offline file.
const shipments = () => [
  { name: 'served', url: held.server.url, origin: held.server.origin },
  { name: 'file', url: pathToFileURL(join(DIST, 'clause-explorer.html')).href, origin: null },
];

for (const which of ['served', 'file']) {
  test(`${which}: the library, an instrument, footnotes, permalinks, back button`, async () => {
    const ship = shipments().find((s) => s.name === which);
    const { page, context, problems } = await watchedPage(held.browser, ship.origin);
    try {
      await page.goto(ship.url);

      // The library lists all seventeen instruments (two are annexes).
      const entries = page.locator('li.entry');
      await assert.doesNotReject(entries.first().waitFor());
      assert.equal(await entries.count(), 17);
      assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), SHIPPED_TITLE);
      await screenshot(page, `${which}-library`);

      // Opening resolution 33/1 shows operative paragraph 7 with twelve
      // sub-paragraphs.
      await page.getByRole('link', { name: 'Countering trafficking in persons' }).click();
      await page.getByRole('heading', { level: 1, name: /Countering trafficking/ }).waitFor();
      const op7 = page.locator('[data-clause-id="ccpcj-res-33-1-op-7"]');
      assert.match(await op7.locator('em').first().textContent(), /^Further encourages$/);
      assert.equal(await op7.locator(':scope > .subparagraphs > .subparagraph').count(), 12);
      await screenshot(page, `${which}-instrument`);

      // Activating a footnote mark shows its text.
      await page.getByRole('button', { name: 'Footnote 24' }).click();
      const note = page.getByRole('note');
      assert.match(await note.textContent(), /United Nations, Treaty Series, vol\. 2225, No\. 39574\./);
      await screenshot(page, `${which}-footnote`);

      // A paragraph permalink reopens that paragraph after a reload.
      await page.getByRole('link', { name: 'CCPCJ res. 33/1, op. 7 (b)' }).click();
      await page.waitForFunction(() => location.hash === '#/p/ccpcj-res-33-1-op-7-b');
      await page.reload();
      const target = page.locator('[data-clause-id="ccpcj-res-33-1-op-7-b"]');
      await target.waitFor();
      await page.waitForFunction(
        () => document.activeElement?.dataset.clauseId === 'ccpcj-res-33-1-op-7-b');
      assert.ok(await target.isVisible());
      const box = await target.boundingBox();
      assert.ok(box.y >= 0 && box.y < 900, `op. 7 (b) is in view (y = ${box.y})`);

      // The back button works: back to the instrument, back to the library.
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#/i/ccpcj-res-33-1');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: SHIPPED_TITLE }).waitFor();

      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.outside, [], 'no request left the page');
    } finally {
      await context.close();
    }
  });
}

test('served: works inside an iframe of another page', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(`${held.server.origin}/host.html`);
    const frame = page.frameLocator('iframe[title="Clause Explorer"]');
    await frame.locator('li.entry').first().waitFor();
    assert.equal(await frame.locator('li.entry').count(), 17);
    await frame.getByRole('link', { name: /Implementation of the Protocol/ }).click();
    await frame.getByRole('heading', { level: 1, name: /Implementation of the Protocol/ }).waitFor();
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
  } finally {
    await context.close();
  }
});

test('served: the page links to the single offline file', async () => {
  const { page, context } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(held.server.url);
    const link = page.getByRole('link', { name: 'Download for offline use' });
    assert.equal(await link.getAttribute('href'), 'clause-explorer.html');
    const response = await page.request.get(`${held.server.url}clause-explorer.html`);
    assert.equal(response.status(), 200);
  } finally {
    await context.close();
  }
});

// The accessibility audit: axe-core (WCAG 2.0 and 2.1, A and AA) against
// every view of the explorer — library, instrument, similar language,
// search with results and with none, what cites a resolution, the
// pictures (their tables open), a comparison, an alignment, the
// reader's list, the shortcuts panel, a page not found, the panel of
// added documents with its report, the facet Source — in the light and
// the dark colour scheme, 1280 and 360 px wide. No rule is disabled.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT, audit, shared, watchedPage } from './harness.mjs';

const held = shared(DIST, { before, after });

/// Each view: where it is, and what to do once there before the audit.
const VIEWS = [
  { name: 'library', hash: '#/', ready: 'li.entry' },
  { name: 'instrument', hash: '#/i/ccpcj-res-33-1', ready: '#instrument-title' },
  {
    name: 'similar',
    hash: '#/p/ccpcj-res-33-1-op-7',
    ready: '#instrument-title',
    act: async (page) => {
      await page.locator('li[data-clause-id="ccpcj-res-33-1-op-7"] > .tools > .similar-toggle').click();
      await page.locator('.similar-panel li').first().waitFor();
    },
  },
  { name: 'search', hash: '#/search?q=trafficking', ready: 'ol.results > li.result' },
  {
    name: 'search-none',
    hash: '#/search?q=zzqxj',
    ready: '.result-summary',
    act: async (page) => page.getByText('No clause matches').waitFor(),
  },
  { name: 'search-blank', hash: '#/search', ready: '.examples' },
  { name: 'cited', hash: '#/cited/ga-res-64-293', ready: 'ul.cited-by li' },
  { name: 'pictures', hash: '#/pictures', ready: 'svg.pic' },
  {
    name: 'instrument-cited',
    hash: '#/i/ccpcj-res-preventing-combating-trafficking-persons-facilitated',
    ready: 'ul.cited-by li',
    act: async (page) => {
      for (const d of await page.locator('details.picture-table').all()) await d.evaluate((e) => { e.open = true; });
    },
  },
  {
    name: 'comparison',
    hash: '#/compare?a=ccpcj-res-preventing-combating-trafficking-persons-facilitated-op-1&b=ccpcj-res-33-1-op-1',
    ready: 'table.diff',
  },
  { name: 'comparison-choosing', hash: '#/compare?a=ccpcj-res-33-1-op-7', ready: '.chosen' },
  {
    name: 'alignment',
    hash: '#/align?a=ccpcj-res-preventing-combating-trafficking-persons-facilitated&b=ccpcj-res-33-1',
    ready: 'table',
  },
  {
    name: 'list',
    hash: '#/i/ccpcj-res-33-1',
    ready: '#instrument-title',
    act: async (page) => {
      await page.locator('li[data-clause-id="ccpcj-res-33-1-op-7"] > .tools > .add-to-list').click();
      await page.locator('li[data-clause-id="ccpcj-res-33-1-pp-1"] > .tools > .add-to-list').click();
      await page.evaluate(() => { location.hash = '#/list'; });
      await page.locator('ol.listed > li').nth(1).waitFor();
    },
  },
  {
    name: 'shortcuts',
    hash: '#/',
    ready: 'li.entry',
    act: async (page) => {
      await page.keyboard.press('?');
      await page.locator('dialog#shortcuts[open]').waitFor();
    },
  },
  { name: 'not-found', hash: '#/i/no-such-instrument', ready: 'h1' },
  // Last: what follows sees the added document.
  {
    name: 'documents',
    hash: '#/',
    ready: 'li.entry',
    act: async (page) => {
      const buffer = await readFile(join(ROOT, 'corpus', 'ccpcj-strengthening-measures.txt'));
      await page.locator('#add-documents-input').setInputFiles([
        { name: 'my-draft.txt', mimeType: 'text/plain', buffer },
        { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') },
      ]);
      await page.waitForFunction(() => /1 of 2 files added/.test(document.querySelector('.reports')?.textContent ?? ''), null, { timeout: 60_000 });
      await page.locator('ul.added > li').first().waitFor();
    },
  },
  {
    name: 'search-source',
    hash: '#/search?q=trafficking',
    ready: 'ol.results > li.result',
    act: async (page) => page.locator('fieldset.facet legend', { hasText: 'Source' }).waitFor(),
  },
];

for (const scheme of ['light', 'dark']) {
  for (const width of [1280, 360]) {
    test(`axe-core finds no WCAG 2.1 A/AA violation: ${scheme}, ${width} px`, async () => {
      const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
      try {
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        const found = [];
        for (const view of VIEWS) {
          await page.goto(`${held.server.url}${view.hash}`);
          await page.locator(view.ready).first().waitFor();
          if (view.act) await view.act(page);
          // Let the deferred parts (facets, focus) settle.
          await page.waitForTimeout(100);
          for (const v of await audit(page)) found.push(`${view.name}: ${v}`);
        }
        assert.deepEqual(found, []);
        assert.deepEqual(problems.errors, []);
        assert.deepEqual(problems.outside, []);
      } finally {
        await context.close();
      }
    });
  }
}

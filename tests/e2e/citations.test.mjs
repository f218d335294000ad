// End-to-end: citations between instruments and the pictures. A reference
// in a clause opens the instrument it names; one outside the corpus lists
// every clause that cites it; an instrument shows "Cited by", "Cites" and
// where its recovered symbol came from; `cites:` filters the search; each
// picture renders with an accessible name, and its links lead somewhere.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, screenshot, shared, watchedPage } from './harness.mjs';

const held = shared(DIST, { before, after });

const ICT = 'ccpcj-res-preventing-combating-trafficking-persons-facilitated';

test('a reference opens its instrument; an outside one lists who cites it', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    // A/RES/80/228 pp. 14 cites CCPCJ 27/2, which the corpus has.
    await page.goto(`${held.server.url}#/p/ga-res-80-228-pp-14`);
    const clause = page.locator('li[data-clause-id="ga-res-80-228-pp-14"]');
    const ref = clause.locator('a.ref', { hasText: '27/2' }).first();
    await ref.waitFor();
    assert.equal(await ref.getAttribute('href'), `#/i/${ICT}`);
    assert.match(await ref.getAttribute('title'), /^Open CCPCJ res\. 27\/2$/);
    await ref.click();
    await page.locator('#instrument-title').waitFor();
    assert.match(await page.title(), /^CCPCJ res\. 27\/2 —/);
    // Where the symbol came from, and who cites it.
    assert.match(await page.locator('.recovered').innerText(),
      /Symbol and date \(18 May 2018\) from A\/RES\/76\/186, pp\. 15/);
    const citedBy = await page.locator('section.citations ul.cited-by > li > a').allInnerTexts();
    assert.deepEqual(citedBy, ['A/RES/76/186, pp. 15', 'A/RES/78/228, pp. 14', 'A/RES/80/228, pp. 14']);
    const cites = await page.locator('ul.cites > li > a').allInnerTexts();
    assert.ok(cites.includes('Organized Crime Convention') || cites.some((c) => /Transnational Organized Crime/.test(c)), cites.join(' | '));
    // A resolution outside the corpus: every clause that cites it.
    await page.goto(`${held.server.url}#/i/ga-res-80-228`);
    const outside = page.locator('a.ref[href="#/cited/ga-res-64-293"]').first();
    await outside.waitFor();
    await outside.click();
    await page.locator('ul.cited-by li').first().waitFor();
    assert.equal(await page.locator('main h1').innerText(), 'GA res. 64/293');
    assert.match(await page.locator('main p.meta').first().innerText(), /^Cited by \d+ clauses and footnotes in \d+ instruments\./);
    const n = await page.locator('ul.cited-by > li').count();
    assert.ok(n >= 9, `${n} places cite 64/293`);
    // "Search these clauses": the Cites filter, chosen.
    await page.getByRole('link', { name: 'Search these clauses' }).click();
    await page.locator('ol.results > li.result').first().waitFor();
    assert.match(await page.locator('.result-summary').innerText(), new RegExp(`^${n} clauses? with these filters`));
    // The filters are drawn a frame after the results.
    const chosen = page.locator('fieldset.facet', { hasText: 'Cites' }).locator('input:checked');
    await chosen.first().waitFor();
    assert.equal(await chosen.count(), 1);
    await screenshot(page, 'cited-search');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
  } finally {
    await context.close();
  }
});

test('cites: in the search box filters by what clauses cite', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(`${held.server.url}#/search`);
    await page.locator('#search').fill('cites:27/2');
    await page.waitForFunction(() => /^3 clauses match/.test(document.querySelector('.result-summary')?.textContent ?? ''));
    const ids = await page.locator('ol.results > li.result').evaluateAll((els) => els.map((e) => e.dataset.clauseId));
    assert.deepEqual(ids.sort(), ['ga-res-76-186-pp-15', 'ga-res-78-228-pp-14', 'ga-res-80-228-pp-14']);
    await page.locator('#search').fill('cites:99/999');
    await page.getByText('No clause matches').waitFor();
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

/// Every picture: an <svg role="group"> named by its title, links to routes
/// of the app that open a view.
async function checkPicture(page, svg) {
  assert.equal(await svg.getAttribute('role'), 'group');
  const name = await svg.evaluate((s) => {
    const ids = (s.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
    return ids.map((id) => s.querySelector(`[id="${id}"]`)?.textContent ?? '').join(' ').trim();
  });
  assert.ok(name.length > 10, `accessible name: ${name}`);
  const hrefs = await svg.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'links');
  assert.ok(hrefs.every((h) => /^#\/(i|p|align|compare)[/?]/.test(h)), hrefs.join(' '));
  return { name, hrefs };
}

test('each picture renders, is named, and its links open their views', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    // The profile of an instrument's operative language.
    await page.goto(`${held.server.url}#/i/ccpcj-res-33-1`);
    const profile = page.locator('section.picture svg.pic-profile');
    await profile.waitFor();
    await profile.scrollIntoViewIfNeeded();
    const p = await checkPicture(page, profile);
    assert.match(p.name, /CCPCJ res\. 33\/1/);
    await screenshot(page, 'picture-profile');
    await profile.locator('a').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/p/ccpcj-res-33-1-op-'));

    // Who cites whom, and the reuse matrix.
    await page.goto(`${held.server.url}#/pictures`);
    const graph = page.locator('section.picture svg').first();
    await graph.waitFor();
    await checkPicture(page, graph);
    const matrix = page.locator('svg.pic-reuse');
    await matrix.waitFor();
    const m = await checkPicture(page, matrix);
    assert.ok(m.hrefs.some((h) => h.startsWith('#/align?a=ga-res-78-228&b=ga-res-80-228')), 'a cell opens that pair\'s alignment');
    await screenshot(page, 'pictures');
    await matrix.locator('a[href^="#/align?a=ga-res-78-228&b=ga-res-80-228"]').first().click();
    await page.locator('.alignment, table.alignment, .align-rows').first().waitFor();
    // The table alternative holds the same links.
    await page.goto(`${held.server.url}#/pictures`);
    await page.locator('details.picture-table summary').first().click();
    assert.ok(await page.locator('details.picture-table[open] table a').count() > 0);

    // A paragraph's language over the years.
    await page.goto(`${held.server.url}#/p/untoc-cop-res-11-5-op-1`);
    await page.locator('li[data-clause-id="untoc-cop-res-11-5-op-1"] > .tools > .similar-toggle').click();
    const panel = page.locator('li[data-clause-id="untoc-cop-res-11-5-op-1"]').locator('details.trail').first();
    await panel.locator(':scope > summary').click();
    const trail = panel.locator('svg.pic-trail');
    await trail.waitFor();
    const t = await checkPicture(page, trail);
    assert.ok(t.hrefs.some((h) => h.startsWith('#/compare?a=untoc-cop-res-11-5-op-1&b=')));
    await screenshot(page, 'picture-trail');
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
  } finally {
    await context.close();
  }
});

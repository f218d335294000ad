// End-to-end: search as you type, facets, the URL that keeps a search, and
// the comparison of two search results, as a user does it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, shared, watchedPage, screenshot } from './harness.mjs';

const held = shared(DIST, { before, after });

/// The number of clauses the status line says match, once it names `text`
/// (and, with `not`, once the number is no longer `not`): the list of
/// results is drawn in the same update.
async function matching(page, text, not = null) {
  const line = await page.waitForFunction(([text, not]) => {
    const said = document.querySelector('.result-summary')?.textContent ?? '';
    const m = said.match(/^(\d+) clauses? match “(.*)”$/);
    return m && m[2] === text && Number(m[1]) !== not && said;
  }, [text, not]);
  return Number((await line.jsonValue()).match(/^\d+/)[0]);
}

/// Scrolls the end of the result list into view until `n` results are
/// drawn (or 5 s pass; the caller's count assertion then says what is
/// missing).
async function drawAll(page, n) {
  await page.evaluate(async (n) => {
    const started = performance.now();
    while (document.querySelectorAll('ol.results > li.result').length < n && performance.now() - started < 5000) {
      document.querySelector('.results-end')?.scrollIntoView();
      await new Promise((done) => setTimeout(done, 30));
    }
  }, n);
}

test('search as you type, with typos, facets, and a URL that keeps it', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(held.server.url);
    await page.locator('li.entry').first().waitFor();

    // "/" focuses the search box, whose accessible name contains "Search".
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: /Search/ });
    assert.ok(await box.evaluate((el) => el === document.activeElement));

    // Results update on every keystroke; a typo is forgiven.
    await box.pressSequentially('trafficing onlin', { delay: 20 });
    const results = page.locator('ol.results > li.result');
    const total = await matching(page, 'trafficing onlin');
    const ids = await results.evaluateAll((els) => els.map((e) => e.dataset.clauseId));
    assert.ok(ids.includes('ccpcj-res-33-1-op-7-a'), `op. 7 (a) is found: ${ids.slice(0, 5)}`);
    assert.ok((await page.locator('ol.results mark').count()) > 0, 'matched words are marked');
    const context = results.first().getByRole('link', { name: 'Open in context' });
    assert.match(await context.getAttribute('href'), /^#\/p\//);

    // The query is in the URL and survives a reload.
    await page.waitForFunction(() => location.hash.startsWith('#/search?q=trafficing'));
    await page.reload();
    assert.equal(await matching(page, 'trafficing onlin'), total);
    assert.equal(await box.inputValue(), 'trafficing onlin');

    // A facet narrows the results to preambular paragraphs and lives in
    // the URL too; back undoes it.
    await page.getByRole('checkbox', { name: /^Preambular/ }).check();
    await page.waitForFunction(() => location.hash.includes('part=pp'));
    const narrowed = await matching(page, 'trafficing onlin', total);
    assert.ok(0 < narrowed && narrowed < total, `0 < ${narrowed} < ${total}`);
    // The list draws a screenful, then more as its end nears the screen.
    await drawAll(page, Math.min(narrowed, 50));
    const preambular = await results.evaluateAll((els) => els.map((e) => e.dataset.clauseId));
    assert.equal(preambular.length, Math.min(narrowed, 50));
    assert.deepEqual(preambular.filter((id) => !/-pp-\d+/.test(id)), [], 'only preambular paragraphs');
    await screenshot(page, 'search');
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('part=pp'));
    assert.equal(await matching(page, 'trafficing onlin', narrowed), total);

    // Nothing found: say so and suggest words.
    await box.fill('trffckng');
    await page.getByText('Did you mean:').waitFor();
    assert.match(await page.locator('.did-you-mean').textContent(), /trafficking/);

    assert.deepEqual(problems.outside, [], 'no request left the page');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('compare two search results: removed and added words, kept in the URL', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(`${held.server.url}#/search?q=consider%20ratifying`);
    const box = page.getByRole('searchbox', { name: /Search/ });
    await matching(page, 'consider ratifying');
    const first = page.locator('li.result[data-clause-id="ccpcj-res-33-1-op-1"]');
    await first.getByRole('button', { name: /^Compare/ }).click();
    // The second: COP 11/5 op. 1, which says "consider acceding".
    await box.fill('consider acceding');
    await matching(page, 'consider acceding');
    const second = page.locator('li.result[data-clause-id="untoc-cop-res-11-5-op-1"]');
    await second.getByRole('button', { name: /^Compare/ }).click();

    const region = page.getByRole('region', { name: /Comparison/ });
    await region.waitFor();
    const check = async () => {
      const removed = await region.locator('del').allTextContents();
      const added = await region.locator('ins').allTextContents();
      assert.ok(removed.includes('consider ratifying or acceding to'), `removed: ${removed}`);
      assert.ok(removed.some((t) => t.includes('implement them fully and effectively')), `removed: ${removed}`);
      assert.deepEqual(added, ['consider acceding to']);
      assert.match(await region.textContent(), /Similarity \d+/);
    };
    await check();
    assert.match(page.url(), /#\/compare\?a=ccpcj-res-33-1-op-1&b=untoc-cop-res-11-5-op-1/);
    await screenshot(page, 'comparison');

    // Reloading the URL shows the same comparison.
    await page.reload();
    await region.waitFor();
    await check();

    // Swap puts the sides the other way round: in the URL, the headings
    // and the texts.
    const sides = async () => ({
      heads: await region.locator('table.diff thead th').allTextContents(),
      left: await region.locator('tbody td.left').allTextContents(),
      right: await region.locator('tbody td.right').allTextContents(),
    });
    const was = await sides();
    assert.deepEqual(was.heads, ['CCPCJ res. 33/1, op. 1', 'UNTOC COP res. 11/5, op. 1']);
    assert.match(was.left.join(' '), /consider ratifying or acceding to/);
    assert.match(was.right.join(' '), /consider acceding to/);
    await region.getByRole('button', { name: 'Swap sides' }).click();
    await page.waitForFunction(() => location.hash === '#/compare?a=untoc-cop-res-11-5-op-1&b=ccpcj-res-33-1-op-1');
    await page.getByRole('region', { name: 'Comparison of UNTOC COP res. 11/5, op. 1 and CCPCJ res. 33/1, op. 1' }).waitFor();
    const now = await sides();
    assert.deepEqual(now.heads, [was.heads[1], was.heads[0]]);
    assert.deepEqual(now.left, was.right);
    assert.deepEqual(now.right, was.left);

    assert.deepEqual(problems.outside, [], 'no request left the page');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('two instruments aligned, and where else a paragraph’s language is', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(`${held.server.url}#/align?a=ccpcj-res-preventing-combating-trafficking-persons-facilitated&b=ccpcj-res-33-1`);
    await page.locator('tr.aligned').first().waitFor();
    assert.match(await page.locator('.alignment .summary').textContent(),
      /2 identical · \d+ changed · \d+ only in the first · \d+ only in the second/);
    await screenshot(page, 'alignment');

    await page.goto(`${held.server.url}#/i/ccpcj-res-33-1`);
    const op1 = page.locator('[data-clause-id="ccpcj-res-33-1-op-1"]');
    await op1.getByRole('button', { name: 'Similar' }).click();
    const similar = op1.locator('ol.similar > li');
    await similar.first().waitFor();
    const found = await similar.evaluateAll((els) => els.map((e) => e.dataset.clauseId));
    const counterpart = 'ccpcj-res-preventing-combating-trafficking-persons-facilitated-op-1';
    assert.ok(found.includes(counterpart), `${found}`);
    // "Compare with" on a similar paragraph compares op. 1 (left) with it
    // (right).
    // Its symbol recovered from the Assembly's citations of it.
    const citation = 'CCPCJ res. 27/2, op. 1';
    await op1.locator(`ol.similar > li[data-clause-id="${counterpart}"]`)
      .getByRole('link', { name: `Compare with ${citation}` }).click();
    const region = page.getByRole('region', { name: /^Comparison of / });
    await region.waitFor();
    assert.equal(await region.getAttribute('aria-label'), `Comparison of CCPCJ res. 33/1, op. 1 and ${citation}`);
    assert.equal(new URL(page.url()).hash, `#/compare?a=ccpcj-res-33-1-op-1&b=${counterpart}`);
    const heads = await region.locator('table.diff thead th a').evaluateAll((els) =>
      els.map((a) => [a.getAttribute('href'), a.textContent]));
    assert.deepEqual(heads, [
      ['#/p/ccpcj-res-33-1-op-1', 'CCPCJ res. 33/1, op. 1'],
      [`#/p/${counterpart}`, citation],
    ]);

    assert.deepEqual(problems.outside, [], 'no request left the page');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

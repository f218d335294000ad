// End-to-end: the explorer with the keyboard only — into the results
// from the search box and between them, open, compare, similar, copy,
// add to the list, back to the search box, the shortcuts panel; focus on
// every change of view; the result count read out once typing pauses.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIST, shared, watchedPage } from './harness.mjs';

const held = shared(DIST, { before, after });

const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return e?.dataset?.clauseId ?? (e?.id || e?.tagName);
  });

async function untilFocused(page, what) {
  await page.waitForFunction((what) => {
    const e = document.activeElement;
    return (e?.dataset?.clauseId ?? (e?.id || e?.tagName)) === what;
  }, what, { timeout: 5000 }).catch(() => {});
  return focused(page);
}

const resultIds = (page) =>
  page.locator('ol.results > li.result').evaluateAll((els) => els.map((e) => e.dataset.clauseId));

test('the results from the keyboard: move, open, compare, similar, copy, list, back', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: held.server.origin });
  try {
    await page.goto(held.server.url);
    await page.locator('li.entry').first().waitFor();
    await page.keyboard.press('/');
    assert.equal(await focused(page), 'search');
    // Letters type while in the search box: "trafficking" has k, c and
    // s in it, and "?" is a character too.
    await page.keyboard.type('trafficking?', { delay: 15 });
    await page.keyboard.press('Backspace');
    assert.equal(await page.locator('#search').inputValue(), 'trafficking');
    assert.equal(await focused(page), 'search');
    assert.equal(await page.locator('dialog#shortcuts[open]').count(), 0);
    await page.waitForFunction(() => /clauses match “trafficking”/.test(
      document.querySelector('.result-summary')?.textContent ?? ''));
    const ids = await resultIds(page);
    assert.ok(ids.length >= 3, `${ids.length} results`);

    // ↓ into the results, j/↓ on, k/↑ back, and from the first to the box.
    await page.keyboard.press('ArrowDown');
    assert.equal(await untilFocused(page, ids[0]), ids[0]);
    await page.keyboard.press('j');
    assert.equal(await untilFocused(page, ids[1]), ids[1]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await untilFocused(page, ids[2]), ids[2]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('k');
    assert.equal(await untilFocused(page, ids[0]), ids[0]);
    await page.keyboard.press('k');
    assert.equal(await untilFocused(page, 'search'), 'search');
    await page.keyboard.press('ArrowDown');
    assert.equal(await untilFocused(page, ids[0]), ids[0]);

    // y copies the clause with its citation.
    const first = page.locator(`li.result[data-clause-id="${ids[0]}"]`);
    const citation = (await first.locator('.result-source a').textContent()).trim();
    await page.keyboard.press('y');
    await first.locator('.tools .status', { hasText: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.endsWith(`(${citation})`), copied);

    // s shows where else its language is, and hides it again.
    await page.keyboard.press('s');
    await first.locator('.similar-panel').waitFor();
    assert.equal(await focused(page), ids[0], 'focus stays on the clause');
    await page.keyboard.press('s');
    await first.locator('.similar-panel').waitFor({ state: 'detached' });

    // l puts the clause on the list, and the navigation says how many.
    await page.keyboard.press('l');
    await page.getByRole('link', { name: /My list \(1\)/ }).waitFor();
    assert.equal(await first.locator('.add-to-list').getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('j');
    await page.keyboard.press('l');
    await page.getByRole('link', { name: /My list \(2\)/ }).waitFor();
    assert.match(await page.locator('#announcer').textContent(), /^Added .* to your list \(2\)$/);

    // c chooses the focused clause, c on another opens the comparison,
    // whose heading takes the focus.
    await page.keyboard.press('k');
    await page.keyboard.press('c');
    await page.locator('.tray', { hasText: 'Comparing' }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    await page.waitForFunction(() => location.hash.startsWith('#/compare?a='));
    assert.match(page.url(), new RegExp(`a=${ids[0]}&b=${ids[2]}`));
    assert.equal(await untilFocused(page, 'H1'), 'H1');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Comparison');

    // Esc returns to the search box; back returns to the results; Enter
    // opens the focused one in its instrument, focused there.
    await page.keyboard.press('Escape');
    assert.equal(await untilFocused(page, 'search'), 'search');
    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith('#/search'));
    await page.locator('ol.results > li.result').first().waitFor();
    await page.keyboard.press('/');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    assert.equal(await untilFocused(page, ids[1]), ids[1]);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash === `#/p/${id}`, ids[1]);
    assert.equal(await untilFocused(page, ids[1]), ids[1], 'the clause has focus in its instrument');

    // In an instrument, j and k walk its paragraphs.
    await page.keyboard.press('j');
    const next = await focused(page);
    assert.notEqual(next, ids[1]);
    assert.ok(await page.locator(`li[data-clause-id="${next}"][tabindex]`).count());

    // The list holds the two clauses, reached by keyboard.
    await page.keyboard.press('Escape');
    // Tab from the search box through the navigation to "My list".
    for (let k = 0; k < 10; k++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement.textContent.startsWith('My list'))) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/list');
    assert.equal(await untilFocused(page, 'list-title'), 'list-title');
    const listed = await page.locator('ol.listed > li').evaluateAll((els) => els.map((e) => e.dataset.clauseId));
    assert.deepEqual(listed, [ids[0], ids[1]]);
    // The list lasts the session: a reload keeps it.
    await page.reload();
    await page.locator('ol.listed > li').first().waitFor();
    assert.equal(await page.locator('ol.listed > li').count(), 2);

    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
  } finally {
    await context.close();
  }
});

test('the shortcuts panel lists every key, says how to close, and gives focus back', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(`${held.server.url}#/i/ccpcj-res-33-1`);
    await page.locator('#instrument-title').waitFor();
    assert.equal(await untilFocused(page, 'instrument-title'), 'instrument-title');
    await page.keyboard.press('?');
    const panel = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await panel.waitFor();
    const text = await panel.textContent();
    for (const key of ['/', '↓', 'j', '↑', 'k', 'Enter', 'c', 's', 'y', 'l', 'Esc', '?']) {
      assert.ok(text.includes(key), `${key} is listed`);
    }
    assert.match(text, /Press Esc or \? to close/);
    // j does nothing while the panel is open.
    await page.keyboard.press('j');
    assert.ok(await panel.isVisible());
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    assert.equal(await focused(page), 'instrument-title', 'focus returns where it was');
    await page.keyboard.press('?');
    await panel.waitFor();
    await page.keyboard.press('?');
    await panel.waitFor({ state: 'hidden' });
    // j from the page starts at the first clause on screen.
    await page.keyboard.press('j');
    assert.equal(await untilFocused(page, 'ccpcj-res-33-1-pp-1'), 'ccpcj-res-33-1-pp-1');
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('the result count is read out once typing pauses, not at every keystroke', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(`${held.server.url}#/search`);
    await page.locator('#announcer').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#announcer').getAttribute('aria-live'), 'polite');
    await page.evaluate(() => {
      window.__said = [];
      new MutationObserver(() => window.__said.push(document.querySelector('#announcer').textContent))
        .observe(document.querySelector('#announcer'), { childList: true, characterData: true, subtree: true });
    });
    await page.locator('#search').focus();
    await page.keyboard.type('migrant smuggling', { delay: 40 });
    await page.waitForFunction(() => /match “migrant smuggling”$/.test(
      document.querySelector('#announcer').textContent));
    const said = await page.evaluate(() => window.__said.filter((s) => s.trim()));
    assert.equal(said.length, 1, `one announcement: ${JSON.stringify(said)}`);
    const visible = await page.locator('.result-summary').textContent();
    assert.equal(said[0], visible);
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

// End-to-end: the downloads, made in the page, served and from file://:
// all results of a search (not only those drawn) as CSV, JSON, Markdown
// and a precedents table; the reader's list the same ways; an instrument
// as Markdown and plain text; a comparison as HTML and Markdown. Each
// file's content is checked, and a clause of commas, quotes, line breaks
// and markup comes out exactly in every format.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, HOSTILE_DIST, launch, serve, watchedPage } from './harness.mjs';

const held = {};
before(async () => {
  held.browser = await launch();
  held.server = await serve(DIST);
  held.hostile = await serve(HOSTILE_DIST);
});
after(async () => {
  await held.server?.close();
  await held.hostile?.close();
  await held.browser?.close();
});

/// Clicks the download button named `name` and returns the file's name
/// and text.
async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/// RFC 4180: rows of fields; quoted fields may hold commas, quotes
/// (doubled) and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') { field += '"'; k++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[k + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; k++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const COLUMNS = ['citation', 'instrument', 'symbol', 'year', 'body', 'kind', 'lead', 'text', 'link'];

async function searchFor(page, base, text) {
  await page.goto(`${base}#/search?q=${encodeURIComponent(text)}`);
  const line = await page.waitForFunction(() => {
    const m = (document.querySelector('.result-summary')?.textContent ?? '').match(/^(\d+) clauses? match/);
    return m && Number(m[1]);
  });
  return line.jsonValue();
}

for (const where of ['served', 'file']) {
  test(`${where}: a search's every result downloads as CSV, JSON, Markdown and a precedents table`, async () => {
    const file = where === 'file';
    const base = file ? pathToFileURL(join(DIST, 'clause-explorer.html')).href : held.server.url;
    const { page, context, problems } = await watchedPage(held.browser, file ? null : held.server.origin);
    try {
      const total = await searchFor(page, base, 'trafficking');
      const drawn = await page.locator('ol.results > li.result').count();
      assert.ok(total > drawn, `more results (${total}) than drawn (${drawn})`);

      const csv = await download(page, 'Download all these results as CSV');
      assert.equal(csv.name, 'clauses-matching-trafficking.csv');
      assert.ok(csv.text.startsWith('\ufeff'), 'a byte-order mark for spreadsheets');
      const rows = parseCsv(csv.text.slice(1));
      assert.deepEqual(rows[0], COLUMNS);
      assert.equal(rows.length - 1, total, 'every result, not only those drawn');
      const firstId = await page.locator('ol.results > li.result').first().getAttribute('data-clause-id');
      assert.ok(rows[1][8].endsWith(`#/p/${firstId}`), rows[1][8]);
      assert.ok(rows[1][8].startsWith(file ? 'file:' : held.server.url), rows[1][8]);
      assert.ok(rows.slice(1).every((r) => r.length === COLUMNS.length));

      const json = await download(page, 'Download all these results as JSON');
      assert.equal(json.name, 'clauses-matching-trafficking.json');
      const records = JSON.parse(json.text);
      assert.equal(records.length, total);
      assert.deepEqual(records.map((r) => r.citation), rows.slice(1).map((r) => r[0]));
      assert.deepEqual(records.map((r) => r.text), rows.slice(1).map((r) => r[7]));

      const md = await download(page, 'Download all these results as Markdown');
      assert.equal(md.name, 'clauses-matching-trafficking.md');
      assert.ok(md.text.startsWith('# Clauses matching “trafficking”\n'), md.text.slice(0, 80));
      assert.equal((md.text.match(/^\*\*\[/gm) ?? []).length, total);

      const table = await download(page, 'Download all these results as Precedents table');
      assert.equal(table.name, 'clauses-matching-trafficking.html');
      assert.equal((table.text.match(/<tr><td>/g) ?? []).length, total);

      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.outside, []);
    } finally {
      await context.close();
    }
  });
}

test('an instrument downloads as Markdown and plain text, a comparison as HTML and Markdown', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  try {
    await page.goto(`${held.server.url}#/i/ccpcj-res-33-1`);
    await page.locator('#instrument-title').waitFor();
    const citations = await page.locator('li.paragraph .tools .cite').allTextContents();
    assert.ok(citations.length > 10);
    const md = await download(page, 'Download this instrument as Markdown');
    assert.match(md.name, /^ccpcj-res-33-1\.md$/);
    const txt = await download(page, 'Download this instrument as Plain text');
    assert.match(txt.name, /^ccpcj-res-33-1\.txt$/);
    for (const c of citations) {
      assert.ok(txt.text.includes(c), `${c} in the text`);
      assert.ok(md.text.includes(c), `${c} in the Markdown`);
    }

    await page.goto(`${held.server.url}#/compare?a=ga-res-78-228-op-4&b=ga-res-80-228-op-4`);
    await page.locator('table.diff').waitFor();
    const html = await download(page, 'Download this comparison as HTML (redline)');
    assert.match(html.name, /^a-res-78-228-op-4-compared-with-a-res-80-228-op-4\.html$/);
    const dels = await page.locator('table.diff del').count();
    const inss = await page.locator('table.diff ins').count();
    assert.ok(dels + inss > 0, 'the clauses differ');
    assert.equal((html.text.match(/<del>/g) ?? []).length > 0, dels > 0);
    assert.equal((html.text.match(/<ins>/g) ?? []).length > 0, inss > 0);
    const redline = await download(page, 'Download this comparison as Markdown');
    assert.match(redline.name, /\.md$/);
    if (dels) assert.match(redline.text, /~~[^~]+~~/);
    if (inss) assert.match(redline.text, /\*\*[^*]+\*\*/);
    assert.deepEqual(problems.errors, []);
  } finally {
    await context.close();
  }
});

test('a listed clause of commas, quotes, line breaks and markup comes out exactly in every format', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.hostile.origin);
  try {
    const id = 'ga-res-99-1-op-3';
    await page.goto(`${held.hostile.url}#/i/ga-res-99-1`);
    const clause = page.locator(`li[data-clause-id="${id}"]`);
    await clause.waitFor();
    await clause.locator(':scope > .tools > .add-to-list').click();
    await page.locator(`li[data-clause-id="ga-res-99-1-op-1"] > .tools > .add-to-list`).click();
    await page.goto(`${held.hostile.url}#/list`);
    await page.locator('ol.listed > li').nth(1).waitFor();

    const expected = [
      '3. Requests, "in particular", the Secretary-General, to report on =SUM(A1:A9), <b>bold</b> and emphasis words:',
      '(a) On commas, "quotes" and \'apostrophes\';',
      '(b) On | pipes |, # hashes and </td></table> endings.',
    ].join('\n');

    const csv = await download(page, 'Download my list as CSV');
    assert.equal(csv.name, 'my-clauses.csv');
    const rows = parseCsv(csv.text.slice(1));
    assert.equal(rows.length, 3);
    assert.equal(rows[1][0], 'A/RES/99/1, op. 3');
    assert.equal(rows[1][7], expected);
    assert.equal(rows[1][5], 'operative');

    const json = JSON.parse((await download(page, 'Download my list as JSON')).text);
    assert.equal(json[0].text, expected);
    assert.equal(json[1].citation, 'A/RES/99/1, op. 1');
    assert.ok(json[1].text.includes('<script>'), 'markup is kept as text');

    const md = (await download(page, 'Download my list as Markdown')).text;
    assert.ok(md.includes('3\\. Requests, "in particular"'), md);
    assert.ok(md.includes('\\<b\\>bold\\</b\\>'), 'markup is escaped');
    assert.ok(md.includes('\\| pipes \\|'), 'pipes are escaped');
    assert.ok(!md.includes('<script>'), 'no raw markup');

    const html = (await download(page, 'Download my list as Precedents table')).text;
    assert.ok(!/<(script|b|iframe)\b/.test(html), 'no raw markup in the table');
    // Opened as a page, the table's text is the clause, line for line.
    const view = await context.newPage();
    await view.setContent(html);
    assert.equal(await view.locator('tbody tr').count(), 2);
    assert.equal(await view.locator('tbody tr:first-child td:nth-child(2)').innerText(), expected);
    assert.equal(await view.locator('tbody tr:first-child td:first-child').innerText(), 'A/RES/99/1, op. 3');
    assert.equal(await view.evaluate(() => window.__pwned), undefined);
    await view.close();

    // Reordering and removing change what is exported.
    await page.getByRole('button', { name: 'Move up: A/RES/99/1, op. 1' }).click();
    const reordered = JSON.parse((await download(page, 'Download my list as JSON')).text);
    assert.deepEqual(reordered.map((r) => r.citation), ['A/RES/99/1, op. 1', 'A/RES/99/1, op. 3']);
    await page.locator(`ol.listed li[data-clause-id="${id}"] .add-to-list`).click();
    await page.locator(`ol.listed li[data-clause-id="${id}"]`).waitFor({ state: 'detached' });
    const pruned = JSON.parse((await download(page, 'Download my list as JSON')).text);
    assert.deepEqual(pruned.map((r) => r.citation), ['A/RES/99/1, op. 1']);

    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems.errors, []);
    assert.deepEqual(problems.outside, []);
  } finally {
    await context.close();
  }
});

// End-to-end: your own documents in the page. A reader adds one file of
// each format (the text format, the UN's XML, Word) through the file
// input and by dropping, reads the report, finds a clause of each by
// search, compares an added clause with a shipped one, reloads and finds
// them kept; saves the explorer as one file and finds them in it from
// file://; and every kind of bad input gets its message while the rest is
// added and nothing already added is lost. No request leaves the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, crc32 } from 'node:zlib';
import { DIST, ROOT, launch, serve, watchedPage, screenshot } from './harness.mjs';

const OUT = join(ROOT, 'target', 'e2e', 'documents');

const files = {
  txt: join(ROOT, 'corpus', 'ccpcj-children-and-ict.txt'),
  xml: join(ROOT, '..', 'shared', 'un-akn', 'ga', '78session', 'A_RES_78_123-2325275E.xml'),
  docx: join(ROOT, 'tests', 'fixtures', 'docx', 'ccpcj-33-1-excerpt.docx'),
};

const held = {};
before(async () => {
  await mkdir(OUT, { recursive: true });
  held.browser = await launch();
  held.server = await serve(DIST);
});
after(async () => {
  await held.server?.close();
  await held.browser?.close();
});

async function file(path, name) {
  return { name: name ?? path.split('/').pop(), mimeType: 'application/octet-stream', buffer: await readFile(path) };
}

/// Adds files through the page's file input and waits for the report.
async function add(page, payloads) {
  const before = await page.locator('.reports').count() ? await page.locator('.reports').textContent() : '';
  await page.locator('#add-documents-input').setInputFiles(payloads);
  await page.waitForFunction(
    (before) => {
      const r = document.querySelector('.reports');
      const busy = document.querySelector('.documents .progress')?.textContent ?? '';
      return r && r.textContent !== before && busy.trim() === '';
    },
    before,
    { timeout: 60_000 },
  );
  return page.locator('.reports').textContent();
}

async function search(page, query, filters = '') {
  await page.goto(`${held.server.url}#/search?q=${encodeURIComponent(query)}${filters}`);
  await page.locator('.results-column').waitFor();
  await page.waitForFunction(() => !document.querySelector('.results-column')?.textContent.includes('Searching'));
  return page.locator('.results-column').textContent();
}

test('add a text, a UN XML and a Word file; search, compare, reload, save as one file', async () => {
  const { page, context, problems } = await watchedPage(held.browser, held.server.origin);
  // The test saves through the download path: a headless browser's save
  // dialog cannot be answered.
  await context.addInitScript(() => { delete window.showSaveFilePicker; });
  await page.goto(held.server.url);
  await page.getByRole('heading', { name: 'Your documents' }).waitFor();
  // The header's button opens the picker; the input is in the page.
  const button = page.getByRole('button', { name: 'Add documents', exact: true }).first();
  assert.ok(await button.isVisible());
  assert.equal(await page.locator('input[type="file"][multiple]').count(), 1);

  const report = await add(page, [await file(files.txt), await file(files.xml)]);
  assert.match(report, /2 of 2 files added/);
  assert.match(report, /A\/RES\/78\/123/);
  assert.match(report, /operative/);

  // Dropping a file anywhere on the page adds it too.
  const docx = await readFile(files.docx);
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'ccpcj-33-1-excerpt.docx'));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [...docx]);
  await page.waitForFunction(() => /ccpcj-33-1-excerpt\.docx: added/.test(document.querySelector('.reports')?.textContent ?? ''), null, { timeout: 60_000 });
  const added = page.locator('ul.added > li');
  assert.equal(await added.count(), 3);
  // The library marks them.
  assert.ok((await page.locator('li.entry.added').count()) >= 3);
  await screenshot(page, 'documents-added');

  // A clause of each, by search.
  assert.match(await search(page, '"30 May as the International Day of Potato"'), /A\/RES\/78\/123/);
  const fromDocx = await search(page, 'rapid technological change trafficking');
  assert.match(fromDocx, /33\/1/);
  const fromTxt = await search(page, 'information and communications technologies children sexual exploitation');
  assert.match(fromTxt, /CCPCJ/);
  // The facet "Source" keeps only what was added (the text file is a copy
  // of a shipped one, so its clauses are told apart by count, not words).
  const sourceFacet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Source' }) });
  const countOf = async (label) => Number((await sourceFacet.locator('label', { hasText: label }).textContent()).match(/\((\d+)\)/)[1]);
  await sourceFacet.getByText('Published with the explorer').waitFor();
  const shippedCount = await countOf('Published with the explorer');
  const addedCount = await countOf('Added by you');
  assert.ok(shippedCount > 0 && addedCount > 0, `${shippedCount} shipped, ${addedCount} added`);
  await sourceFacet.getByLabel(/Added by you/).check();
  await page.waitForFunction(() => location.hash.includes('source=added'));
  await page.waitForFunction(() => !document.querySelector('.results-column')?.textContent.includes('Searching'));
  const summary = await page.locator('.results-column').textContent();
  assert.ok(summary.includes(String(addedCount)), `the results under source=added say ${addedCount}: ${summary.slice(0, 200)}`);

  // Compare an added clause (the Word file's first operative paragraph)
  // with a shipped one.
  await search(page, 'rapid technological change trafficking', '&source=added');
  const addedId = await page.evaluate(() => {
    const link = [...document.querySelectorAll('.results-column a[href*="#/p/"]')]
      .find((a) => a.closest('li')?.textContent.includes('33/1'));
    return link ? decodeURIComponent(link.getAttribute('href').split('#/p/')[1]) : null;
  });
  assert.ok(addedId, 'an added clause is listed');
  await page.goto(`${held.server.url}#/compare?a=${encodeURIComponent(addedId)}&b=ccpcj-res-33-1-op-1`);
  await page.getByText('similar', { exact: false }).first().waitFor();
  assert.match(await page.locator('main').textContent(), /CCPCJ res\. 33\/1, op\. 1/);

  // Reloaded, they are still there.
  await page.goto(held.server.url);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('ul.added > li').length === 3, null, { timeout: 60_000 });
  assert.match(await page.locator('.documents .storage').textContent(), /Kept in this browser/);

  // Save as one file: a download, which opens from file:// with them in it.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Save as one file', exact: true }).click(),
  ]);
  const saved = join(OUT, 'saved-explorer.html');
  await download.saveAs(saved);
  assert.equal(problems.outside.length, 0, `requests outside the page: ${problems.outside}`);
  assert.deepEqual(problems.errors, []);
  await context.close();

  const offline = await watchedPage(held.browser, null);
  await offline.page.goto(pathToFileURL(saved).href);
  await offline.page.locator('li.entry').first().waitFor();
  const entries = await offline.page.locator('li.entry.added').count();
  assert.ok(entries >= 3, `added entries in the saved file: ${entries}`);
  await offline.page.goto(`${pathToFileURL(saved).href}#/search?q=${encodeURIComponent('"30 May as the International Day of Potato"')}`);
  await offline.page.locator('.results-column').waitFor();
  await offline.page.waitForFunction(() => /A\/RES\/78\/123/.test(document.querySelector('.results-column')?.textContent ?? ''));
  // It can add again; added from the search view, the report is shown in
  // the library.
  const again = await add(offline.page, [await file(join(ROOT, 'corpus', 'ccpcj-strengthening-measures.txt'))]);
  assert.match(again, /1 of 1 file added/);
  assert.equal(await offline.page.evaluate(() => location.hash), '#/');
  assert.equal(offline.problems.outside.length, 0, `requests outside: ${offline.problems.outside}`);
  assert.deepEqual(offline.problems.errors, []);
  await offline.context.close();
});

/// A zip of one entry, written by hand (stored sizes as given), for
/// inputs no tool would make.
function zipOf(name, data, { method = 8, declared } = {}) {
  const body = method === 8 ? deflateRawSync(data, { level: 9 }) : data;
  const crc = crc32(data);
  const size = declared ?? data.length;
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14); local.writeUInt32LE(body.length, 18); local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
  central.writeUInt16LE(method, 10); central.writeUInt32LE(crc, 16); central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(size, 24); central.writeUInt16LE(nameBuf.length, 28);
  const localLen = 30 + nameBuf.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBuf.length, 12); end.writeUInt32LE(localLen, 16);
  return Buffer.concat([local, nameBuf, body, central, nameBuf, end]);
}

test('bad input: each file its message, the others added, nothing already added lost', async () => {
  const { page, problems } = await watchedPage(held.browser, held.server.origin);
  await page.goto(held.server.url);
  await page.getByRole('heading', { name: 'Your documents' }).waitFor();
  await add(page, [await file(files.txt)]);
  const named = (name, buffer) => ({ name, mimeType: 'application/octet-stream', buffer });
  const bomb = zipOf('word/document.xml', Buffer.alloc(300 << 20), { declared: 1000 });
  // Playwright hands files over 50 MB to the page by path only.
  const huge = join(OUT, 'huge.txt');
  await writeFile(huge, Buffer.alloc(50 << 20, 0x61));
  // (And by path only when alone: Playwright does not mix paths and buffers.)
  const hugeReport = await add(page, [huge]);
  assert.match(hugeReport, /huge\.txt: not added: the file is 52\.4 MB, more than the 16 MB/);
  const report = await add(page, [
    named('binary.txt', Buffer.from([0, 1, 2, 3, 0x50, 0x4b, 0, 0])),
    named('empty.txt', Buffer.alloc(0)),
    named('notzip.docx', Buffer.from('This is plain text, not a Word document.')),
    named('bomb.docx', bomb),
    named('broken.xml', Buffer.from('<akomaNtoso><act><body><p>unclosed')),
    named('minutes.txt', Buffer.from('Minutes of the meeting.\n\nWe talked about the weather.\n')),
    named('scan.pdf', Buffer.from('%PDF-1.7')),
    await file(files.txt),
    await file(files.xml),
  ]);
  assert.match(report, /binary\.txt: not added: (line 1: )?binary data/);
  assert.match(report, /empty\.txt: not added: (line 1: )?the file is empty/);
  assert.match(report, /notzip\.docx: not added:/);
  assert.match(report, /bomb\.docx: not added:/);
  assert.match(report, /broken\.xml: not added: line 1/);
  assert.match(report, /minutes\.txt: not added: .*no resolution or decision/);
  assert.match(report, /scan\.pdf: not added: a \.pdf file cannot be read/);
  assert.match(report, /ccpcj-children-and-ict\.txt: already added/);
  assert.match(report, /A_RES_78_123-2325275E\.xml: added/);
  assert.equal(await page.locator('ul.added > li').count(), 2);

  // 500 files at once, while the page stays responsive.
  const many = Array.from({ length: 500 }, (_, k) => named(`draft-${k}.txt`, Buffer.from(
    `Resolution ${k}/9\n\nDraft ${k}\n\nThe Commission on Narcotic Drugs,\n\n1. *Decides* to meet ${k} times.\n`)));
  await page.locator('#add-documents-input').setInputFiles(many);
  // Typing while it reads: the box takes every key.
  const box = page.locator('input[type="search"]');
  await box.fill('');
  await box.pressSequentially('decides', { delay: 10 });
  assert.equal(await box.inputValue(), 'decides');
  // The header says how it goes, on the search view too, and links to the
  // report.
  await page.waitForFunction(() => /500 of 500 files added/.test(document.querySelector('header .add-status')?.textContent ?? ''), null, { timeout: 120_000 });
  assert.match(await page.evaluate(() => location.hash), /^#\/search/);
  await page.locator('header .add-status a').click();
  await page.waitForFunction(() => /500 of 500 files added/.test(document.querySelector('.reports')?.textContent ?? ''), null, { timeout: 10_000 });
  assert.equal(await page.locator('ul.added > li').count(), 502);

  // Remove one, then all.
  await page.getByRole('button', { name: 'Remove draft-7.txt' }).click();
  await page.waitForFunction(() => document.querySelectorAll('ul.added > li').length === 501, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Remove all added documents' }).click();
  await page.waitForFunction(() => document.querySelectorAll('ul.added > li').length === 0, null, { timeout: 60_000 });
  assert.equal(problems.outside.length, 0, `requests outside the page: ${problems.outside}`);
  assert.deepEqual(problems.errors, []);
});

test('a browser that cannot keep them says so; export, and import in another browser', async () => {
  const a = await watchedPage(held.browser, held.server.origin);
  // This browser refuses storage to the reader, as a private window or a
  // partitioned iframe may: IndexedDB throws in the worker.
  await a.context.route('**/worker.js', async (route) => {
    const original = await route.fetch();
    const body = "Object.defineProperty(self, 'indexedDB', { get() { throw new DOMException('refused for the test', 'SecurityError'); } });\n"
      + await original.text();
    await route.fulfill({ response: original, body });
  });
  await a.page.goto(held.server.url);
  await a.page.getByRole('heading', { name: 'Your documents' }).waitFor();
  const report = await add(a.page, [await file(files.txt), await file(files.docx)]);
  assert.match(report, /2 of 2 files added/);
  await a.page.waitForFunction(() => /cannot keep them here/.test(document.querySelector('.documents .storage')?.textContent ?? ''), null, { timeout: 30_000 });
  assert.match(await a.page.locator('.documents .storage').textContent(), /save as one file or export them/);
  await screenshot(a.page, 'documents-not-kept');
  const [download] = await Promise.all([
    a.page.waitForEvent('download', { timeout: 60_000 }),
    a.page.getByRole('button', { name: 'Export added documents', exact: true }).click(),
  ]);
  const exported = join(OUT, download.suggestedFilename());
  await download.saveAs(exported);
  assert.match(download.suggestedFilename(), /\.zip$/);
  assert.equal(a.problems.outside.length, 0, `requests outside: ${a.problems.outside}`);
  await a.context.close();

  // Another browser (a fresh profile): import, and both are back.
  const b = await watchedPage(held.browser, held.server.origin);
  await b.page.goto(held.server.url);
  await b.page.getByRole('heading', { name: 'Your documents' }).waitFor();
  const [chooser] = await Promise.all([
    b.page.waitForEvent('filechooser'),
    b.page.getByRole('button', { name: 'Import added documents', exact: true }).click(),
  ]);
  await chooser.setFiles(exported);
  await b.page.waitForFunction(() => document.querySelectorAll('ul.added > li').length === 2, null, { timeout: 60_000 });
  const names = await b.page.locator('ul.added > li').allTextContents();
  assert.ok(names.some((t) => t.includes('ccpcj-children-and-ict.txt')), names.join(' | '));
  assert.ok(names.some((t) => t.includes('ccpcj-33-1-excerpt.docx')), names.join(' | '));
  assert.match(await b.page.locator('.documents .storage').textContent(), /Kept in this browser/);
  assert.equal(b.problems.outside.length, 0, `requests outside: ${b.problems.outside}`);
  assert.deepEqual(b.problems.errors, []);
  await b.context.close();
});

// End-to-end: `clause-explorer publish` with no Trunk and no wasm toolchain
// on PATH. Two different corpora are published, one with the shell of the
// built dist/ and one with the shell read back from a single file; each
// site is opened served under a sub-path with the CSP header and as its
// single file from file://. Then the shell's error page: a corpus of
// another format, a truncated one, a missing one.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, launch, serve, watchedPage, screenshot } from './harness.mjs';

const CLI = join(ROOT, 'target', 'release', 'clause-explorer');
const OUT = join(ROOT, 'target', 'e2e', 'published');
/// A PATH with the system's tools only: no trunk, cargo or wasm-bindgen.
const BARE_PATH = '/usr/bin:/bin';

const sites = {
  shipped: {
    dir: join(OUT, 'shipped'),
    args: ['corpus'],
    title: 'Trafficking in persons: UN resolutions',
    instruments: 17,
    only: { query: 'Board of Trustees', id: 'ccpcj-dec-33-1' },
  },
  second: {
    dir: join(OUT, 'second'),
    args: ['--from', join(DIST, 'clause-explorer.html'), 'tests/e2e/second-corpus'],
    title: 'Landlocked developing countries',
    instruments: 1,
    only: { query: 'Gaborone', id: 'ga-res-78-315-op-1' },
  },
};

const held = {};
before(async () => {
  await rm(OUT, { recursive: true, force: true });
  for (const site of Object.values(sites)) {
    const which = spawnSync('sh', ['-c', 'command -v trunk'], { env: { PATH: BARE_PATH } });
    assert.notEqual(which.status, 0, 'trunk must not be on the bare PATH');
    execFileSync(CLI, ['publish', '--out', site.dir, ...site.args], {
      cwd: ROOT,
      env: { PATH: BARE_PATH },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  held.browser = await launch();
});
after(async () => {
  await held.browser?.close();
});

async function expectSite(page, site) {
  const entries = page.locator('li.entry');
  await entries.first().waitFor();
  assert.equal(await entries.count(), site.instruments);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), site.title);
  assert.match(await page.title(), new RegExp(`— ${site.title}$`));
  // Search finds a clause that only this corpus has.
  await page.keyboard.press('/');
  await page.getByRole('searchbox', { name: /Search/ }).pressSequentially(site.only.query);
  const hit = page.locator(`ol.results > li.result[data-clause-id^="${site.only.id}"]`).first();
  await hit.waitFor();
}

for (const [name, site] of Object.entries(sites)) {
  test(`${name}: the published folder, served under a sub-path with the CSP`, async () => {
    const server = await serve(site.dir, '/intranet/texts/');
    const { page, context, problems } = await watchedPage(held.browser, server.origin);
    try {
      await page.goto(server.url);
      await expectSite(page, site);
      await screenshot(page, `published-${name}-served`);
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.outside, [], 'no request left the page');
    } finally {
      await context.close();
      await server.close();
    }
  });

  test(`${name}: the published single file, from file://`, async () => {
    const { page, context, problems } = await watchedPage(held.browser, null);
    try {
      await page.goto(pathToFileURL(join(site.dir, 'clause-explorer.html')).href);
      await expectSite(page, site);
      assert.deepEqual(problems.errors, []);
      assert.deepEqual(problems.outside, []);
    } finally {
      await context.close();
    }
  });
}

test('the two sites share one shell: only the corpus differs', async () => {
  const names = (html) => [...html.matchAll(/data-(?:glue|wasm)="([^"]+)"/g)].map((m) => m[1]);
  const a = await readFile(join(sites.shipped.dir, 'index.html'), 'utf8');
  const b = await readFile(join(sites.second.dir, 'index.html'), 'utf8');
  assert.deepEqual(names(a), names(b));
  assert.equal(names(a).length, 2);
});

/// Serves a copy of the second site with its corpus file changed by
/// `damage`, and returns the text of the page's alert.
async function alertWith(label, damage) {
  const dir = join(OUT, `broken-${label}`);
  await rm(dir, { recursive: true, force: true });
  await cp(sites.second.dir, dir, { recursive: true });
  await damage(join(dir, 'corpus.bin'));
  const server = await serve(dir, '/sub/');
  const { page, context, problems } = await watchedPage(held.browser, server.origin);
  try {
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'Clause Explorer could not open its corpus');
    await screenshot(page, `corpus-${label}`);
    assert.deepEqual(problems.outside, []);
    assert.equal(await page.locator('#ce-loading').count(), 0, 'the loading line is gone');
    return await alert.textContent();
  } finally {
    await context.close();
    await server.close();
  }
}

test('error page: a corpus of another format version', async () => {
  const text = await alertWith('format', async (file) => {
    const bytes = await readFile(file);
    bytes.writeUInt32LE(3, 8);
    await writeFile(file, bytes);
  });
  // The format this explorer reads, as the domain crate declares it.
  const format = (await readFile(join(ROOT, 'src', 'bundle.rs'), 'utf8')).match(/pub const FORMAT: u32 = (\d+);/)[1];
  assert.ok(text.includes(`written in format 3, and this explorer reads format ${format}.`), text);
  assert.match(text, /File: corpus\.bin/);
  assert.match(text, /Publish the corpus again with this explorer/);
});

test('error page: a truncated corpus', async () => {
  const text = await alertWith('truncated', async (file) => {
    const bytes = await readFile(file);
    await truncate(file, Math.floor(bytes.length / 2));
  });
  assert.match(text, /incomplete: it ends after \d+ bytes of its \d+/);
  assert.match(text, /cut short/);
});

test('error page: no corpus at all', async () => {
  const text = await alertWith('missing', (file) => rm(file));
  assert.match(text, /corpus\.bin was not found beside this page \(HTTP 404\)/);
  assert.match(text, /clause-explorer publish/);
});

test('error page: a single file whose corpus block was damaged', async () => {
  const dir = join(OUT, 'broken-single');
  await mkdir(dir, { recursive: true });
  const html = await readFile(join(sites.second.dir, 'clause-explorer.html'), 'utf8');
  const file = join(dir, 'clause-explorer.html');
  // Cut the corpus block's base64 in half.
  await writeFile(file, html.replace(/(id="ce-corpus">)([^<]*)/, (_, open, data) =>
    open + data.slice(0, Math.floor(data.length / 8) * 4)));
  const { page, context } = await watchedPage(held.browser, null);
  try {
    await page.goto(pathToFileURL(file).href);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /incomplete/);
    assert.match(await alert.textContent(), /the corpus block inside this page/);
  } finally {
    await context.close();
  }
});

//! End-to-end tests of a hosted pack: 20,000 generated documents packed by `dossier pack`, served with the app from a sub-path by Debian's nginx, explored in Chromium with every byte and request counted.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, SUB_PATH, serveWithNginx, launch } from './harness.mjs';

const DOCUMENTS = Number(process.env.PACK_DOCUMENTS || 20000);
// PACK_BENCH=1 (make bench-scale): every figure printed against its budget, none failing the run.
const BENCH = process.env.PACK_BENCH === '1';
// The tool that builds the pack: DOSSIER_BIN (the benchmark's, built with profile-guided
// optimisation), else the bench-native build.
const dossier = path.resolve(root, process.env.DOSSIER_BIN || 'target/bench-native/dossier');
if (!fs.existsSync(dossier)) throw new Error(`${dossier} is missing: cargo build --profile bench-native --bin dossier (or make pgo)`);
if (!fs.existsSync(path.join(root, 'dist/pack/index.html'))) throw new Error('dist/pack/ is missing: run `make build` first');

// The web root: the built app under a sub-path, and the pack beside it.
const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-packs-'));
const app = path.join(webRoot, SUB_PATH);
fs.mkdirSync(app, { recursive: true });
fs.cpSync(path.join(root, 'dist'), app, { recursive: true });
// Files under a folder go by their path from it: `articles/0001/0001234.txt`.
const generated = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-generated-')), 'articles');
const started = Date.now();
execFileSync(dossier, ['generate', String(DOCUMENTS), generated]);
// The generated files are written out before the build starts, so that the build's
// figures are its own, not the disk's writing of 3 GB just generated.
execFileSync('sync');
const built = execFileSync(dossier, ['pack', generated, '-o', path.join(app, 'packs/news')], { encoding: 'utf8' });
console.log(`# ${built.trim().replace(/\n/g, '\n# ')} (with generating: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
fs.rmSync(path.dirname(generated), { recursive: true, force: true });
const native = execFileSync(dossier, ['pack-figures', path.join(app, 'packs/news')], { encoding: 'utf8' });
console.log(`# read natively from the files:\n# ${native.trim().replace(/\n/g, '\n# ')}`);
const server = await serveWithNginx(webRoot);
const appUrl = `${server.url}${SUB_PATH}`;

/** Counts what the page fetches from the pack (requests and bytes on the wire), from Chromium's network events. */
class Traffic {
  constructor(cdp) {
    this.urls = new Map();
    this.requests = 0;
    this.bytes = 0;
    this.statuses = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.includes('/packs/')) {
        this.urls.set(e.requestId, e.request.url);
        this.requests++;
      }
    });
    cdp.on('Network.responseReceived', (e) => {
      if (this.urls.has(e.requestId)) this.statuses.push(e.response.status);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (this.urls.has(e.requestId)) this.bytes += e.encodedDataLength;
    });
  }

  /** Requests and bytes since the last call. */
  take() {
    const taken = { requests: this.requests, bytes: this.bytes };
    this.requests = 0;
    this.bytes = 0;
    return taken;
  }
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const figures = [];
/** Records a figure against its budgets (bytes, requests, milliseconds); fails the test
 *  when over, except in a benchmark run, which prints OVER. */
const within = (what, taken, maxBytes, maxRequests = Infinity, ms = null, maxMs = Infinity) => {
  const over = taken.bytes > maxBytes || taken.requests > maxRequests || (ms !== null && ms > maxMs);
  const budget = [`${maxBytes / 1e3} KB`, maxRequests < Infinity ? `${maxRequests} requests` : null,
    maxMs < Infinity ? `${maxMs} ms` : null].filter(Boolean).join(', ');
  figures.push(`${what}: ${taken.requests} requests, ${(taken.bytes / 1e3).toFixed(1)} KB${ms === null ? '' : `, ${ms.toFixed(0)} ms`}`
    + ` ${over ? 'OVER' : 'within'} (budget ${budget})`);
  if (BENCH) return;
  assert.ok(taken.bytes <= maxBytes, `${what}: ${taken.bytes} bytes, budget ${maxBytes}`);
  assert.ok(taken.requests <= maxRequests, `${what}: ${taken.requests} requests, budget ${maxRequests}`);
};

/** The page object of the pack explorer. */
class PackPage {
  constructor(page, traffic) {
    this.page = page;
    this.traffic = traffic;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
  }

  /** Waits until the view for the current state is computed. */
  async settled() {
    await this.page.waitForSelector('[data-testid=pack-status][aria-busy=false]');
  }

  async open(url) {
    const started = Date.now();
    await this.page.goto(url);
    await this.page.waitForSelector('[data-testid=pack-facet-people] [data-testid=pack-value]');
    this.elapsed = Date.now() - started;
    await this.settled();
  }

  async status() {
    return this.page.textContent('[data-testid=pack-status]');
  }

  /** The documents matching, from the status line ("12 of 20000 documents …"). */
  async matching() {
    const m = (await this.status()).match(/^(\d+)(?: of (\d+))? documents/);
    return Number(m[1]);
  }

  async values(facet) {
    return this.page.$$eval(`[data-testid=pack-facet-${facet}] [data-testid=pack-value]`, (els) =>
      els.map((e) => ({ name: e.querySelector('.name').textContent, count: Number(e.querySelector('.count').textContent) })));
  }

  /** Clicks and waits for the next view; `elapsed` is the time from the click to the
   *  view computed (polled every 5 ms). */
  async click(selector) {
    const views = await this.page.getAttribute('[data-testid=pack-status]', 'data-views');
    const started = Date.now();
    await this.page.click(selector);
    await this.page.waitForFunction((before) => {
      const status = document.querySelector('[data-testid=pack-status]');
      return status.getAttribute('data-views') !== before && status.getAttribute('aria-busy') === 'false';
    }, views, { polling: 5, timeout: 120000 });
    this.elapsed = Date.now() - started;
  }
}

test('a pack opens from a sub-path with facets, countries and a timeline read from its head', async (p) => {
  const first = p.traffic.take();
  within('first view (app loaded, head and first titles: to facets)', first, 3_000_000, 3, p.elapsed, 2000);
  assert.match(await p.status(), new RegExp(`^${DOCUMENTS} documents · a pack`));
  assert.match(p.page.url(), /\/pack\/\?corpus=/, 'the app handed the pack to the pack page');
  const people = await p.values('people');
  assert.ok(people.length >= 10, 'people listed');
  assert.ok(people[0].count >= people[1].count, 'most documents first');
  assert.ok((await p.values('countries')).length >= 5, 'countries listed');
  assert.ok((await p.page.$$('[data-testid=pack-bar]')).length >= 2, 'timeline bars');
  assert.ok((await p.page.$$('[data-testid=pack-document]')).length > 0, 'documents listed');
});

test('a facet click fetches only the sets it needs and counts exactly', async (p) => {
  p.traffic.take();
  const person = (await p.values('people'))[1];
  await p.click(`[data-testid=pack-facet-people] [data-testid=pack-value]:nth-of-type(1) >> nth=1`);
  within('facet click', p.traffic.take(), 1_000_000, 10, p.elapsed, 300);
  assert.equal(await p.matching(), person.count, `${person.name}: the count shown is the count found`);
  const chip = await p.page.textContent('[data-testid=pack-chip]');
  assert.equal(chip, `${person.name} ×`);
  assert.ok(p.traffic.statuses.includes(206), 'sets came as byte ranges (HTTP 206)');
  // A second facet's counts follow the first: each at most the documents matching.
  const organisations = await p.values('organisations');
  assert.ok(organisations.every((o) => o.count <= person.count));
  const organisation = organisations[0];
  await p.click('[data-testid=pack-facet-organisations] [data-testid=pack-value] >> nth=0');
  within('second click', p.traffic.take(), 1_000_000, 10, p.elapsed, 300);
  assert.equal(await p.matching(), organisation.count);
});

test('a country and a year narrow the documents', async (p) => {
  const country = (await p.values('countries'))[0];
  await p.click('[data-testid=pack-facet-countries] [data-testid=pack-value] >> nth=0');
  assert.equal(await p.matching(), country.count, country.name);
  const before = await p.matching();
  await p.click('[data-testid=pack-bar] >> nth=-1');
  assert.ok(await p.page.$('[data-testid=pack-bar].chosen'), 'the bar is chosen');
  assert.ok(await p.matching() <= before);
  await p.click('[data-testid=pack-all-dates]');
  assert.equal(await p.matching(), before);
});

test('a search fetches the prefix shards of its words', async (p) => {
  p.traffic.take();
  await p.page.fill('[data-testid=pack-search]', 'agreement');
  await p.page.press('[data-testid=pack-search]', 'Enter');
  await p.page.waitForTimeout(50);
  await p.settled();
  within('search (and the facets\' counts under it, if within the budget)', p.traffic.take(), 1_000_000);
  const found = await p.matching();
  assert.ok(found > 0 && found < DOCUMENTS, `${found} documents hold "agreement"`);
  // Counting by value through the sets costs megabytes at a million documents: the
  // page then asks first (in a small pack the counts come at once).
  if (await p.page.$('[data-testid=pack-uncounted]')) {
    assert.match(await p.page.textContent('[data-testid=pack-uncounted]'), /fetches \d+\.\d MB/);
    await p.click('[data-testid=pack-count]');
    const asked = p.traffic.take();
    figures.push(`counts asked for under the search: ${asked.requests} requests, ${(asked.bytes / 1e3).toFixed(1)} KB`);
  }
  const people = await p.values('people');
  assert.ok(people.length > 0 && people.every((v) => v.count > 0 && v.count <= found), JSON.stringify(people));
  const opening = await p.page.textContent('[data-testid=pack-document] .snippet');
  assert.ok(opening.length > 0);
});

test('the reader fetches one document; a copied link restores the view', async (p) => {
  await p.click('[data-testid=pack-facet-people] [data-testid=pack-value] >> nth=0');
  p.traffic.take();
  const title = await p.page.textContent('[data-testid=pack-document] .title');
  await p.click('[data-testid=pack-document] .title >> nth=0');
  await p.page.waitForSelector('[data-testid=reader]');
  within('open a document', p.traffic.take(), 100_000, Infinity, p.elapsed);
  assert.equal(await p.page.textContent('[data-testid=reader] h2'), title);
  assert.ok((await p.page.$$('[data-testid=reader] [data-testid=mention]')).length > 0, 'mentions marked');
  const link = p.page.url();
  const matching = await p.matching();
  const other = await p.page.context().newPage();
  const again = new PackPage(other, p.traffic);
  await again.open(link);
  await other.waitForSelector('[data-testid=reader]');
  assert.equal(await again.matching(), matching);
  assert.equal(await other.textContent('[data-testid=reader] h2'), title);
  await other.close();
});

test('the counts and the documents shown download as CSV', async (p) => {
  await p.click('[data-testid=pack-facet-people] [data-testid=pack-value] >> nth=0');
  const person = (await p.values('people'))[0];
  const [counts] = await Promise.all([p.page.waitForEvent('download'), p.page.click('[data-testid=pack-export-counts]')]);
  const countsText = fs.readFileSync(await counts.path(), 'utf8');
  assert.ok(countsText.startsWith('facet,name,key,documents'), countsText.slice(0, 80));
  assert.ok(countsText.includes(`PER,${person.name},e:`), 'the chosen person is counted');
  const [listed] = await Promise.all([p.page.waitForEvent('download'), p.page.click('[data-testid=pack-export-documents]')]);
  const rows = fs.readFileSync(await listed.path(), 'utf8').trim().split('\r\n');
  assert.equal(rows.length - 1, (await p.page.$$('[data-testid=pack-document]')).length);
});

test('a pack that is not there gets a clear message', async (p) => {
  await p.page.goto(`${appUrl}pack/?corpus=${encodeURIComponent(`${appUrl}packs/missing/`)}`);
  const error = await p.page.waitForSelector('[data-testid=pack-error]');
  assert.match(await error.textContent(), /could not be fetched \(HTTP 404\)/);
  p.errors = p.errors.filter((e) => !e.includes('404'));
});

const browser = await launch();
let passed = 0;
let failed = 0;
try {
  const only = process.env.E2E_ONLY;
  for (const { name, fn } of tests.filter((t) => !only || t.name.includes(only))) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const p = new PackPage(page, new Traffic(cdp));
    try {
      await p.open(`${appUrl}?corpus=packs/news/`);
      await fn(p);
      assert.deepEqual(p.errors, [], 'console errors');
      passed++;
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAILED - ${name}\n${e.stack || e}`);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(webRoot, { recursive: true, force: true });
}
for (const f of figures) console.log(`# ${f}`);
console.log(`e2e packs: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

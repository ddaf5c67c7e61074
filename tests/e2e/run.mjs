//! End-to-end tests of the built dist/ in headless Chromium: drop files, read the results, stay safe.

import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { root, serveDist, launch, DossierPage } from './harness.mjs';
import { viewTests } from './views.mjs';

const seed = fs.readFileSync(path.join(root, '../shared/samples/almaty-talks.txt'));
const pdf = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
const hostile = Buffer.from('Hostile Note\n<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Talks in Almaty went on.\n');

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('empty state explains how to start', async (app) => {
  const empty = await app.texts('empty-state');
  assert.equal(empty.length, 1);
  assert.match(empty[0], /Drop text files/);
});

test('dropping the seed file with a broken PDF lists its two articles, its entities, and a message for the PDF', async (app) => {
  await app.drop([
    { name: 'almaty-talks.txt', type: 'text/plain', bytes: seed },
    { name: 'broken.pdf', type: 'application/pdf', bytes: pdf },
  ]);
  await app.waitForFileMessages(2);
  const messages = await app.texts('file-message');
  assert.ok(messages.some((m) => /almaty-talks\.txt: 2 documents/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /broken\.pdf could not be read: it is not a valid PDF/.test(m)), messages.join(' | '));
  const titles = await app.texts('document-title');
  assert.deepEqual(titles.sort(), [
    'Azerbaijan and Armenia Advance Delimitation Talks in Almaty',
    'US Expresses Optimism for Armenia-Azerbaijan Peace Amid Almaty Talks',
  ]);
  const entities = await app.texts('entity');
  for (const name of ['Jeyhun Bayramov', 'Ararat Mirzoyan', 'Murat Nurtleu', 'Vedant Patel', 'Almaty', 'Kazakhstan']) {
    assert.ok(entities.includes(name), `${name} missing from ${entities.join(', ')}`);
  }
  const dates = await app.texts('date');
  assert.ok(dates.some((d) => d.includes('May 10-11 → 2024-05-10..11')), dates.join(' | '));
  assert.ok(dates.some((d) => d.includes('May 13 → 2024-05-13')), dates.join(' | '));
  // The first article reports talks of May 10-11 that "have concluded": it is of May 11 at the earliest.
  const dated = await app.page.$$eval('[data-testid=document]', (cards) => cards.map((c) => {
    const date = c.querySelector('[data-testid=document-date]');
    return [c.querySelector('[data-testid=document-title]').textContent, date.textContent, date.title];
  }));
  const first = dated.find(([title]) => title.startsWith('Azerbaijan and Armenia'));
  assert.equal(first[1], '2024-05-11', JSON.stringify(dated));
  assert.match(first[2], /latest event it reports as past/);
  await app.screenshot('seed-dropped');
});

// A name no list holds: only the name-likeness model (fetched after first paint,
// installed in the page and the worker before analysis) reads it as a person's.
const unfamiliarName = Buffer.from('Cricket\n\nSutrisno Wibowo took four wickets.\n');

test('the name-likeness model arrives after first paint and types a name no list holds', async (app) => {
  await app.drop([{ name: 'wickets.txt', type: 'text/plain', bytes: unfamiliarName }]);
  await app.waitForFileMessages(1);
  const people = (await app.facetValues('PER')).map(([name]) => name);
  assert.deepEqual(people, ['Sutrisno Wibowo']);
  assert.deepEqual(await app.texts('file-messages').then((t) => t.filter((m) => /did not load/.test(m))), []);
});

test('without the name-likeness model the page says so and still loads files', async (app) => {
  await app.page.context().route('**/name_likeness.bin', (route) => route.fulfill({ status: 404, body: '' }));
  await app.open(app.page.url());
  await app.drop([{ name: 'wickets.txt', type: 'text/plain', bytes: unfamiliarName }]);
  await app.waitForFileMessages(1);
  const messages = await app.texts('file-messages');
  assert.ok(messages.some((m) => /name-likeness model did not load/.test(m)), messages.join(' | '));
  // Typed by its context alone, the name falls back to an organisation.
  assert.deepEqual(await app.facetValues('ORG'), [['Sutrisno Wibowo', 1]]);
  // The browser logs the refused fetch; nothing else may fail.
  app.consoleErrors = app.consoleErrors.filter((e) => !/404/.test(e));
});

/** The seed text as an office file made by tools/office_fixtures.py (flags as it takes them). */
function officeFixture(name, ...flags) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-office-'));
  const out = path.join(dir, name);
  execFileSync('python3', [path.join(root, 'tools/office_fixtures.py'), path.join(root, '../shared/samples/almaty-talks.txt'), out, ...flags]);
  return fs.readFileSync(out);
}

test('the seed as Word and OpenDocument files gives what its text gives; locked and broken ones get messages', async (app) => {
  const properties = ['--title', 'Almaty talks', '--created', '2026-01-05'];
  await app.drop([
    { name: 'almaty-talks.txt', type: 'text/plain', bytes: seed },
    { name: 'almaty-talks.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: officeFixture('a.docx', ...properties) },
    { name: 'almaty-talks.odt', type: 'application/vnd.oasis.opendocument.text', bytes: officeFixture('a.odt', ...properties) },
    { name: 'locked.docx', type: '', bytes: officeFixture('locked.docx', '--encrypted') },
    { name: 'cut.odt', type: '', bytes: officeFixture('cut.odt', '--truncated') },
  ]);
  await app.waitForFileMessages(5);
  const messages = await app.texts('file-message');
  for (const ext of ['txt', 'docx', 'odt']) {
    assert.ok(messages.some((m) => new RegExp(`almaty-talks\\.${ext}: 2 documents`).test(m)), messages.join(' | '));
  }
  assert.ok(messages.some((m) => /locked\.docx could not be read: it is password-protected/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /cut\.odt could not be read: it is not a valid OpenDocument text \(a broken or truncated archive\)/.test(m)), messages.join(' | '));
  // Each article three times, with the same date whichever file it came from.
  const dated = await app.page.$$eval('[data-testid=document]', (cards) => cards.map((c) =>
    [c.querySelector('[data-testid=document-title]').textContent, c.querySelector('[data-testid=document-date]')?.textContent ?? '']));
  // The same article from three files is one story: listed once, its two other versions with it.
  assert.equal(dated.length, 2, JSON.stringify(dated));
  assert.match((await app.texts('summary'))[0], /^6 of 6 documents · 2 listed/);
  assert.deepEqual(await app.texts('similar-badge'), ['2 similar', '2 similar']);
  for (const [title, date] of dated) {
    await app.openDocument(title);
    await app.page.waitForFunction((t) => document.querySelector('[data-testid=reader] h2')?.textContent === t, title);
    await app.page.click('[data-testid=similar] summary');
    const versions = await app.texts('similar-version');
    assert.equal(versions.length, 2, title);
    // Each version has the article's title and the same date, whichever file it came from.
    for (const v of versions) assert.ok(v.startsWith(title) && v.includes(date === 'undated' ? 'undated' : date), `${title} ${date}: ${v}`);
    assert.deepEqual(versions.map((v) => v.match(/almaty-talks\.(txt|docx|odt)/)?.[1]).filter(Boolean).length, 2, versions.join(' | '));
  }
  // Every person and organisation counted in a multiple of three documents: each file gave the same.
  for (const code of ['PER', 'ORG']) {
    const values = await app.facetValues(code);
    assert.ok(values.length > 0 && values.every(([, n]) => n % 3 === 0), `${code}: ${JSON.stringify(values)}`);
  }
  const people = (await app.facetValues('PER')).map(([name]) => name);
  for (const name of ['Jeyhun Bayramov', 'Ararat Mirzoyan', 'Murat Nurtleu', 'Vedant Patel']) {
    assert.ok(people.includes(name), `${name} missing from ${people.join(', ')}`);
  }
  await app.screenshot('office-files');
});

/** Runs tools/pdf_fixtures.py with the pinned ReportLab of tools/.venv (or DOSSIER_PYTHON). */
function pdfFixtures(...args) {
  const python = process.env.DOSSIER_PYTHON || path.join(root, 'tools/.venv/bin/python');
  execFileSync(python, [path.join(root, 'tools/pdf_fixtures.py'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
}

test('the seed as a PDF gives the people, places and dates its text, Word and OpenDocument files give; pages are kept; a scan, a locked and a cut PDF get messages', async (app) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pdf-'));
  pdfFixtures('text', path.join(root, '../shared/samples/almaty-talks.txt'), path.join(dir, 'seed.pdf'), '--title', 'Almaty talks', '--created', '2026-01-05');
  pdfFixtures('cases', dir);
  const read = (name) => fs.readFileSync(path.join(dir, name));
  await app.drop([
    { name: 'almaty-talks.pdf', type: 'application/pdf', bytes: read('seed.pdf') },
    { name: 'scan.pdf', type: 'application/pdf', bytes: read('scanned.pdf') },
    { name: 'locked.pdf', type: 'application/pdf', bytes: read('encrypted.pdf') },
    { name: 'cut.pdf', type: 'application/pdf', bytes: read('truncated.pdf') },
    { name: 'report.pdf', type: 'application/pdf', bytes: read('running-heads.pdf') },
  ]);
  await app.waitForFileMessages(5);
  const messages = await app.texts('file-message');
  for (const [file, want] of [
    ['almaty-talks.pdf', /: 1 document/],
    ['report.pdf', /: 1 document/],
    ['scan.pdf', / could not be read: it has no text layer \(a scan\?\): Dossier does not read images/],
    ['locked.pdf', / could not be read: it is password-protected/],
    ['cut.pdf', / could not be read: it is not a valid PDF \(a broken or truncated file\)/],
  ]) {
    assert.ok(messages.some((m) => m.startsWith(file) && want.test(m)), `${file}: ${messages.join(' | ')}`);
  }
  const named = async () => {
    const out = {};
    for (const code of ['PER', 'ORG']) out[code] = (await app.facetValues(code)).map(([name]) => name).sort();
    out.countries = (await app.page.$$eval('[data-testid=place-country] .country-head .name', (els) => els.map((e) => e.textContent))).sort();
    return out;
  };
  const fromPdf = await named();
  for (const name of ['Jeyhun Bayramov', 'Ararat Mirzoyan', 'Murat Nurtleu', 'Vedant Patel']) {
    assert.ok(fromPdf.PER.includes(name), `${name} missing from ${fromPdf.PER.join(', ')}`);
  }
  await app.openCountry('Kazakhstan');
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=place-country]')]
    .some((c) => c.textContent.includes('Kazakhstan') && c.textContent.includes('Almaty')));
  await app.openDocument('Azerbaijan and Armenia Advance Delimitation Talks in Almaty');
  const marks = await app.page.$$eval('[data-testid=reader] [data-testid=mention]', (els) => els.map((e) => [e.textContent, e.title]));
  for (const [text, value] of [['May 10-11', '2024-05-10'], ['April 19, 2024', '2024-04-19'], ['1991', '1991'], ['May 13', '2024-05-13']]) {
    assert.ok(marks.some(([t, tip]) => t === text && tip.startsWith(value)), `${text}: ${JSON.stringify(marks)}`);
  }
  await app.page.click('[data-testid=close-reader]');
  // The four-page report: its running header and page footers are not text; its pages are marked.
  await app.openDocument('Annual report');
  const breaks = await app.texts('page-break');
  assert.deepEqual(breaks, ['page 2', 'page 3', 'page 4']);
  const reportText = await app.page.$eval('[data-testid=reader] .text', (e) => e.textContent);
  assert.ok(!/Annual Report 2024|Page \d/.test(reportText), 'running heads left out');
  await app.screenshot('pdf-reader');
  await app.page.click('[data-testid=close-reader]');
  // The page and the native tool read the same documents from the same PDFs.
  const fromPage = JSON.parse((await app.download('export-snapshot')).text);
  for (const [fixture, name] of [['seed.pdf', 'almaty-talks.pdf'], ['running-heads.pdf', 'report.pdf']]) {
    fs.copyFileSync(path.join(dir, fixture), path.join(dir, name));
  }
  execFileSync('cargo', ['run', '--locked', '--quiet', '--bin', 'dossier', '--', 'snapshot',
    path.join(dir, 'almaty-talks.pdf'), path.join(dir, 'report.pdf'), '-o', path.join(dir, 'cli.json')], { cwd: root, stdio: 'ignore' });
  const fromCli = JSON.parse(fs.readFileSync(path.join(dir, 'cli.json'), 'utf8'));
  // A mention's place is a position in the snapshot's own place table, whose order follows
  // the order files finished loading (several workers): compare the gazetteer keys instead.
  const bySource = (snapshot) => snapshot.documents.map((d) => JSON.stringify({
    ...d,
    entities: d.entities.map((e) => ({ ...e, place: e.place === null ? null : snapshot.places[e.place] })),
  })).sort();
  assert.equal(fromCli.documents.length, 2);
  assert.deepEqual(bySource(fromPage), bySource(fromCli));
  assert.ok(fromPage.documents.some((d) => d.text.includes('\f')), 'pages kept in the snapshot');
  // The same text as .txt, .docx and .odt adds no name the PDF did not give, and each
  // name the PDF gave is found in them too.
  const properties = ['--title', 'Almaty talks', '--created', '2026-01-05'];
  await app.drop([
    { name: 'almaty-talks.txt', type: 'text/plain', bytes: seed },
    { name: 'almaty-talks.docx', type: '', bytes: officeFixture('a.docx', ...properties) },
    { name: 'almaty-talks.odt', type: '', bytes: officeFixture('a.odt', ...properties) },
  ]);
  await app.waitForFileMessages(8);
  assert.deepEqual(await named(), fromPdf);
  for (const code of ['PER', 'ORG']) {
    const values = (await app.facetValues(code)).filter(([name]) => !/Northwind|Lindqvist|Labour/.test(name));
    assert.ok(values.length > 0 && values.every(([, n]) => n >= 4), `${code}: ${JSON.stringify(values)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a PDF the reader traps on gets a message, and the PDFs after it still load', async (app) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-pdf-'));
  pdfFixtures('cases', dir);
  const read = (name) => fs.readFileSync(path.join(dir, name));
  // One at a time, so that the next PDF goes to the worker whose reader trapped.
  await app.drop([{ name: 'damaged.pdf', type: 'application/pdf', bytes: read('bad-operator.pdf') }]);
  await app.waitForFileMessages(1);
  await app.drop([{ name: 'report.pdf', type: 'application/pdf', bytes: read('running-heads.pdf') }]);
  await app.waitForFileMessages(2);
  await app.drop([{ name: 'columns.pdf', type: 'application/pdf', bytes: read('columns.pdf') }]);
  await app.waitForFileMessages(3);
  const messages = await app.texts('file-message');
  assert.ok(messages.some((m) => /^damaged\.pdf could not be read: the PDF reader failed on it/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /^report\.pdf: 1 document/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /^columns\.pdf: 1 document/.test(m)), messages.join(' | '));
  assert.ok((await app.facetValues('PER')).some(([name]) => name === 'Maria Lindqvist'));
  // The trap is logged by the browser as an error of the worker's module; nothing else may fail.
  app.consoleErrors = app.consoleErrors.filter((e) => !/unreachable|RuntimeError/.test(e));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('countries are marked by flags where the system draws them, else by their codes', async (app) => {
  await app.drop([{ name: 'almaty-talks.txt', type: 'text/plain', bytes: seed }]);
  await app.waitForFileMessages(1);
  // Chromium draws flags with an emoji font only; fontconfig says whether one is installed.
  let emojiFont = false;
  try { emojiFont = /emoji/i.test(execFileSync('fc-list', { encoding: 'utf8' })); } catch { /* no fontconfig: no such font */ }
  const marks = await app.page.getAttribute('[data-testid=facet-LOC]', 'data-country-marks');
  assert.equal(marks, emojiFont ? 'flags' : 'codes');
  const countries = await app.page.$$eval('[data-testid=place-country] .country-head .name', (els) => els.map((e) => e.textContent));
  assert.ok(countries.includes(await app.countryLabel('KZ', 'Kazakhstan')), countries.join(' | '));
  const regionalIndicators = countries.some((c) => /[\u{1F1E6}-\u{1F1FF}]/u.test(c));
  assert.equal(regionalIndicators, marks === 'flags', countries.join(' | '));
  await app.screenshot('country-marks');
});

test('the reader shows a document with its mentions marked by type', async (app) => {
  await app.drop([{ name: 'almaty-talks.txt', type: 'text/plain', bytes: seed }]);
  await app.waitForFileMessages(1);
  await app.openDocument('Azerbaijan and Armenia Advance Delimitation Talks in Almaty');
  const marks = await app.page.$$eval('[data-testid=reader] [data-testid=mention]', (els) =>
    els.map((e) => [e.textContent, e.className, e.title]));
  const find = (text) => marks.find((m) => m[0] === text);
  assert.ok(find('Jeyhun Bayramov') && find('Jeyhun Bayramov')[1].includes('per'), JSON.stringify(marks));
  assert.ok(find('Almaty') && find('Almaty')[1].includes('loc'));
  assert.ok(find('Bayramov') && find('Bayramov')[2].startsWith('Jeyhun Bayramov'), 'a surname shows its full name');
  assert.ok(find('May 10-11') && find('May 10-11')[2].startsWith('2024-05-10 · day · year inferred from the document date: read as on or before it'), JSON.stringify(find('May 10-11')));
  const text = await app.page.$eval('[data-testid=reader] .text', (e) => e.textContent);
  assert.ok(text.includes('Murat Nurtleu, the Deputy Prime Minister'), 'the whole text is shown');
  await app.screenshot('reader');
  await app.page.click('[data-testid=close-reader]');
  assert.equal(await app.page.$$eval('[data-testid=reader]', (els) => els.length), 0);
});

test('a hostile file is shown as text and executes nothing', async (app) => {
  await app.drop([{ name: 'hostile.txt', type: 'text/plain', bytes: hostile }]);
  await app.waitForFileMessages(1);
  await app.openDocument('Hostile Note');
  const shown = await app.page.$eval('[data-testid=reader] .text', (e) => e.textContent);
  assert.ok(shown.includes('<script>window.__pwned = 1</script>'), 'markup is shown as text');
  await app.page.waitForTimeout(300);
  assert.equal(await app.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await app.page.$$eval('.documents img, .documents script, .reader img, .reader script', (els) => els.length), 0);
});

test('an oversized file and an empty one get messages naming the limit, and the rest loads', async (app) => {
  // Built in the page: 60 MB of text, above the 50 MB limit, never read into the engine.
  await app.dropMade(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=progress]')) window.__sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
    const chunk = new Uint8Array(60 * 1024 * 1024).fill(97);
    return [
      new File([chunk], 'huge.txt', { type: 'text/plain' }),
      // A PDF may be larger (its bytes are mostly images and fonts), up to 100 MB.
      new File(['%PDF-1.7\n', chunk, chunk], 'huge.pdf', { type: 'application/pdf' }),
      new File([''], 'empty.txt', { type: 'text/plain' }),
      new File(['Talks in Almaty, Kazakhstan went on. Ararat Mirzoyan said so.'], 'small.txt', { type: 'text/plain' }),
    ];
  });
  await app.waitForFileMessages(4);
  const messages = await app.texts('file-message');
  assert.ok(messages.some((m) => /huge\.txt is too large \(62\.9 MB\): the limit is 50 MB per file/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /huge\.pdf is too large \(125\.8 MB\): the limit is 100 MB per PDF/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /empty\.txt is empty/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /small\.txt: 1 document/.test(m)), messages.join(' | '));
  assert.ok((await app.texts('entity')).includes('Ararat Mirzoyan'));
  assert.equal(await app.page.evaluate(() => window.__sawProgress), true, 'a progress line was shown while loading');
});

test('the place list groups places by country and filters by country', async (app) => {
  await app.drop([{ name: 'almaty-talks.txt', type: 'text/plain', bytes: seed }]);
  await app.waitForFileMessages(1);
  const countries = await app.page.$$eval('[data-testid=place-country] .country-head .name', (els) => els.map((e) => e.textContent));
  for (const name of ['Azerbaijan', 'Armenia', 'Kazakhstan', 'United States']) {
    assert.ok(countries.some((c) => c.endsWith(name)), `${name} missing from ${countries.join(', ')}`);
  }
  // Almaty is listed inside Kazakhstan's group; Friendship House is not in the gazetteer.
  await app.openCountry('Kazakhstan');
  const kazakhstan = app.page.locator('[data-testid=place-country]', { hasText: 'Kazakhstan' });
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=place-country]')]
    .some((c) => c.textContent.includes('Kazakhstan') && c.textContent.includes('Almaty')));
  assert.ok((await kazakhstan.textContent()).includes('Almaty'));
  const unlinked = await app.page.$eval('[data-testid=place-unlinked]', (e) => e.textContent);
  assert.ok(unlinked.includes('Friendship House'), unlinked);
  // An excluded region stays listed (with its country), struck through, after its
  // documents and its country left the list; the exclusion is lifted there.
  await app.excludeValue('Almaty');
  await app.waitForShown(0);
  await app.page.waitForSelector('[data-testid=place-excluded]');
  assert.equal(await app.page.$eval('[data-testid=place-excluded] .value-row:has(.name:text-is("Almaty, Kazakhstan")) .facet-value', (e) => e.classList.contains('excluded')), true);
  await app.screenshot('place-list-excluded');
  await app.excludeValue('Almaty, Kazakhstan');
  await app.waitForShown(2);
  assert.equal(await app.page.$('[data-testid=place-excluded]'), null);
  // Searching the list keeps only matching countries.
  await app.page.fill('[data-testid=place-search]', 'almat');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=place-country]').length === 1);
  await app.page.fill('[data-testid=place-search]', '');
  // Clicking a country filters the documents to those that mention it or a place in it.
  await app.page.click('[data-testid=place-country] .country-head [data-testid=place-value]:has(.name:text-matches("Armenia$"))');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=active-filter]').length === 1);
  assert.deepEqual(await app.texts('active-filter'), ['Armenia ×']);
  assert.match((await app.texts('summary'))[0], /^2 of 2 documents$/);
  await app.screenshot('place-list');
});

test('choosing which Georgia is meant relinks every mention written that way', async (app) => {
  await app.drop([
    { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('Georgia held elections on Sunday.\n') },
    { name: 'b.txt', type: 'text/plain', bytes: Buffer.from('Rain fell across Georgia overnight.\n') },
  ]);
  await app.waitForFileMessages(2);
  const group = (name) => app.page.locator('[data-testid=place-country]', { hasText: name });
  assert.match(await group('Georgia').locator('.country-head .count').first().textContent(), /^2$/);
  // Open Georgia's group by its disclosure button (the name itself filters).
  await app.openCountry('Georgia');
  const chooser = app.page.locator('[data-testid=relink]').first();
  const options = await chooser.locator('option').allTextContents();
  assert.ok(options.includes('Georgia (region, United States)'), options.join(' | '));
  await chooser.selectOption({ label: 'Georgia (region, United States)' });
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=place-country] .country-head')]
    .some((s) => s.textContent.includes('United States')));
  await app.openCountry('United States');
  const us = await group('United States').textContent();
  assert.ok(us.includes('Georgia'), us);
  assert.match(await group('United States').locator('.country-head .count').first().textContent(), /^2$/);
  await app.screenshot('relinked');
  // And back: the region's own row offers the choice again.
  await app.page.locator('[data-testid=relink]').first().selectOption({ label: 'Georgia (country)' });
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=place-country] .country-head')]
    .every((s) => !s.textContent.includes('United States')));
});

test('files are analysed in a worker and loading can be cancelled', async (app) => {
  // Three 12 MB files: the first is still being analysed when Cancel is pressed.
  // Built in the page, as a real drop of File objects.
  await app.dropMade(() => {
    const text = 'Talks in Almaty, Kazakhstan went on. Ararat Mirzoyan met Jeyhun Bayramov on May 10, 2024.\n'.repeat(130000);
    return [1, 2, 3].map((n) => new File([`File ${n}\n`, text], `big-${n}.txt`, { type: 'text/plain' }));
  });
  await app.page.waitForSelector('[data-testid=cancel-loading]');
  assert.ok(app.page.workers().length >= 1, 'a worker runs the analysis');
  await app.page.click('[data-testid=cancel-loading]');
  await app.page.waitForSelector('[data-testid=progress]', { state: 'detached' });
  const messages = await app.texts('file-message');
  assert.equal(messages.length, 3, messages.join(' | '));
  assert.ok(messages.some((m) => /was not loaded: loading was cancelled/.test(m)), messages.join(' | '));
  // The page answers at once, and a new drop loads normally.
  await app.drop([{ name: 'small.txt', type: 'text/plain', bytes: Buffer.from('Talks in Almaty went on.\n') }]);
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=file-message]')]
    .some((m) => m.textContent.startsWith('small.txt: 1 document')));
});

test('a file whose analysis runs long is named, can be stopped alone, and the others load', async (app) => {
  // 45 MB in capitals (under the 50 MB limit): seconds of analysis in the worker.
  await app.dropMade(() => {
    const names = ['ANNA ADLER', 'BORIS BAUER', 'CARLA CASTRO', 'DMITRI DUMAS'];
    const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
    const unit = names.map((n, k) => `THE PRESIDENT MET ${n} IN LONDON ON ${days[k]}. `).join('');
    return [
      new File([unit.repeat(Math.floor(45e6 / unit.length))], 'hostile.txt', { type: 'text/plain' }),
      new File(['Talks in Almaty, Kazakhstan went on. Ararat Mirzoyan said so.'], 'a.txt', { type: 'text/plain' }),
      new File(['Jeyhun Bayramov arrived in Almaty on May 10, 2024.'], 'b.txt', { type: 'text/plain' }),
    ];
  });
  await app.page.waitForSelector('[data-testid=stop-slow-file]', { timeout: 30000 });
  const line = await app.page.textContent('[data-testid=progress]');
  assert.match(line, /still analysing hostile\.txt \(\d+ s\)/, line);
  const workers = await app.page.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency)));
  if (workers > 1) {
    // Another worker took the small files: they are in while the large one runs.
    await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=file-message]')]
      .filter((m) => /^[ab]\.txt: 1 document/.test(m.textContent)).length === 2, null, { timeout: 10000 });
  }
  assert.equal(await app.page.textContent('[data-testid=stop-slow-file]'), 'Stop hostile.txt');
  await app.page.click('[data-testid=stop-slow-file]');
  await app.waitForFileMessages(3);
  const messages = await app.texts('file-message');
  assert.ok(messages.some((m) => /hostile\.txt was not loaded: its analysis was stopped after \d+ s/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /^a\.txt: 1 document/.test(m)), messages.join(' | '));
  assert.ok(messages.some((m) => /^b\.txt: 1 document/.test(m)), messages.join(' | '));
  assert.ok((await app.texts('entity')).includes('Jeyhun Bayramov'));
  // The fresh worker that replaced the stopped one analyses the next drop.
  await app.drop([{ name: 'c.txt', type: 'text/plain', bytes: Buffer.from('Murat Nurtleu spoke in Astana.\n') }]);
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=file-message]')]
    .some((m) => m.textContent.startsWith('c.txt: 1 document')), null, { timeout: 20000 });
});

test('two large files of one batch are analysed side by side, not one after the other', async (app) => {
  const workers = await app.page.evaluate(() => Math.min(4, Math.max(1, navigator.hardwareConcurrency)));
  if (workers < 2) return;
  // Two 45 MB files and three small ones: the page shares the five out without their
  // sizes, so both large files go to one worker, which hands the second back.
  await app.dropMade(() => {
    const unit = 'THE PRESIDENT MET ANNA ADLER IN LONDON ON MONDAY. BORIS BAUER SAID SO. ';
    const large = unit.repeat(Math.floor(45e6 / unit.length));
    return [
      ...['large0.txt', 'large1.txt'].map((name) => new File([large], name, { type: 'text/plain' })),
      ...['s0.txt', 's1.txt', 's2.txt'].map((name) => new File([`Ararat Mirzoyan in Almaty, ${name}.`], name, { type: 'text/plain' })),
    ];
  });
  // The file running longest and for how long, as the progress line names it.
  const line = String.raw`still analysing (large[01]\.txt) \((\d+) s\)`;
  const running = async () => (await app.page.textContent('[data-testid=progress]')).match(new RegExp(line));
  await app.page.waitForFunction((line) => Number(document.querySelector('[data-testid=progress]')
    ?.textContent.match(new RegExp(line))?.[2]) >= 4, line, { timeout: 60000 });
  const [, first] = await running();
  await app.page.click('[data-testid=stop-slow-file]');
  // The other has run beside it all along: named at once, with seconds of its own.
  // Run after the first, it would start from nothing: named 2 s later, with 2 s.
  await app.page.waitForFunction(({ line, first }) => {
    const m = document.querySelector('[data-testid=progress]')?.textContent.match(new RegExp(line));
    return m && m[1] !== first;
  }, { line, first }, { timeout: 2500 });
  const [, second, seconds] = await running();
  assert.ok(Number(seconds) >= 3, `${second} had run ${seconds} s when ${first} was stopped`);
  await app.page.click('[data-testid=stop-slow-file]');
  await app.waitForFileMessages(5);
  const messages = await app.texts('file-message');
  assert.equal(messages.filter((m) => /large[01]\.txt was not loaded: its analysis was stopped/.test(m)).length, 2, messages.join(' | '));
  assert.equal(messages.filter((m) => /^s[012]\.txt: 1 document/.test(m)).length, 3, messages.join(' | '));
});

test('the sample corpus loads and a facet click narrows the documents', async (app) => {
  await app.trySample();
  // The list is windowed: counts come from the summary line, not the cards in view.
  const shown = async () => Number((await app.texts('summary'))[0].match(/^(\d+) of (\d+) documents$/)[1]);
  const before = await shown();
  assert.ok(before >= 10, `only ${before} documents`);
  const people = await app.page.$$eval('[data-testid=facet-PER] [data-testid=facet-value] .name', (els) => els.map((e) => e.textContent));
  assert.ok(people.length > 0);
  await app.clickFacetValue(people[0]);
  await app.page.waitForFunction((n) => {
    const m = document.querySelector('[data-testid=summary]').textContent.match(/^(\d+) of/);
    return m && Number(m[1]) < n;
  }, before);
  const cards = (await app.texts('document')).length;
  assert.equal(cards, Math.min(await shown(), cards), 'no more cards than matching documents');
  assert.deepEqual(await app.texts('active-filter'), [`${people[0]} ×`]);
  await app.screenshot('sample-filtered');
  await app.page.click('[data-testid=clear-filters]');
  await app.page.waitForFunction((n) => document.querySelector('[data-testid=summary]').textContent.startsWith(`${n} of`), before);
  // Typing in the name filter narrows every facet to matching names.
  await app.page.fill('[data-testid=name-filter]', people[0].slice(0, 5));
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=facet-value]').length < 10);
  const names = await app.page.$$eval('[data-testid=facet-value] .name', (els) => els.map((e) => e.textContent.toLowerCase()));
  assert.ok(names.length > 0 && names.every((n) => n.includes(people[0].slice(0, 5).toLowerCase())), names.join(', '));
  // The sample's network, places included, and a name hovered: its neighbours stay, the rest dims.
  await app.page.fill('[data-testid=name-filter]', '');
  await app.page.click('[data-testid=show-network]');
  await app.page.click('[data-testid=network-kind-LOC]');
  await app.page.waitForSelector('[data-testid=network-node].loc');
  await app.screenshot('network-sample');
  await app.page.locator('[data-testid=network-node] circle').first().hover();
  await app.page.waitForSelector('[data-testid=network-node].dim');
  await app.screenshot('network-sample-hover');
  await app.page.click('[data-testid=show-list]');
});

// A small corpus for the explorer: who met whom, where and when.
const meetings = [
  ['almaty.txt', 'Talks in Almaty\n\nForeign Minister Anna Petrova met David Miller in Almaty, Kazakhstan on May 10, 2024. The peace talks went on.\n'],
  ['yerevan.txt', 'Yerevan note\n\nAnna Petrova spoke in Yerevan, Armenia on June 3, 2024 about the border.\n'],
  ['baku.txt', 'Baku note\n\nDavid Miller spoke in Baku, Azerbaijan in March 2023 about peace. A. Petrova listened.\n'],
  ['abbey.txt', 'A note on history\n\nThe abbey was founded on October 14, 1066, historians said.\n'],
].map(([name, text]) => ({ name, type: 'text/plain', bytes: Buffer.from(text) }));

async function dropMeetings(app) {
  await app.drop(meetings);
  await app.waitForFileMessages(meetings.length);
  await app.waitForShown(4);
}

test('facets: include, OR, exclude, with counts that follow the other filters', async (app) => {
  await dropMeetings(app);
  const counts = async () => Object.fromEntries(await app.facetValues('PER'));
  assert.equal((await counts())['David Miller'], 2, JSON.stringify(await counts()));
  // Include one person: the other's count becomes the documents they share.
  await app.clickFacetValue('Anna Petrova');
  await app.waitForShown(2);
  assert.deepEqual(await app.titles(), ['Talks in Almaty', 'Yerevan note']);
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=facet-PER] [data-testid=facet-value]')]
    .some((e) => e.textContent.includes('David Miller') && e.querySelector('.count').textContent === '1'));
  // Shift-click adds an alternative: either person.
  await app.clickFacetValue('David Miller', { or: true });
  await app.waitForShown(3);
  assert.deepEqual(await app.chips(), ['or Anna Petrova ×', 'or David Miller ×']);
  assert.equal((await app.texts('facet-mode'))[0], 'any of these');
  await app.screenshot('facets-or');
  // Switching the facet to "all of these" keeps only the document with both.
  await app.page.click('[data-testid=facet-PER] [data-testid=facet-mode]');
  await app.waitForShown(1);
  await app.page.click('[data-testid=facet-PER] [data-testid=facet-mode]');
  await app.waitForShown(3);
  // Exclude a country: its documents go.
  const azerbaijan = await app.countryLabel('AZ', 'Azerbaijan');
  await app.excludeValue(azerbaijan);
  await app.waitForShown(2);
  assert.ok((await app.chips()).includes('not Azerbaijan ×'), (await app.chips()).join(' | '));
  // The excluded country stays in the place list, struck through, and can be let back in there.
  assert.equal(await app.page.$eval(`.value-row:has(.name:text-is("${azerbaijan}")) .facet-value`, (e) => e.classList.contains('excluded')), true);
  await app.screenshot('facets-exclude');
  await app.page.click('[data-testid=clear-filters]');
  await app.waitForShown(4);
});

test('the timeline: outliers apart, brush a range, zoom in and out', async (app) => {
  await dropMeetings(app);
  // March 2023 to June 2024: one bar per month; 1066 is kept apart.
  const bars = await app.timelineBars();
  assert.equal(bars.length, 16, bars.join(' '));
  assert.deepEqual([bars[0], bars[15]], ['2023-03', '2024-06']);
  assert.match((await app.texts('timeline-before'))[0], /^1 earlier \(from 1066\)$/);
  // The readout names the bar under the pointer, or the one with the focus.
  const readout = async () => (await app.texts('timeline-readout'))[0];
  const label = (bar) => app.page.getAttribute(`[data-testid=timeline-bar][data-label="${bar}"]`, 'aria-label');
  await app.page.hover('[data-testid=timeline-bar][data-label="2024-05"]');
  assert.equal(await readout(), await label('2024-05'));
  await app.page.focus('[data-testid=timeline-bar][data-label="2023-03"]');
  assert.equal(await readout(), await label('2023-03'));
  assert.match(await readout(), /2023/);
  // A filter changes what the bars count, not where they stand.
  await app.clickFacetValue('Anna Petrova');
  await app.waitForShown(2);
  assert.deepEqual(await app.timelineBars(), bars);
  await app.page.waitForFunction(() => /^2023-03: 0 documents/.test(
    document.querySelector('[data-testid=timeline-bar][data-label="2023-03"]').getAttribute('aria-label')));
  await app.page.click('[data-testid=clear-filters]');
  await app.waitForShown(4);
  // Drag across the last two bars (May and June 2024): only documents dated then stay.
  await app.brushTimeline(14.3 / 16, 15.7 / 16);
  await app.waitForShown(2);
  assert.deepEqual(await app.titles(), ['Talks in Almaty', 'Yerevan note']);
  assert.deepEqual(await app.texts('timeline-range'), ['2024-05-01 to 2024-06-30']);
  // Zoom into the range: one bar per day.
  await app.page.click('[data-testid=timeline-zoom]');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-bar]').length === 61);
  await app.screenshot('timeline-zoomed');
  // The zoom is in the address with the rest of the view: out and back in through it.
  const zoomed = await app.page.evaluate(() => location.hash);
  assert.ok(zoomed.includes('zoom=2024-05-01~2024-06-30'), zoomed);
  await app.page.click('[data-testid=timeline-back]');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-bar]').length === 16);
  assert.ok(!(await app.page.evaluate(() => location.hash)).includes('zoom='));
  await app.page.evaluate((h) => { location.hash = h; }, zoomed);
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-bar]').length === 61);
  // From the keyboard: the bar of May 10 keeps one document.
  await app.page.focus('[data-testid=timeline-bar][data-label="2024-05-10"]');
  await app.page.keyboard.press('Enter');
  await app.waitForShown(1);
  await app.page.click('[data-testid=timeline-back]');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-bar]').length === 16);
  // The outside bucket filters to the outlier.
  await app.page.click('[data-testid=timeline-before]');
  await app.waitForShown(1);
  assert.deepEqual(await app.titles(), ['A note on history']);
});

test('search lists keyword-in-context lines and combines with facets', async (app) => {
  await dropMeetings(app);
  await app.search('peace');
  await app.waitForShown(2);
  const lines = await app.texts('kwic-line');
  assert.equal(lines.length, 2, lines.join(' | '));
  assert.ok(lines.some((l) => /2024\. The peace talks went on\.$/.test(l)), lines.join(' | '));
  assert.equal(await app.page.$$eval('[data-testid=kwic-line] mark', (m) => m.map((e) => e.textContent).join()), 'peace,peace');
  await app.clickFacetValue('Anna Petrova');
  await app.waitForShown(1);
  assert.deepEqual(await app.titles(), ['Talks in Almaty']);
  await app.screenshot('search');
});

test('a mention in the reader filters by what it names; appears-with lists neighbours', async (app) => {
  await dropMeetings(app);
  await app.openDocument('Baku note');
  await app.clickMention('David Miller');
  await app.waitForShown(2);
  assert.deepEqual(await app.chips(), ['David Miller ×']);
  const neighbours = await app.texts('appears-with');
  assert.ok(neighbours.some((n) => n.startsWith('Anna Petrova')), neighbours.join(' | '));
  // When he is mentioned: his two documents' dates, and a sparkline on the corpus's axis.
  assert.deepEqual(await app.texts('entity-dates'), ['dated mentions from 2023-03 to 2024-05-10']);
  const bars = await app.page.$eval('[data-testid=entity-sparkline] path', (p) => (p.getAttribute('d').match(/M/g) || []).length);
  assert.equal(bars, 2, 'a bar for March 2023 and one for May 2024');
  // A date mention keeps the days it names.
  await app.clickMention('March 2023');
  await app.waitForShown(1);
  assert.ok((await app.chips()).includes('dated 2023-03-01 to 2023-03-31 ×'), (await app.chips()).join(' | '));
  await app.screenshot('reader-filtered');
});

test('rename, merge and hide an entity, and undo each', async (app) => {
  await dropMeetings(app);
  const people = async () => (await app.facetValues('PER')).map(([n]) => n).sort();
  assert.deepEqual(await people(), ['A. Petrova', 'Anna Petrova', 'David Miller']);
  await app.clickFacetValue('A. Petrova');
  await app.page.click('[data-testid=merge-open]');
  await app.page.selectOption('[data-testid=merge-target]', { label: 'Anna Petrova (2)' });
  await app.page.click('[data-testid=merge]');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=facet-PER] [data-testid=facet-value]').length === 2);
  assert.deepEqual(await people(), ['Anna Petrova', 'David Miller']);
  assert.deepEqual(await app.chips(), ['Anna Petrova ×'], 'the filter follows the merge');
  await app.waitForShown(3);
  // Rename the merged entity; the reader follows.
  await app.page.click('[data-testid=rename]');
  await app.page.fill('[data-testid=rename-input]', 'Anna V. Petrova');
  await app.page.click('[data-testid=rename-save]');
  await app.page.waitForFunction(() => document.querySelector('[data-testid=facet-PER]').textContent.includes('Anna V. Petrova'));
  await app.openDocument('Baku note');
  const tip = await app.page.$eval('[data-testid=reader] [data-testid=mention]:text-is("A. Petrova")', (e) => e.title);
  assert.ok(tip.startsWith('Anna V. Petrova'), tip);
  // Hide David Miller: gone from the facet and from the reader's marks.
  await app.page.click('[data-testid=clear-filters]');
  await app.clickFacetValue('David Miller');
  await app.page.click('[data-testid=hide]');
  await app.page.waitForFunction(() => !document.querySelector('[data-testid=facet-PER]').textContent.includes('David Miller'));
  assert.equal(await app.page.$$eval('[data-testid=reader] [data-testid=mention]', (m) => m.filter((e) => e.textContent === 'David Miller').length), 0);
  await app.screenshot('curated');
  // Undo, last first.
  await app.page.click('[data-testid=undo]');
  await app.page.waitForFunction(() => document.querySelector('[data-testid=facet-PER]').textContent.includes('David Miller'));
  await app.page.click('[data-testid=undo]');
  await app.page.waitForFunction(() => !document.querySelector('[data-testid=facet-PER]').textContent.includes('Anna V. Petrova'));
  await app.page.click('[data-testid=undo]');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=facet-PER] [data-testid=facet-value]').length === 3);
});

// The explorer's other ways of looking: near-duplicates, the network, a table's column.
viewTests(test, { meetings, dropMeetings });

test('a copied link restores the view on the same corpus', async (app) => {
  await dropMeetings(app);
  await app.clickFacetValue('Anna Petrova');
  await app.excludeValue(await app.countryLabel('KZ', 'Kazakhstan'));
  await app.search('border');
  await app.waitForShown(1);
  await app.openDocument('Yerevan note');
  await app.page.waitForFunction(() => location.hash.includes('doc=') && location.hash.includes('q='));
  const link = app.page.url();
  assert.match(link, /#in=e\.[0-9a-f]+&not=c\.KZ&q=border&doc=yerevan\.txt~0$/);
  // A fresh tab opens the link, and the same files are dropped: the same view.
  const other = new DossierPage(await app.page.context().browser().newPage({ viewport: { width: 1280, height: 800 } }));
  await other.open(link);
  await other.drop(meetings);
  await other.waitForFileMessages(meetings.length);
  await other.waitForShown(1);
  assert.deepEqual(await other.chips(), await app.chips());
  assert.deepEqual(await other.titles(), ['Yerevan note']);
  assert.equal(await other.page.$eval('[data-testid=reader] h2', (e) => e.textContent), 'Yerevan note');
  assert.equal(await other.page.inputValue('[data-testid=search]'), 'border');
  await other.screenshot('restored-from-link');
  assert.deepEqual(other.consoleErrors, []);
  await other.page.close();
});

test('keyboard only: include a value, choose a bar, open a document', async (app) => {
  await dropMeetings(app);
  await app.page.focus('[data-testid=facet-PER] [data-testid=facet-value]');
  await app.page.keyboard.press('Enter');
  await app.waitForShown(2);
  const focused = await app.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focused, 'none', 'focus is visible');
  await app.page.focus('[data-testid=document-title]');
  await app.page.keyboard.press('Enter');
  await app.page.waitForSelector('[data-testid=reader]');
  await app.page.focus('[data-testid=reader] [data-testid=mention]');
  await app.page.keyboard.press('Enter');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=active-filter]').length === 2);
  // Every control has a name a screen reader can read.
  const unnamed = await app.page.$$eval('button, input, select, [role=button]', (els) => els
    .filter((e) => !(e.getAttribute('aria-label') || e.textContent.trim() || e.getAttribute('placeholder') || e.closest('label')))
    .map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
});

test('exports: CSV of the documents shown, and a snapshot that opens as the same corpus', async (app) => {
  await dropMeetings(app);
  await app.clickFacetValue('Anna Petrova');
  await app.waitForShown(2);
  const entities = await app.download('export-entities');
  assert.equal(entities.name, 'dossier-entities.csv');
  const lines = entities.text.trim().split('\r\n');
  assert.equal(lines[0], 'id,name,type,aliases,documents,mentions,country,place');
  assert.ok(lines.some((l) => /,Anna Petrova,PER,,2,2,,$/.test(l)), lines.join('\n'));
  assert.ok(!entities.text.includes('Baku'), 'only the documents shown');
  const mentions = await app.download('export-mentions');
  assert.ok(mentions.text.split('\r\n').some((l) => l.startsWith('yerevan.txt,0,Yerevan note,') && l.includes(',Yerevan,LOC,')), mentions.text);
  const dates = await app.download('export-dates');
  assert.ok(dates.text.includes('"June 3, 2024",2024-06-03,2024-06-03,day,explicit,2024-06-03,false'), dates.text);
  // The snapshot holds the whole corpus, edits included, and opens in a fresh tab.
  await app.page.click('[data-testid=rename]');
  await app.page.fill('[data-testid=rename-input]', 'Anna V. Petrova');
  await app.page.click('[data-testid=rename-save]');
  await app.page.waitForFunction(() => document.querySelector('[data-testid=facet-PER]').textContent.includes('Anna V. Petrova'));
  const snapshot = await app.download('export-snapshot');
  assert.equal(snapshot.name, 'corpus.dossier.json');
  fs.mkdirSync(path.join(server.dir, 'corpora'), { recursive: true });
  fs.writeFileSync(path.join(server.dir, 'corpora/meetings.dossier.json'), snapshot.text);
  const other = new DossierPage(await app.page.context().browser().newPage({ viewport: { width: 1280, height: 800 } }));
  await other.open(server.url);
  await other.drop([{ name: 'meetings.dossier.json', type: 'application/json', bytes: Buffer.from(snapshot.text) }]);
  await other.waitForShown(4);
  assert.deepEqual(await other.titles(), ['A note on history', 'Baku note', 'Talks in Almaty', 'Yerevan note']);
  assert.ok((await other.page.textContent('[data-testid=facet-PER]')).includes('Anna V. Petrova'), 'the edit came along');
  assert.deepEqual(other.consoleErrors, []);
  await other.page.close();
});

test('a hosted corpus opens from ?corpus=: a snapshot, a manifest, and clear errors', async (app) => {
  // The snapshot saved by the previous test (or made here if it ran alone).
  const corpora = path.join(server.dir, 'corpora');
  fs.mkdirSync(corpora, { recursive: true });
  for (const f of meetings) fs.writeFileSync(path.join(corpora, f.name), f.bytes);
  fs.writeFileSync(path.join(corpora, 'manifest.json'), JSON.stringify(['almaty.txt', 'yerevan.txt', 'missing.txt']));
  fs.writeFileSync(path.join(corpora, 'not-a-corpus.json'), '{"hello": 1}');
  await app.open(`${server.url}?corpus=corpora/manifest.json`);
  await app.waitForShown(2);
  assert.deepEqual(await app.titles(), ['Talks in Almaty', 'Yerevan note']);
  const messages = await app.texts('file-message');
  assert.ok(messages.some((m) => /missing\.txt could not be fetched \(HTTP 404\)/.test(m)), messages.join(' | '));
  // The browser logs the 404 itself; nothing else may be logged.
  app.consoleErrors = app.consoleErrors.filter((e) => !/status of 404/.test(e));
  // With a view in the address: the permalink of a hosted corpus.
  if (fs.existsSync(path.join(corpora, 'meetings.dossier.json'))) {
    await app.open(`${server.url}?corpus=corpora/meetings.dossier.json#not=c.KZ&q=spoke`);
    await app.waitForShown(2);
    assert.deepEqual(await app.titles(), ['Baku note', 'Yerevan note']);
  }
  await app.open(`${server.url}?corpus=corpora/not-a-corpus.json`);
  await app.page.waitForSelector('[data-testid=file-message]');
  assert.match((await app.texts('file-message'))[0], /is neither a Dossier snapshot nor a manifest/);
});

test('HTML, CSV, JSON, e-mail and Windows-1252 files load; a hostile page runs nothing', async (app) => {
  const hostileHtml = '<html><head><title>Hostile Page</title><script>window.__pwned = 1</script></head>'
    + '<body onload="window.__pwned = 2"><p>Talks in Almaty went on.</p><img src=x onerror="window.__pwned = 3">'
    + '<a href="javascript:window.__pwned = 4">click</a><svg onload="window.__pwned = 5"></svg></body></html>';
  await app.drop([
    { name: 'hostile.html', type: 'text/html', bytes: Buffer.from(hostileHtml) },
    { name: 'feed.csv', type: 'text/csv', bytes: Buffer.from('title,date,text\nRow One,2024-05-10,"Anna Petrova spoke in Yerevan, Armenia."\nRow Two,,David Miller spoke in Baku.\n') },
    { name: 'items.jsonl', type: '', bytes: Buffer.from('{"headline": "Line One", "body": "Talks in Astana went on."}\n') },
    { name: 'note.eml', type: 'message/rfc822', bytes: Buffer.from('From: a@example.org\nSubject: Mail Note\nDate: Fri, 10 May 2024 09:00:00 +0000\n\nThe meeting in Almaty was on Friday.\n') },
    { name: 'old.txt', type: 'text/plain', bytes: Buffer.from('Old Note\n\nA caf\xe9 in Z\xfcrich.\n', 'latin1') },
  ]);
  await app.waitForFileMessages(5);
  await app.waitForShown(6);
  assert.deepEqual(await app.titles(), ['Hostile Page', 'Line One', 'Mail Note', 'Old Note', 'Row One', 'Row Two']);
  const messages = await app.texts('file-message');
  assert.ok(messages.some((m) => /old\.txt: 1 document; not UTF-8: read as Windows-1252/.test(m)), messages.join(' | '));
  await app.openDocument('Old Note');
  assert.ok((await app.page.textContent('[data-testid=reader] .text')).includes('A café in Zürich.'));
  await app.openDocument('Hostile Page');
  const shown = await app.page.textContent('[data-testid=reader] .text');
  assert.ok(shown.includes('Talks in Almaty went on.') && !shown.includes('script') && !shown.includes('onerror'), shown);
  await app.openDocument('Mail Note');
  assert.match(await app.page.textContent('[data-testid=reader] .meta'), /note\.eml · 2024-05-10/);
  await app.page.waitForTimeout(300);
  assert.equal(await app.page.evaluate(() => window.__pwned), undefined, 'nothing from the page ran');
  assert.equal(await app.page.$$eval('.documents img, .documents svg, .reader img, .reader a, .reader svg', (els) => els.length), 0);
  await app.screenshot('formats');
});

test('the corpus and its edits are kept in the browser across a reload, until forgotten', async (app) => {
  await dropMeetings(app);
  await app.clickFacetValue('David Miller');
  await app.page.click('[data-testid=rename]');
  await app.page.fill('[data-testid=rename-input]', 'Dave Miller');
  await app.page.click('[data-testid=rename-save]');
  await app.page.waitForFunction(() => (document.querySelector('[data-testid=kept]') || {}).textContent?.includes('Kept in this browser.'), null, { timeout: 10000 });
  await app.page.waitForTimeout(2000); // the rename is kept after its own pause
  await app.page.reload();
  await app.waitForShown(2);
  assert.deepEqual(await app.chips(), ['Dave Miller ×'], 'the view came back from the address');
  assert.ok((await app.page.textContent('[data-testid=facet-PER]')).includes('Dave Miller'), 'and the edit from storage');
  await app.page.click('[data-testid=forget]');
  await app.page.waitForSelector('[data-testid=empty-state]');
  await app.page.reload();
  await app.page.waitForTimeout(1500);
  assert.equal((await app.texts('empty-state')).length, 1, 'forgotten for good');
});

test('a corpus of many parts is kept in chunks and reopened whole after a reload', async (app) => {
  const sentence = (i) => `Anna Petrova met David Miller in Almaty on May ${1 + (i % 28)}, 2024 about item ${i}. `;
  const files = Array.from({ length: 200 }, (_, i) => ({
    name: `part${String(i).padStart(3, '0')}.txt`, type: 'text/plain',
    bytes: Buffer.from(`Part ${i}\n\n${sentence(i).repeat(100)}\n`),
  }));
  await app.drop(files);
  await app.waitForShown(200);
  await app.page.waitForFunction(() => (document.querySelector('[data-testid=kept]') || {}).textContent?.includes('Kept in this browser.'), null, { timeout: 30000 });
  const chunks = await app.page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('dossier');
    open.onerror = reject;
    open.onsuccess = () => {
      const keys = open.result.transaction('kept').objectStore('kept').getAllKeys();
      keys.onsuccess = () => { resolve(keys.result.filter((k) => k.startsWith('c')).length); open.result.close(); };
    };
  }));
  assert.ok(chunks >= 4, `${chunks} chunks for 1.7 MB of text`);
  const before = { people: await app.page.textContent('[data-testid=facet-PER]'), files: await app.page.textContent('[data-testid=files-summary]') };
  await app.page.reload();
  await app.page.waitForFunction(() => (document.querySelector('[data-testid=files-summary]') || {}).textContent?.startsWith('200 files') && !document.querySelector('[data-testid=progress]'), null, { timeout: 30000 });
  assert.deepEqual({ people: await app.page.textContent('[data-testid=facet-PER]'), files: await app.page.textContent('[data-testid=files-summary]') }, before);
  assert.match(await app.page.textContent('[data-testid=kept]'), /Kept in this browser\./);
});

// Chromium gives a dropped folder's files through handles, walked in a worker of
// their own; browsers without `getAsFileSystemHandle` (Firefox, Safari) through
// entries, in the page: both walks are tested, and a walker that cannot start (the
// page then walks the handles itself).
for (const through of ['handles', 'entries', 'handles, no walker starting']) test(`a folder dropped from disk is walked through file ${through}, subfolders too, beside a loose file`, async (app) => {
  if (through === 'entries') await app.page.evaluate(() => { delete DataTransferItem.prototype.getAsFileSystemHandle; });
  let walkersRefused = 0;
  if (through.includes('no walker')) await app.page.route((url) => url.searchParams.get('role') === 'walk', (route) => { walkersRefused++; return route.fulfill({ status: 404, body: '' }); });
  const walkers = [];
  app.page.on('worker', (worker) => { if (new URL(worker.url()).searchParams.get('role') === 'walk') walkers.push(worker); });
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-folder-'));
  const write = (rel, text) => { fs.mkdirSync(path.dirname(path.join(disk, rel)), { recursive: true }); fs.writeFileSync(path.join(disk, rel), text); };
  write('news/b/second.txt', 'Ararat Mirzoyan arrived in Almaty on May 10, 2024.\n');
  write('news/a/first.txt', 'Jeyhun Bayramov spoke in Baku on April 19, 2024.\n');
  write('news/zero.txt', 'Murat Nurtleu hosted the talks in Almaty.\n');
  write('loose.txt', 'Vedant Patel commented in Washington.\n');
  // Two files of one name in different folders are two sources.
  write('news/a/note.txt', 'Anna Petrova spoke in Tbilisi.\n');
  write('news/b/note.txt', 'David Miller spoke in Yerevan.\n');
  await app.dropPaths([path.join(disk, 'news'), path.join(disk, 'loose.txt')]);
  await app.waitForFileMessages(6);
  const messages = await app.texts('file-message');
  // A folder's files go by their path in the drop, as the native tool names them.
  for (const name of ['news/zero.txt', 'news/a/first.txt', 'news/a/note.txt', 'news/b/note.txt', 'news/b/second.txt', 'loose.txt']) {
    assert.ok(messages.some((m) => m.startsWith(`${name}: 1 document`)), `${name} in ${messages.join(' | ')}`);
  }
  const people = await app.page.textContent('[data-testid=facet-PER]');
  for (const name of ['Ararat Mirzoyan', 'Jeyhun Bayramov', 'Murat Nurtleu', 'Vedant Patel', 'Anna Petrova', 'David Miller']) {
    assert.ok(people.includes(name), `${name} in ${people}`);
  }
  // With handles, a walker worker found the files; without, the page walked entries.
  // Without a walker (its script refused), the page walked the handles itself.
  if (through.includes('no walker')) assert.equal(walkersRefused, 1, 'the walker\'s script was asked for and refused');
  else assert.equal(walkers.length, through === 'handles' ? 1 : 0, `walker workers started, walking through ${through}`);
  fs.rmSync(disk, { recursive: true, force: true });
});

// Picked files are read by the page up to their limit and their bytes transferred
// (a file cloned into a message is a synchronous look-up in the browser); a file over
// the limit goes to the worker as a file, which learns its size and refuses it unread.
test('files picked from disk are read by the page; an oversized one is refused with its size, the rest load', async (app) => {
  await app.page.evaluate(() => {
    window.__sent = { bytes: [], files: [] };
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, transfer) {
      for (const job of (message && message.jobs) || []) {
        if (job.bytes instanceof ArrayBuffer) window.__sent.bytes.push(job.name);
        else if (job.file instanceof File) window.__sent.files.push(job.file.name);
      }
      return post.call(this, message, transfer);
    };
  });
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-picked-'));
  fs.writeFileSync(path.join(disk, 'first.txt'), 'Jeyhun Bayramov spoke in Baku on April 19, 2024.\n');
  fs.writeFileSync(path.join(disk, 'second.txt'), 'Ararat Mirzoyan arrived in Almaty on May 10, 2024.\n');
  fs.writeFileSync(path.join(disk, 'huge.txt'), Buffer.alloc(60 * 1024 * 1024, 97));
  await app.page.setInputFiles('[data-testid=file-input]', ['first.txt', 'huge.txt', 'second.txt'].map((f) => path.join(disk, f)));
  await app.waitForFileMessages(3);
  const messages = await app.texts('file-message');
  assert.ok(messages.some((m) => /huge\.txt is too large \(62\.9 MB\): the limit is 50 MB per file/.test(m)), messages.join(' | '));
  for (const name of ['first.txt', 'second.txt']) assert.ok(messages.some((m) => m.startsWith(`${name}: 1 document`)), `${name} in ${messages.join(' | ')}`);
  const people = await app.page.textContent('[data-testid=facet-PER]');
  for (const name of ['Jeyhun Bayramov', 'Ararat Mirzoyan']) assert.ok(people.includes(name), `${name} in ${people}`);
  const sent = await app.page.evaluate(() => window.__sent);
  assert.deepEqual(sent.bytes.sort(), ['first.txt', 'second.txt'], JSON.stringify(sent));
  assert.deepEqual(sent.files, ['huge.txt'], JSON.stringify(sent));
  fs.rmSync(disk, { recursive: true, force: true });
});

test('a long document list keeps only the cards in view', async (app) => {
  const files = Array.from({ length: 300 }, (_, i) => ({
    name: `n${String(i).padStart(3, '0')}.txt`, type: 'text/plain',
    bytes: Buffer.from(`Note ${i}\n\nAnna Petrova spoke in Almaty on May ${1 + (i % 28)}, 2024 about item ${i}.\n`),
  }));
  await app.drop(files);
  await app.waitForShown(300);
  const rendered = async () => app.page.$$eval('[data-testid=document]', (els) => els.length);
  assert.ok(await rendered() <= 20, `${await rendered()} cards rendered for 300 documents`);
  // At 1280×800 the page itself does not scroll: the list is the one scroll area of its column.
  const scroll = await app.page.evaluate(() => {
    const list = document.querySelector('.document-list');
    return { page: document.scrollingElement.scrollHeight - innerHeight, list: list.scrollHeight - list.clientHeight, bottom: list.getBoundingClientRect().bottom };
  });
  assert.ok(scroll.page <= 0 && scroll.list > 0 && scroll.bottom <= 800, JSON.stringify(scroll));
  await app.screenshot('long-list');
  // Scrolled to the end, the last documents (by date) are there, and still few cards.
  await app.page.$eval('.document-list', (e) => { e.scrollTop = e.scrollHeight; e.dispatchEvent(new Event('scroll')); });
  await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=document-title]')].some((t) => t.textContent === 'Note 279')); // May 28, the latest, last of its day
  assert.ok(await rendered() <= 20, `${await rendered()} cards rendered after scrolling`);
});

const server = await serveDist();
const browser = await launch();
let passed = 0;
let failed = 0;
try {
  // E2E_ONLY=words runs only the tests whose name contains them (while writing one).
  const only = process.env.E2E_ONLY;
  for (const { name, fn } of tests.filter((t) => !only || t.name.includes(only))) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const app = new DossierPage(page);
    try {
      await app.open(server.url);
      await fn(app);
      assert.deepEqual(app.consoleErrors, [], 'console errors');
      passed++;
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAILED - ${name}\n${e.stack || e}`);
      await app.screenshot(`failed-${name.replace(/\W+/g, '-')}`).catch(() => {});
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

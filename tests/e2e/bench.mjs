//! `make bench`, browser half: the release wasm engine in headless Chromium, beside compromise, and the app loading 10,000 documents.
//
// Prints one table. Figures are measured on this run; nothing here is a test.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDist, launch, root, facetClicks, watchUntil, allLoaded, keptHere } from './harness.mjs';

const ENGINE_MB = Number(process.env.BENCH_MB || 12);
const COMPARE_MB = Number(process.env.BENCH_COMPARE_MB || 5);
const N_DOCUMENTS = Number(process.env.BENCH_DOCS || 10000);
const CORPUS_MB = Number(process.env.BENCH_CORPUS_MB || 30);

const peers = path.join(root, 'tools/node_modules');
const server = await serveDist({
  'bench/compromise.js': path.join(peers, 'compromise/builds/compromise.js'),
  'bench/compromise-dates.js': path.join(peers, 'compromise-dates/builds/compromise-dates.min.js'),
});
// --expose-gc: the 10,000-document run collects the benchmark's own generated text
// before it starts, so the heap peak measures the app, not the generator's garbage.
const browser = await launch(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const rows = [];
const row = (what, figure, goal = '') => rows.push([what, figure, goal]);

async function openApp() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_text, null, { timeout: 30000 });
  // As a person would, act once the page has settled: it compiles the explorer's code
  // while it waits for a first drop (ui/warm_up.rs).
  await page.waitForFunction(() => document.documentElement.dataset.warmUp === 'done', null, { timeout: 30000 });
  return page;
}

try {
  // 1. The engine alone, best of 5, on the native bench's generated text.
  {
    const page = await openApp();
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await page.evaluate((mb) => window.wasmBindings.bench_engine(mb), ENGINE_MB));
    const best = runs.reduce((a, b) => (a.mb_per_s > b.mb_per_s ? a : b));
    row(`wasm engine, ${(best.bytes / 1e6).toFixed(1)} MB, best of 5`, `${best.mb_per_s.toFixed(1)} MB/s`);
    await page.close();
  }

  // 2. Our engine and compromise + compromise-dates on the same text, in the same page
  //    (BENCH_COMPARE_MB=0 skips it: compromise takes minutes).
  if (COMPARE_MB > 0) {
    const page = await openApp();
    await page.addScriptTag({ url: 'bench/compromise.js' });
    await page.addScriptTag({ url: 'bench/compromise-dates.js' });
    const r = await page.evaluate((mb) => {
      window.nlp.plugin(window.compromiseDates);
      const text = window.wasmBindings.bench_text(mb);
      // Best of 3: the first run also pays for indexing the gazetteer and for V8's
      // baseline wasm compiler, before it tiers up.
      let ours = null;
      for (let i = 0; i < 3; i++) {
        const run = window.wasmBindings.bench_engine_on(text);
        if (!ours || run.mb_per_s > ours.mb_per_s) ours = run;
      }
      // compromise works on one article at a time, as it would on a pile of documents.
      const articles = text.split(/\n(?=Talks Resume in )/);
      const t0 = performance.now();
      let found = 0;
      for (const article of articles) {
        const doc = window.nlp(article);
        found += doc.people().length + doc.places().length + doc.organizations().length + doc.dates().json().length;
      }
      const seconds = (performance.now() - t0) / 1000;
      return { bytes: text.length, ours, theirs: { seconds, mb_per_s: text.length / 1e6 / seconds, found } };
    }, COMPARE_MB);
    const ratio = r.ours.mb_per_s / r.theirs.mb_per_s;
    row(`same ${(r.bytes / 1e6).toFixed(1)} MB: our engine`, `${r.ours.mb_per_s.toFixed(1)} MB/s (${r.ours.seconds.toFixed(2)} s)`, '>= 10 MB/s');
    row(`same ${(r.bytes / 1e6).toFixed(1)} MB: compromise 14.17 + compromise-dates 3.9`, `${r.theirs.mb_per_s.toFixed(3)} MB/s (${r.theirs.seconds.toFixed(1)} s)`);
    row('ratio', `${ratio.toFixed(0)}x`, '>= 200x');
    await page.close();
  }

  // 3. The explorer on the sample corpus: from a click to the next painted frame,
  //    for a facet value, an exclusion and a timeline bar (each on, then off).
  {
    const page = await openApp();
    await page.click('[data-testid=try-sample]');
    await page.waitForSelector('[data-testid=timeline-bar]');
    const timings = await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      // Two times per press: until the views are updated (every reactive update runs in
      // microtasks after the event, so a zero timeout fires once they are all done), and
      // until the next frame is painted.
      const measure = async (find, press) => {
        const updated = [];
        const painted = [];
        for (let i = 0; i < 10; i++) {
          const target = find();
          const t0 = performance.now();
          press(target);
          await new Promise((r) => setTimeout(r, 0));
          updated.push(performance.now() - t0);
          await frame();
          painted.push(performance.now() - t0);
        }
        const sort = (v) => v.sort((a, b) => a - b);
        return { updated: sort(updated), painted: sort(painted) };
      };
      const click = (e) => e.click();
      const enter = (e) => e.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const clear = async () => { const c = document.querySelector('[data-testid=clear-filters]'); if (c) c.click(); await frame(); };
      const facet = await measure(() => document.querySelector('[data-testid=facet-PER] [data-testid=facet-value]'), click);
      await clear();
      const exclude = await measure(() => document.querySelector('[data-testid=facet-ORG] [data-testid=exclude-value]'), click);
      await clear();
      const bars = await measure(() => {
        const all = [...document.querySelectorAll('[data-testid=timeline-bar]')];
        return all[all.length - 2];
      }, enter);
      return { facet, exclude, bars };
    });
    const median = (t) => t[Math.floor(t.length / 2)].toFixed(0);
    const fmt = (m) => `updated: median ${median(m.updated)}, max ${m.updated[m.updated.length - 1].toFixed(0)} ms; painted: median ${median(m.painted)} ms`;
    row('sample corpus: facet value click (10, on and off)', fmt(timings.facet), '<= 50 ms');
    row('sample corpus: exclude click (10)', fmt(timings.exclude), '<= 50 ms');
    row('sample corpus: timeline bar chosen (10, on and off)', fmt(timings.bars), '<= 50 ms');
    await page.close();
  }

  // 4. N documents dropped into the app at once.
  {
    const page = await openApp();
    const corpusBytes = await page.evaluate(({ n, mb }) => {
      const articles = window.wasmBindings.bench_text(mb).split(/\n(?=Talks Resume in )/);
      const per = articles.length / n;
      const transfer = new DataTransfer();
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        const text = articles.slice(Math.floor(i * per), Math.floor((i + 1) * per)).join('\n');
        bytes += text.length;
        transfer.items.add(new File([text], `doc-${String(i).padStart(5, '0')}.txt`, { type: 'text/plain' }));
      }
      window.__transfer = transfer;
      return bytes;
    }, { n: N_DOCUMENTS, mb: CORPUS_MB });
    // A separate task from the generation above, so its cost is not counted.
    await page.waitForFunction(() => document.documentElement.dataset.warmUp === 'done', null, { timeout: 30000 });
    await page.evaluate(() => window.gc && window.gc());
    const load = await page.evaluate((n) => new Promise((resolve) => {
      const longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push([e.duration, e.startTime - t0]); })
        .observe({ type: 'longtask' });
      let heapPeak = 0;
      let wasmPeak = 0;
      const sample = () => {
        heapPeak = Math.max(heapPeak, performance.memory ? performance.memory.usedJSHeapSize : 0);
        wasmPeak = Math.max(wasmPeak, window.wasmBindings.wasm_memory_bytes());
      };
      const sampler = setInterval(sample, 50);
      const t0 = performance.now();
      let firstFacets = null;
      const zone = document.querySelector('[data-testid=drop-zone]');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: window.__transfer }));
      }
      const poll = () => {
        if (firstFacets === null && document.querySelector('[data-testid=facet-value]')) firstFacets = performance.now() - t0;
        const summary = document.querySelector('[data-testid=files-summary]');
        const done = summary && summary.textContent.startsWith(`${n} files`) && !document.querySelector('[data-testid=progress]');
        if (!done) { requestAnimationFrame(poll); return; }
        const complete = performance.now() - t0;
        // Let the last long task be reported.
        setTimeout(() => {
          sample();
          clearInterval(sampler);
          resolve({ firstFacets, complete, longTasks, heapPeak, wasmPeak, summary: summary.textContent });
        }, 200);
      };
      requestAnimationFrame(poll);
    }), N_DOCUMENTS);
    row(`${N_DOCUMENTS} documents (${(corpusBytes / 1e6).toFixed(1)} MB): first facets`, `${(load.firstFacets / 1000).toFixed(2)} s`);
    row(`${N_DOCUMENTS} documents: all loaded`, `${(load.complete / 1000).toFixed(2)} s`, '< 5 s');
    // The browser reports tasks of 50 ms or more (PerformanceObserver 'longtask').
    const long = load.longTasks;
    const longest = long.length === 0
      ? 'none of 50 ms or more'
      : `${Math.max(...long.map((t) => t[0])).toFixed(0)} ms (${long.length} of 50 ms or more, at ${long.map((t) => (t[1] / 1000).toFixed(2)).join(', ')} s)`;
    row('longest main-thread task while loading', longest, '< 50 ms');
    row('peak JS heap (page)', `${(load.heapPeak / 1e6).toFixed(0)} MB`);
    row('page wasm memory (corpus index)', `${(load.wasmPeak / 1e6).toFixed(0)} MB; ${((load.heapPeak + load.wasmPeak) / corpusBytes).toFixed(1)}x the text`, '<= 5x');

    // 5. A facet click at that size: until the views are updated, and until the next
    //    frame is painted (as for the sample corpus above).
    const clicks = await facetClicks(page);
    const med = (t) => t[Math.floor(t.length / 2)].toFixed(0);
    row(`facet click at ${N_DOCUMENTS} documents (6, on and off)`, `updated: median ${med(clicks.updated)}, max ${clicks.updated[5].toFixed(0)} ms; painted: median ${med(clicks.painted)} ms`, '<= 50 ms');

    // 5b. The network view at that size: a facet click while it is shown (its nodes,
    //     edges and layout recomputed), and the longest main-thread task meanwhile.
    await page.click('[data-testid=show-network]');
    await page.waitForSelector('[data-testid=network-node]');
    const network = await facetClicks(page);
    const nodes = await page.$$eval('[data-testid=network-node]', (es) => es.length);
    row(`network view at ${N_DOCUMENTS} documents: facet click (6, on and off, ${nodes} names)`,
      `updated: median ${med(network.updated)}, max ${network.updated[5].toFixed(0)} ms; longest task: ${network.longTasks.length ? Math.max(...network.longTasks).toFixed(0) + ' ms' : 'none of 50 ms or more'}`, '<= 50 ms, no long task');
    await page.click('[data-testid=show-list]');

    // 5c. Kept across a reload at that size: the save (in steps, after its pause of
    //     1.5 s once loading ends) with the longest main-thread task meanwhile, then the
    //     reopen after a reload, until every file is back.
    const kept = await watchUntil(page, keptHere);
    const longestOf = (t) => (t.length ? `${Math.max(...t).toFixed(0)} ms (${t.length} of 50 ms or more)` : 'none of 50 ms or more');
    row(`kept in this browser at ${N_DOCUMENTS} documents (${(corpusBytes / 1e6).toFixed(0)} MB)`,
      `${(kept.took / 1000).toFixed(2)} s after the clicks above (a save starts 1.5 s after the last change); longest task: ${longestOf(kept.longTasks)}`, 'no long task');
    const reloadStarted = Date.now();
    await page.reload();
    const reopened = await watchUntil(page, allLoaded, N_DOCUMENTS);
    row(`reopened after a reload at ${N_DOCUMENTS} documents`,
      `${((Date.now() - reloadStarted) / 1000).toFixed(2)} s from the reload; longest task: ${longestOf(reopened.longTasks)}`, '<= 10 s at 300 MB');
    await page.close();
  }

  // 6. A PDF of a hundred pages and more dropped (BENCH_PDF, written by `make bench`):
  //    the first PDF also fetches and compiles the PDF reader module in the worker.
  if (process.env.BENCH_PDF) {
    const pdfBytes = fs.readFileSync(process.env.BENCH_PDF);
    const pages = Number(process.env.BENCH_PDF_PAGES || 0);
    const page = await openApp();
    for (const run of ['first PDF (reader module fetched)', 'second PDF']) {
      const load = await page.evaluate(({ b64, name }) => new Promise((resolve) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'application/pdf' }));
        const before = document.querySelectorAll('[data-testid=file-message]').length;
        const longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); }).observe({ type: 'longtask' });
        const t0 = performance.now();
        const zone = document.querySelector('[data-testid=drop-zone]');
        for (const type of ['dragenter', 'dragover', 'drop']) {
          zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }
        const poll = () => {
          if (document.querySelectorAll('[data-testid=file-message]').length <= before) { requestAnimationFrame(poll); return; }
          const complete = performance.now() - t0;
          setTimeout(() => resolve({ complete, longTasks }), 200);
        };
        requestAnimationFrame(poll);
      }), { b64: pdfBytes.toString('base64'), name: `report-${run.length}.pdf` });
      const seconds = load.complete / 1000;
      row(`PDF in the page, ${run}: ${pages} pages, ${(pdfBytes.length / 1e6).toFixed(2)} MB`,
        `${seconds.toFixed(2)} s = ${(pages / seconds).toFixed(0)} pages/s, ${(pdfBytes.length / 1e6 / seconds).toFixed(1)} MB/s`);
      row(`PDF in the page, ${run}: longest main-thread task`,
        load.longTasks.length === 0 ? 'none of 50 ms or more' : `${Math.max(...load.longTasks).toFixed(0)} ms`, '< 50 ms');
    }
    await page.close();
  }

  // 7. What a visitor downloads.
  {
    const dist = path.join(root, 'dist');
    let raw = 0;
    let gz = 0;
    let pdfRaw = 0;
    let pdfGz = 0;
    for (const f of fs.readdirSync(dist).filter((f) => /\.(wasm|js)$/.test(f) && f !== 'worker.js')) {
      const bytes = fs.readFileSync(path.join(dist, f));
      const packed = zlib.gzipSync(bytes, { level: 9 }).length;
      // The PDF reader module is fetched by a worker on the first PDF, not at first paint.
      if (f.startsWith('dossier-pdf')) {
        pdfRaw += bytes.length;
        pdfGz += packed;
      } else {
        raw += bytes.length;
        gz += packed;
      }
    }
    row('first-paint bundle (wasm + JS, incl. embedded data)', `${(raw / 1e6).toFixed(2)} MB raw, ${(gz / 1e6).toFixed(2)} MB gzipped`, '<= 1.5 MB gzipped');
    row('PDF reader module (fetched on the first PDF)', `${(pdfRaw / 1e6).toFixed(2)} MB raw, ${(pdfGz / 1e6).toFixed(2)} MB gzipped`);
    for (const [file, what] of [['cities.tsv', 'small-city table'], ['name_likeness.bin', 'name-likeness model']]) {
      const bytes = fs.readFileSync(path.join(dist, file));
      row(`${what} (fetched after first paint)`, `${(bytes.length / 1e6).toFixed(2)} MB raw, ${(zlib.gzipSync(bytes, { level: 9 }).length / 1e6).toFixed(2)} MB gzipped`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 4));
const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(['measure', 'figure', 'goal']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));

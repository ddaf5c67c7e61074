//! Shared end-to-end harness: serves dist/ under a sub-path and drives Debian's Chromium through one page object.

import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');

export const SUB_PATH = '/deep/sub/path/dossier/';
export const artifacts = path.join(here, 'artifacts');

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Copies dist/ under a sub-path of a temporary web root and serves it with python's http.server;
 *  `extra` maps more paths under the sub-path to files to serve there (the benchmark's peers). */
export async function serveDist(extra = {}) {
  const dist = path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run `make build` first');
  const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-'));
  const target = path.join(webRoot, SUB_PATH);
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(dist, target, { recursive: true });
  for (const [to, from] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(target, to)), { recursive: true });
    fs.copyFileSync(from, path.join(target, to));
  }
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', webRoot], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${SUB_PATH}`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}${SUB_PATH}`, dir: target, stop: () => { server.kill(); fs.rmSync(webRoot, { recursive: true, force: true }); } };
}

/** Serves `webRoot` with Debian's nginx on a free loopback port, as a static host serves
 *  files (byte ranges included); returns its address and stop(). */
export async function serveWithNginx(webRoot) {
  const port = await freePort();
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-nginx-'));
  // nginx started as root reads files as "nobody": the web root must be world-readable.
  fs.chmodSync(webRoot, 0o755);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${prefix}/${t};`).join(' ');
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), `daemon off; worker_processes 1;
pid ${prefix}/nginx.pid; error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http { include /etc/nginx/mime.types; default_type application/octet-stream; access_log off; sendfile on; ${temp}
  server { listen 127.0.0.1:${port}; root ${webRoot}; } }
`);
  const server = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => { server.kill(); fs.rmSync(prefix, { recursive: true, force: true }); },
  };
}

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/** The page object: every test talks to the app through these methods and data-testid selectors. */
export class DossierPage {
  constructor(page) {
    this.page = page;
    this.consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.waitForSelector('[data-testid=drop-zone]');
  }

  /** Drops files on the page with a real drop event carrying a DataTransfer of File objects. */
  async drop(files) {
    const payload = files.map((f) => ({ name: f.name, type: f.type || '', bytes: Array.from(f.bytes) }));
    await this.dropMade((items) => items.map((item) => new File([new Uint8Array(item.bytes)], item.name, { type: item.type })), payload);
  }

  /** Drops the File objects that `make(arg)` builds in the page: files too large to
   *  send from here are made there. */
  async dropMade(make, arg) {
    const files = await this.page.evaluateHandle(make, arg);
    await this.page.evaluate((files) => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      const zone = document.querySelector('[data-testid=drop-zone]');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
    }, files);
    await files.dispose();
  }

  /** Drops files and folders from disk as the system does (Chromium's drag events over
   *  DevTools: a folder arrives as a folder, not as a list of files). */
  async dropPaths(paths) {
    const cdp = await this.page.context().newCDPSession(this.page);
    const data = { items: [], files: paths, dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop']) {
      await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 400, data });
    }
    await cdp.detach();
  }

  /** Waits until n files are reported and the progress line is gone (loading finished). */
  async waitForFileMessages(n) {
    await this.page.waitForFunction((k) => document.querySelectorAll('[data-testid=file-message]').length >= k, n, { timeout: 20000 });
    await this.page.waitForSelector('[data-testid=progress]', { state: 'detached', timeout: 20000 });
    await this.waitForExplorer();
  }

  /** The explorer's panels mount a frame apart; the document list comes last. */
  async waitForExplorer() {
    if (await this.page.$('[data-testid=empty-state]')) return;
    await this.page.waitForSelector('[data-testid=summary]', { timeout: 20000 });
  }

  async texts(testid) {
    return this.page.$$eval(`[data-testid=${testid}]`, (els) => els.map((e) => e.textContent.trim()));
  }

  async trySample() {
    await this.page.click('[data-testid=try-sample]');
    await this.page.waitForSelector('[data-testid=document]');
    await this.waitForExplorer();
  }

  async openDocument(title) {
    await this.page.click(`[data-testid=document-title]:text-is("${title}")`);
    await this.page.waitForSelector('[data-testid=reader]');
  }

  /** Includes a facet value by name; `or` holds Shift to add it as an alternative. */
  async clickFacetValue(name, { or = false } = {}) {
    await this.page.click(`[data-testid=facet-value]:has(.name:text-is("${name}"))`,
      { modifiers: or ? ['Shift'] : [] });
  }

  async excludeValue(name) {
    await this.page.click(`.value-row:has(.name:text-is("${name}")) [data-testid=exclude-value]`);
  }

  /** A facet's values as [name, count] pairs, in display order. */
  async facetValues(code) {
    return this.page.$$eval(`[data-testid=facet-${code}] [data-testid=facet-value]`,
      (els) => els.map((e) => [e.querySelector('.name').textContent, Number(e.querySelector('.count').textContent)]));
  }

  /** Waits until the summary line reads "n of m documents" and returns n. */
  async waitForShown(n) {
    await this.page.waitForFunction((k) => {
      const s = document.querySelector('[data-testid=summary]');
      return s && s.textContent.startsWith(`${k} of `);
    }, n, { timeout: 10000 });
    return n;
  }

  async titles() {
    return (await this.texts('document-title')).sort();
  }

  async chips() {
    return this.texts('active-filter');
  }

  /** Drags across the timeline from one fraction of its width to another. */
  async brushTimeline(from, to) {
    const box = await this.page.locator('[data-testid=timeline-chart]').boundingBox();
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * to, y, { steps: 4 });
    await this.page.mouse.up();
  }

  async timelineBars() {
    return this.page.$$eval('[data-testid=timeline-bar]', (els) => els.map((e) => e.dataset.label));
  }

  async search(text) {
    await this.page.fill('[data-testid=search]', text);
  }

  async clickMention(text) {
    await this.page.click(`[data-testid=reader] [data-testid=mention]:text-is("${text}")`);
  }

  /** A country's label in the place list: its flag, or its ISO code where the system draws no flags. */
  async countryLabel(iso, name) {
    const marks = await this.page.getAttribute('[data-testid=facet-LOC]', 'data-country-marks');
    const mark = marks === 'flags' ? String.fromCodePoint(...[...iso].map((c) => 0x1F1E6 + c.charCodeAt(0) - 65)) : iso;
    return `${mark} ${name}`;
  }

  async openCountry(name) {
    await this.page.click(`[data-testid=place-country]:has(.country-head .name:text-matches("${name}$")) [data-testid=place-open]`);
  }

  /** Clicks a control that offers a file to save; returns the file's name and text. */
  async download(testid) {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.click(`[data-testid=${testid}]`)]);
    const text = fs.readFileSync(await file.path(), 'utf8');
    return { name: file.suggestedFilename(), text };
  }

  async screenshot(name) {
    fs.mkdirSync(artifacts, { recursive: true });
    await this.page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
  }
}

/** Six clicks on the first person of the facet, on and off: for each, the time until
 *  the views are updated and until the next frame is painted (sorted), and every
 *  main-thread task of 50 ms or more meanwhile. */
export async function facetClicks(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const longTasks = [];
    const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
    observer.observe({ type: 'longtask' });
    const updated = [];
    const painted = [];
    for (let i = 0; i < 6; i++) {
      const button = document.querySelector('[data-testid=facet-PER] [data-testid=facet-value]');
      const t0 = performance.now();
      button.click();
      await new Promise((r) => setTimeout(r, 0));
      updated.push(performance.now() - t0);
      await frame();
      painted.push(performance.now() - t0);
    }
    // Let the last long task be reported.
    await new Promise((r) => setTimeout(r, 200));
    observer.disconnect();
    const sort = (v) => v.sort((a, b) => a - b);
    return { updated: sort(updated), painted: sort(painted), longTasks };
  });
}

/** Long tasks and the page's wasm memory, watched from inside the page from `start()` until
 *  `done(arg)` (run in the page) holds: ms taken, long tasks (durations, and [start, end] in page time),
 *  peak memory. */
export async function watchUntil(page, done, arg = null, start = async () => {}) {
  await page.evaluate(() => {
    const watched = { longTasks: [], longTaskSpans: [], wasmPeak: 0, t0: performance.now() };
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { watched.longTasks.push(e.duration); watched.longTaskSpans.push([e.startTime, e.startTime + e.duration]); } }).observe({ type: 'longtask' });
    setInterval(() => { watched.wasmPeak = Math.max(watched.wasmPeak, window.wasmBindings ? window.wasmBindings.wasm_memory_bytes() : 0); }, 50);
    window.__watched = watched;
  });
  await start();
  await page.waitForFunction(done, arg, { timeout: 0, polling: 50 });
  const took = await page.evaluate(() => performance.now() - window.__watched.t0);
  await page.waitForTimeout(200);
  return page.evaluate((took) => ({ took, longTasks: window.__watched.longTasks, longTaskSpans: window.__watched.longTaskSpans, wasmPeak: window.__watched.wasmPeak }), took);
}

/** In the page: `n` files are reported and loading is over. */
export const allLoaded = (n) => (document.querySelector('[data-testid=files-summary]') || {}).textContent?.startsWith(`${n} files`) && !document.querySelector('[data-testid=progress]');

/** In the page: the corpus is kept in this browser. */
export const keptHere = () => (document.querySelector('[data-testid=kept]') || {}).textContent?.includes('Kept in this browser.');

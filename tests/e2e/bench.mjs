//! `make bench`, browser half: the release wasm engine's throughput in headless Chromium on the same generated text as the native bench.

import { serveDist, launch } from './harness.mjs';

const MEGABYTES = Number(process.env.BENCH_MB || 12);
const server = await serveDist();
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_engine, null, { timeout: 30000 });
  const runs = [];
  for (let i = 0; i < 5; i++) {
    runs.push(await page.evaluate((mb) => window.wasmBindings.bench_engine(mb), MEGABYTES));
  }
  const best = runs.reduce((a, b) => (a.mb_per_s > b.mb_per_s ? a : b));
  console.log(`wasm engine (Chromium, single thread): ${(best.bytes / 1e6).toFixed(1)} MB in ${best.seconds.toFixed(3)} s = ${best.mb_per_s.toFixed(1)} MB/s (best of 5; ${best.n_entities} entity and ${best.n_dates} date mentions)`);
} finally {
  await browser.close();
  server.stop();
}

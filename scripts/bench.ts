// npm run bench [-- --quick]: the search and lookup benchmark (docs/search.md). Builds the extension
// and a bench-only copy (dist/chrome-bench) with a page that loads a seeded synthetic corpus through
// the extension's own write code, then measures in headless Chromium and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { measureStorage, storageTable } from '../bench/storage.ts';
import { seedVocabulary } from '../bench/vocabulary.ts';
import { parseDigestDocument } from '../src/core/digest/index.ts';
import { launchExtension, stopWorker } from '../tests/e2e/support/extension-browser.ts';
import {
  BLANK_FRAME,
  blankPageMs,
  chipVisibleMs,
  endToEndMs,
  pageLookupEndToEndMs,
  popupFirstResultsMs,
  ROW_WATCH,
  serveCorpusPages,
  toolbarPopupMs,
  workerHeapBytes,
} from './bench-browser.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist/chrome');
const BENCH_DIST = join(ROOT, 'dist/chrome-bench');
// --keep DIR: each size's browser profile is kept in DIR/<size> and, when it already holds that
// corpus, reused without loading it again (for measuring changes to the read side at 1M).
// --report [FILE]: no measuring; FILE's (default bench/results.json) tables and targets are printed
// and written into bench/README.md below its generated-section marker.
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
    keep: { type: 'string' },
    storage: { type: 'boolean', default: false },
  },
});
const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const sizes = values.sizes ? values.sizes.split(',') : values.quick ? ['10k'] : ['10k', '100k', '1m'];
const SEED = 20260523;
const STORAGE_MENTIONS = 20_000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
const r2 = (x: number) => Math.round(x * 100) / 100;
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

function build(): void {
  if (!values['no-build'] || !existsSync(join(DIST, 'manifest.json'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  rmSync(BENCH_DIST, { recursive: true, force: true });
  cpSync(DIST, BENCH_DIST, { recursive: true });
  // No starter index: the corpus is all the bench database holds.
  rmSync(join(BENCH_DIST, 'starter-index'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'bench/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(join(BENCH_DIST, 'bench/vocab.json'), JSON.stringify(seedVocabulary(ROOT)));
  writeFileSync(join(BENCH_DIST, 'bench/blank.html'), '<!doctype html><title>blank</title>');
  // The toolbar's empty popup, the floor of the real one: its one script only notes its first frame.
  writeFileSync(join(BENCH_DIST, 'bench/blank-frame.js'), BLANK_FRAME);
  writeFileSync(join(BENCH_DIST, 'bench/blank-popup.html'), '<!doctype html><title>blank</title><script src="blank-frame.js"></script>');
  // The popup types the bench's query as soon as its box exists, and notes its first row painted.
  writeFileSync(join(BENCH_DIST, 'bench/row-watch.js'), ROW_WATCH);
  const popupHtml = join(BENCH_DIST, 'src/popup/index.html');
  writeFileSync(popupHtml, readFileSync(popupHtml, 'utf8').replace('<head>', '<head>\n    <script src="/bench/row-watch.js"></script>'));
  // A second content script, bench copy only: asks what the real one asks (pageInfo) when the page
  // posts 'bench-probe', and leaves the round-trip times on the page for the bench to read.
  writeFileSync(join(BENCH_DIST, 'bench/probe.js'), `(${PROBE.toString()})();`);
  const manifestPath = join(BENCH_DIST, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts: { matches: string[]; js: string[]; run_at?: string }[] };
  manifest.content_scripts.push({ matches: ['https://arxiv.org/abs/*'], js: ['bench/probe.js'], run_at: 'document_idle' });
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}

/** Runs in the bench copy's probe content script (no imports: serialised into bench/probe.js). */
function PROBE(): void {
  addEventListener('message', async (e: MessageEvent) => {
    if (e.source !== window || e.data?.type !== 'bench-probe') return;
    const times: number[] = [];
    const floor: number[] = [];
    // Each lookup is followed by the floor: a message no handler takes (the worker's listener
    // declines it at once), so both see the same moments of the browser and the machine.
    for (let i = 0; i < (e.data.count as number); i++) {
      // One lookup per navigation: the previous one's badge and panel updates have settled.
      await new Promise((r) => setTimeout(r, 40));
      // Other papers' addresses in turn when given: the worker keeps a tab's lookup for its
      // navigation, and the same address again would measure that, not a lookup.
      const urls = (e.data.urls ?? []) as string[];
      const url = urls.length ? urls[i % urls.length]! : location.href;
      const own = url === location.href;
      const info = {
        url,
        meta: own
          ? Object.fromEntries([...document.querySelectorAll('meta[name^="citation_"]')].map((m) => [m.getAttribute('name'), m.getAttribute('content')]))
          : {},
        title: own ? document.title : '',
      };
      const t0 = performance.now();
      const r = await chrome.runtime.sendMessage({ type: 'pageInfo', arg: info });
      times.push(performance.now() - t0);
      if (r?.value?.status !== 'found') times.push(Number.NaN);
      await new Promise((r) => setTimeout(r, 40));
      const t1 = performance.now();
      await chrome.runtime.sendMessage({ type: 'bench-none' }).catch(() => undefined);
      floor.push(performance.now() - t1);
    }
    document.documentElement.dataset.benchProbe = JSON.stringify({ times, floor });
  });
}

/** CPU time (ms) used so far by every Chromium process: the bench's browser is the only one. */
function chromiumCpuMs(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('chromium')) continue;
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * After a bulk load Chromium's IndexedDB backend compacts its LevelDB files for a while, and every
 * measurement taken meanwhile shares the CPU with it. Waits (at most 10 minutes) until the
 * browser uses under a tenth of a core over 5 s, as a reader's browser would long after a sync;
 * returns how long that took.
 */
async function browserSettled(): Promise<number> {
  const t0 = performance.now();
  if (!existsSync('/proc/self/stat')) return 0; // not Linux: nothing to watch
  let last = chromiumCpuMs();
  while (performance.now() - t0 < 600_000) {
    await new Promise((r) => setTimeout(r, 5000));
    const now = chromiumCpuMs();
    if (now - last < 500) break;
    last = now;
  }
  return performance.now() - t0;
}

/** The commit measured, "+changes" when the work tree differs from it. */
function commitMeasured(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

function contentScript(): { raw: number; gzip: number } {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  const file = readFileSync(join(DIST, manifest.content_scripts[0]!.js[0]!));
  return { raw: file.length, gzip: gzipSync(file, { level: 9 }).length };
}

interface KeptLoad {
  readonly mentions: number;
  readonly seed: number;
  readonly loadMs: number;
  readonly loadDigests: number;
  /** Keystrokes answered while the corpus was written. */
  readonly duringLoad?: { readonly p50: number; readonly p95: number; readonly n: number };
  /** The load's merges: how many, their time from start to end, and the time their writes held the stores. */
  readonly merges?: { readonly n: number; readonly ms: number; readonly writeMs: number };
  /** Digests written so far: the load's, then each measurement's new ones. */
  digests: number;
}

async function runSize(label: string, mentions: number): Promise<Record<string, number>> {
  // Without --keep, a profile of this run's own, removed at the end: the browser is restarted on it.
  const profile = values.keep ? join(values.keep, label) : mkdtempSync(join(tmpdir(), `digest-lens-bench-${label}-`));
  const stateFile = join(profile, 'bench-load.json');
  const kept = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as KeptLoad) : undefined;
  const reuse = kept?.mentions === mentions && kept.seed === SEED ? kept : undefined;
  if (!reuse) rmSync(profile, { recursive: true, force: true });
  // A kept profile holds the worker it registered, scripts and all, and would run that again:
  // forgotten, the worker is registered anew from this build.
  else rmSync(join(profile, 'Default', 'Service Worker'), { recursive: true, force: true });
  let ext = await launchExtension(BENCH_DIST, { profile });
  try {
    let load: KeptLoad;
    let settleMs = 0;
    let afterLoad: { p50: number; p95: number; digests: number } | undefined;
    if (reuse) {
      load = reuse;
      log(`${label}: reusing the corpus kept in ${profile} (${load.digests} digests)`);
    } else {
      const page = await ext.context.newPage();
      page.on('console', (m) => m.text().startsWith('bench: ') && log(`${label}: ${m.text().slice(7)}`));
      await page.goto(`chrome-extension://${ext.extensionId}/bench/index.html`);
      log(`${label}: loading ${mentions} mentions`);
      const loaded = await page.evaluate(([m, s]) => (globalThis as any).bench.load(m, s), [mentions, SEED] as const);
      log(`${label}: loaded in ${Math.round(loaded.loadMs / 1000)} s`);
      settleMs = await browserSettled();
      log(`${label}: the browser settled ${Math.round(settleMs / 1000)} s after the load`);
      // The same writes as measured below, in the browser that has just written the whole corpus.
      afterLoad = (await page.evaluate(() => (globalThis as any).bench.indexing())) as { p50: number; p95: number; digests: number };
      load = {
        mentions,
        seed: SEED,
        loadMs: loaded.loadMs,
        loadDigests: loaded.digests,
        duringLoad: loaded.keystrokesDuringLoad,
        merges: loaded.merges,
        digests: afterLoad.digests,
      };
      log(
        `${label}: ${loaded.keystrokesDuringLoad.n} keystrokes during the load, p50 / p95 ${loaded.keystrokesDuringLoad.p50} / ${loaded.keystrokesDuringLoad.p95} ms`,
      );
      writeFileSync(stateFile, JSON.stringify(load satisfies KeptLoad));
      // Everything else is measured in a restarted browser, as a reader's is between syncs (and as
      // a corpus kept with --keep is): not in the one whose storage has just taken the whole load.
      await page.close();
      await ext.close();
      ext = await launchExtension(BENCH_DIST, { profile });
    }
    const startSettleMs = await browserSettled();
    log(`${label}: the restarted browser settled ${Math.round(startSettleMs / 1000)} s after starting`);
    if (reuse) settleMs = startSettleMs;
    const fresh = await ext.context.newPage();
    fresh.on('console', (m) => m.text().startsWith('bench: ') && log(`${label}: ${m.text().slice(7)}`));
    await fresh.goto(`chrome-extension://${ext.extensionId}/bench/index.html`);
    const m = await fresh.evaluate(([lin, s, d]) => (globalThis as any).bench.measure(lin, s, d), [mentions <= 100_000, SEED, load.digests] as const);
    writeFileSync(stateFile, JSON.stringify({ ...load, digests: m.digests } satisfies KeptLoad));
    const samples = m.samples as { arxivId: string; title: string }[];
    await serveCorpusPages(ext.context, new Map(samples.map((s) => [s.arxivId, s.title])));
    const chip = await chipVisibleMs(
      ext,
      samples.slice(0, 11).map((s) => s.arxivId),
    );
    const tab = await ext.context.newPage();
    await tab.goto(`https://arxiv.org/abs/${samples[12]!.arxivId}`);
    const control = await ext.control();
    const tabId = await (await ext.worker()).evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, tab.url());
    await endToEndMs(ext, control, tabId!, 5);
    const panelWarm = await endToEndMs(ext, control, tabId!, 50);
    const others = samples.slice(13).map((s) => `https://arxiv.org/abs/${s.arxivId}`);
    await pageLookupEndToEndMs(tab, 5, others);
    // 200 each: a p95 of 50 is the third slowest, and one hiccup of the machine moves it.
    const { times: warm, floor } = await pageLookupEndToEndMs(tab, 200, others);
    const heapAfterLookups = await workerHeapBytes(ext, control);
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      await stopWorker(ext);
      cold.push(...(await pageLookupEndToEndMs(tab, 1, others.slice(i))).times);
    }
    await stopWorker(ext);
    const popupCold = await popupFirstResultsMs(ext, 1);
    const popup = await popupFirstResultsMs(ext, 5);
    const heapAfterSearch = await workerHeapBytes(ext, control);
    const blank = await blankPageMs(ext, 5);
    // The toolbar's popup, as a reader opens it: the worker stopped before each of three, then
    // warm; beside the same popup made empty.
    const toolbarCold = await toolbarPopupMs(ext, control, 3, { stopped: true });
    const toolbar = await toolbarPopupMs(ext, control, 5);
    const toolbarBlank = await toolbarPopupMs(ext, control, 5, { blank: true });
    const s = m.search;
    log(`${label}: slowest keystrokes (ms): ${(s.slowest as string[]).join(' | ')}`);
    const out: Record<string, number> = {
      [`loadMs_${label}`]: Math.round(load.loadMs),
      [`loadMsPerDigest_${label}`]: r2(load.loadMs / load.loadDigests),
      [`settleMs_${label}`]: Math.round(settleMs),
      [`storageBytes_${label}`]: m.storageBytes,
      [`storageBytesPerMention_${label}`]: Math.round(m.storageBytes / mentions),
      [`workerHeapAfterLookupsMB_${label}`]: r2(heapAfterLookups.used / 2 ** 20),
      [`workerHeapAfterSearchMB_${label}`]: r2(heapAfterSearch.used / 2 ** 20),
      [`keystrokeDuringSyncP50Ms_${label}`]: m.typingDuringSync.p50,
      [`keystrokeDuringSyncP95Ms_${label}`]: m.typingDuringSync.p95,
      ...(load.merges
        ? {
            [`loadMerges_${label}`]: load.merges.n,
            [`loadMergeMs_${label}`]: Math.round(load.merges.ms),
            [`loadMergeHoldMs_${label}`]: Math.round(load.merges.writeMs),
          }
        : {}),
      ...(load.duringLoad ? { [`keystrokeDuringLoadP50Ms_${label}`]: load.duringLoad.p50, [`keystrokeDuringLoadP95Ms_${label}`]: load.duringLoad.p95 } : {}),
      [`rawGetP50Ms_${label}`]: m.lookups.rawGet.p50,
      [`rawGetP95Ms_${label}`]: m.lookups.rawGet.p95,
      [`rawIndexGetP95Ms_${label}`]: m.lookups.rawIndexGet.p95,
      [`lookupP50Ms_${label}`]: m.lookups.lookup.p50,
      [`lookupP95Ms_${label}`]: m.lookups.lookup.p95,
      [`lookupIdP95Ms_${label}`]: m.lookups.lookupId.p95,
      [`lookupTitleP95Ms_${label}`]: m.lookups.lookupTitle.p95,
      [`lookupRepoP95Ms_${label}`]: m.lookups.lookupRepo.p95,
      [`panelViewP50Ms_${label}`]: m.lookups.panel.p50,
      [`panelViewP95Ms_${label}`]: m.lookups.panel.p95,
      [`relatedPerPaper_${label}`]: m.lookups.relatedPerPaper,
      [`relatedByTermsP50Ms_${label}`]: m.lookups.relatedByTerms.p50,
      [`relatedByTermsP95Ms_${label}`]: m.lookups.relatedByTerms.p95,
      [`closestP50Ms_${label}`]: m.lookups.closest.p50,
      [`closestP95Ms_${label}`]: m.lookups.closest.p95,
      [`e2eWarmP50Ms_${label}`]: r2(pct(warm, 50)),
      [`e2eWarmP95Ms_${label}`]: r2(pct(warm, 95)),
      [`e2eColdP50Ms_${label}`]: r2(pct(cold, 50)),
      [`messageFloorP50Ms_${label}`]: r2(pct(floor, 50)),
      [`messageFloorP95Ms_${label}`]: r2(pct(floor, 95)),
      [`panelE2eWarmP50Ms_${label}`]: r2(pct(panelWarm, 50)),
      [`panelE2eWarmP95Ms_${label}`]: r2(pct(panelWarm, 95)),
      [`chipVisibleMs_${label}`]: r2(pct(chip.chip.slice(1), 50)),
      [`pageDomReadyMs_${label}`]: r2(pct(chip.domReady.slice(1), 50)),
      [`chipAfterDomReadyMs_${label}`]: r2(pct(chip.afterDomReady.slice(1), 50)),
      [`lookupsPerNavigation_${label}`]: r2(chip.lookupsPerNavigation),
      [`blankExtensionPageMs_${label}`]: r2(pct(blank, 50)),
      [`popupFirstResultsMs_${label}`]: r2(pct(popup.rows, 50)),
      [`popupInputReadyMs_${label}`]: r2(pct(popup.input, 50)),
      [`popupFirstResultsColdWorkerMs_${label}`]: r2(popupCold.rows[0]!),
      [`toolbarPopupFirstResultsMs_${label}`]: r2(pct(toolbar.shown, 50)),
      [`toolbarPopupInputReadyMs_${label}`]: r2(pct(toolbar.input, 50)),
      [`toolbarPopupColdWorkerMs_${label}`]: r2(pct(toolbarCold.shown, 50)),
      [`toolbarBlankPopupMs_${label}`]: r2(pct(toolbarBlank.shown, 50)),
      [`searchFirstQueryMs_${label}`]: s.firstQueryMs,
      [`searchP50Ms_${label}`]: s.search.p50,
      [`searchP95Ms_${label}`]: s.search.p95,
      [`searchFillP50Ms_${label}`]: s.fill.p50,
      [`searchFillP95Ms_${label}`]: s.fill.p95,
      [`indexMsPerDigestP50_${label}`]: m.indexing.p50,
      [`indexMsPerDigestP95_${label}`]: m.indexing.p95,
      [`writeRecordsMsPerDigest_${label}`]: m.indexing.phases.records,
      [`writeIndexPlanMsPerDigest_${label}`]: m.indexing.phases.index,
      [`writeCommitMsPerDigest_${label}`]: m.indexing.phases.write,
      [`rawRecordWrite100MsP50_${label}`]: m.rawWrites.p50,
      [`newPaperPuts100MsP50_${label}`]: m.newPuts.p50,
      ...(afterLoad ? { [`indexAfterLoadMsPerDigestP50_${label}`]: afterLoad.p50, [`indexAfterLoadMsPerDigestP95_${label}`]: afterLoad.p95 } : {}),
    };
    if (s.linear) {
      Object.assign(out, {
        [`linearScanP50Ms_${label}`]: s.linear.p50,
        [`linearScanP95Ms_${label}`]: s.linear.p95,
        [`linearLoadAllMs_${label}`]: s.loadAllMs,
        [`searchRankMismatches_${label}`]: s.mismatches,
      });
    }
    log(`${label}: ${JSON.stringify(out)}`);
    return out;
  } finally {
    await ext.close();
    if (!values.keep) rmSync(profile, { recursive: true, force: true });
  }
}

const BENCH_README = join(ROOT, 'bench/README.md');
const GENERATED = '<!-- Generated from here on by `npm run bench -- --report`: edit above this line only. -->';

/** Rewrites bench/README.md below its marker with a results file's table and targets. */
function writeReport(saved: Record<string, number | string>, file: string): void {
  const lines: string[] = [];
  const ran = String(saved.sizes).split(',');
  printTable(saved, ran, (l) => lines.push(l));
  printTargets(saved, ran, (l) => lines.push(l));
  const readme = existsSync(BENCH_README) ? readFileSync(BENCH_README, 'utf8') : '# Benchmark\n\n';
  const at = readme.indexOf(GENERATED);
  const head = (at < 0 ? readme : readme.slice(0, at)).trimEnd();
  const when = `${String(saved.date).slice(0, 10)}, commit ${saved.commit}`;
  const body = `## Latest results\n\n\`${relative(ROOT, file)}\` (${when}):\n\n\`\`\`text\n${lines.join('\n').trim()}\n\`\`\`\n`;
  writeFileSync(BENCH_README, `${head}\n\n${GENERATED}\n\n${body}`);
}

if (values.report) {
  // Prints the table and the targets of a results file already written, measuring nothing.
  const file = resolve(ROOT, positionals[0] ?? 'bench/results.json');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number | string>;
  printTable(saved, String(saved.sizes).split(','));
  printTargets(saved, String(saved.sizes).split(','));
  writeReport(saved, file);
  console.log(`written: ${relative(ROOT, BENCH_README)}`);
  process.exit(0);
}

/** Bytes a mention costs per store and index before compression (Node, bench/storage.ts). */
async function logicalStorage(): Promise<Record<string, number>> {
  const r = await measureStorage(STORAGE_MENTIONS, ROOT);
  console.log(storageTable(r));
  const out: Record<string, number> = { storageLogicalMentions: r.mentions };
  for (const c of r.costs) if (c.rows > 0) out[`storageLogical:${c.store}/${c.part}`] = r2((c.keyBytes + c.valueBytes) / r.mentions);
  out.storageLogicalBytesPerMention = Math.round(r.costs.reduce((a, c) => a + c.keyBytes + c.valueBytes, 0) / r.mentions);
  return out;
}

/** Parsing every seed post (Node): the time one post takes, after a warm-up pass. */
function seedParsing(): Record<string, number> {
  const dir = join(ROOT, 'tests/fixtures/seeds');
  const posts = (JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { file: string; url: string }[]).map((e) => ({
    text: readFileSync(join(dir, e.file), 'utf8'),
    url: e.url,
  }));
  const times: number[] = [];
  for (let pass = 0; pass < 3; pass++)
    for (const p of posts) {
      const start = performance.now();
      parseDigestDocument(p.text, { url: p.url });
      if (pass > 0) times.push(performance.now() - start);
    }
  const out = { parsePostP50Ms: r2(pct(times, 50)), parsePostP95Ms: r2(pct(times, 95)), parsePostMaxMs: r2(Math.max(...times)) };
  log(`parse a seed post (${posts.length} posts, two passes): p50 ${out.parsePostP50Ms} ms, p95 ${out.parsePostP95Ms} ms, max ${out.parsePostMaxMs} ms`);
  return out;
}

if (values.storage) {
  await logicalStorage();
  process.exit(0);
}

build();
const cs = contentScript();
const results: Record<string, number | string> = {
  machine: `${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, Chromium headless`,
  date: new Date().toISOString(),
  commit: commitMeasured(),
  sizes: sizes.join(','),
  contentScriptBytes: cs.raw,
  contentScriptGzipBytes: cs.gzip,
};
Object.assign(results, await logicalStorage());
Object.assign(results, seedParsing());
for (const label of sizes) Object.assign(results, await runSize(label, SIZES[label]!));
// The headline keys: the largest size measured stands for each, so a quick run still fills them.
const largest = sizes.at(-1)!;
results.indexMsPerDigest = results[`indexMsPerDigestP50_${largest}`]!;
results.chipVisibleMs = results[`chipVisibleMs_${largest}`]!;
const outFile = join(ROOT, values.quick ? 'bench/results-quick.json' : 'bench/results.json');
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
printTable(results, sizes);
printTargets(results, sizes);
console.log(`written: ${outFile}`);
// Correctness is judged (timings are only reported): the index must rank as the scan does.
const mismatches = sizes.map((s) => Number(results[`searchRankMismatches_${s}`] ?? 0)).reduce((a, b) => a + b, 0);
if (mismatches > 0) {
  console.error(`bench: the index ranked ${mismatches} queries differently from the linear scan`);
  process.exitCode = 1;
}

/** The targets, judged on what this run measured (a size not run is "not measured"). */
function printTargets(r: Record<string, number | string>, ran: readonly string[], out: (line: string) => void = console.log): void {
  const n = (k: string) => (r[k] === undefined ? undefined : Number(r[k]));
  const largest = ran.at(-1)!;
  const rows: [string, number | undefined, string, boolean | undefined][] = [];
  const add = (what: string, value: number | undefined, limit: string, ok: boolean | undefined) => rows.push([what, value, limit, ok]);
  const ratio = (a?: number, b?: number) => (a === undefined || b === undefined || b === 0 ? undefined : Math.round((a / b) * 10) / 10);
  for (const s of ['1m', largest]) {
    const lr = ratio(n(`lookupP95Ms_${s}`), n(`rawGetP95Ms_${s}`));
    if (lr !== undefined) {
      add(`page lookup p95 / raw get p95 (${s})`, lr, '≤ 3', lr <= 3);
      break;
    }
  }
  const e2e = n(`e2eWarmP95Ms_${largest}`);
  add(`page lookup end to end, warm worker p95 (${largest}) ms`, e2e, '≤ 10', e2e === undefined ? undefined : e2e <= 10);
  const panel = n(`panelViewP95Ms_${largest}`);
  add(`side panel view with related papers p95 (${largest}) ms`, panel, '≤ 20', panel === undefined ? undefined : panel <= 20);
  const closest = n(`closestP95Ms_${largest}`);
  add(`closest papers for a page no digest names p95 (${largest}) ms`, closest, '≤ 50', closest === undefined ? undefined : closest <= 50);
  // The toolbar's popup; runs before it had one measure the popup in a tab only.
  const popup = n('toolbarPopupFirstResultsMs_100k') ?? n('popupFirstResultsMs_100k');
  const popupCold = n('toolbarPopupColdWorkerMs_100k') ?? n('popupFirstResultsColdWorkerMs_100k');
  const popupBlank = ratio(popup, n('toolbarBlankPopupMs_100k') ?? n('blankExtensionPageMs_100k'));
  add('popup open → first results, worker stopped (100k) ms', popupCold, '≤ 150', popupCold === undefined ? undefined : popupCold <= 150);
  add('popup open → first results, warm / empty popup (100k)', popupBlank, '≤ 1.3', popupBlank === undefined ? undefined : popupBlank <= 1.3);
  const k100 = n('searchP95Ms_100k');
  add('keystroke p95, first screen (100k) ms', k100, '≤ 16', k100 === undefined ? undefined : k100 <= 16);
  const k1m = n('searchP95Ms_1m');
  add('keystroke p95, first screen (1m) ms', k1m, '≤ 16', k1m === undefined ? undefined : k1m <= 16);
  const kLoad = n(`keystrokeDuringLoadP95Ms_${largest}`);
  add(`keystroke p95 during the load (${largest}) ms`, kLoad, '≤ 100', kLoad === undefined ? undefined : kLoad <= 100);
  const kSync = n(`keystrokeDuringSyncP95Ms_${largest}`);
  add(`keystroke p95 while a sync writes (${largest}) ms`, kSync, '≤ 100', kSync === undefined ? undefined : kSync <= 100);
  const bytes = n('storageBytesPerMention_1m');
  add('storage a mention (1m) B', bytes, '≤ 600', bytes === undefined ? undefined : bytes <= 600);
  const load1m = n('loadMs_1m');
  add(
    'whole 1m load, merges included, min',
    load1m === undefined ? undefined : r2(load1m / 60_000),
    '≤ 6',
    load1m === undefined ? undefined : load1m <= 360_000,
  );
  for (const [what, key] of [
    ['after lookups', 'workerHeapAfterLookupsMB'],
    ['after a search', 'workerHeapAfterSearchMB'],
  ] as const) {
    const heap = n(`${key}_${largest}`);
    add(`service worker JS heap ${what} (${largest}) MB`, heap, '≤ 32', heap === undefined ? undefined : heap <= 32);
  }
  const s50 = ratio(n('linearScanP50Ms_100k'), n('searchP50Ms_100k'));
  const s95 = ratio(n('linearScanP95Ms_100k'), n('searchP95Ms_100k'));
  add('linear scan / search, p50 (100k)', s50, '≥ 20', s50 === undefined ? undefined : s50 >= 20);
  add('linear scan / search, p95 (100k)', s95, '≥ 20', s95 === undefined ? undefined : s95 >= 20);
  const idx = n(`indexMsPerDigestP50_${largest}`);
  add(`index one 100-paper digest p50 (${largest}) ms`, idx, '≤ 100', idx === undefined ? undefined : idx <= 100);
  const idxAfterLoad = n(`indexAfterLoadMsPerDigestP50_${largest}`);
  add(`  the same, right after the load, no restart (${largest}) ms`, idxAfterLoad, '≤ 100', idxAfterLoad === undefined ? undefined : idxAfterLoad <= 100);
  const load = n(`loadMsPerDigest_${largest}`);
  add(`whole corpus, merges included, per digest (${largest}) ms`, load, '≤ 100', load === undefined ? undefined : load <= 100);
  const gz = n('contentScriptGzipBytes');
  add('content script gzip bytes', gz, '≤ 5120', gz === undefined ? undefined : gz <= 5120);
  const chip = n(`chipVisibleMs_${largest}`);
  add(`navigation → chip visible, median (${largest}) ms`, chip, '≤ 100', chip === undefined ? undefined : chip <= 100);
  out('\ntargets');
  for (const [what, value, limit, ok] of rows)
    out(`${ok === undefined ? '  –' : ok ? '  ✓' : '  ✗'} ${what.padEnd(58)}${String(value ?? 'not measured').padStart(14)}  ${limit}`);
}

function printTable(r: Record<string, number | string>, sizes: readonly string[], out: (line: string) => void = console.log): void {
  const rows: [string, ...string[]][] = [
    ['raw IndexedDB get p50 / p95 (ms)', 'rawGetP50Ms', 'rawGetP95Ms'],
    ['page lookup (paper and its mentions) p50 / p95 (ms)', 'lookupP50Ms', 'lookupP95Ms'],
    ['side panel view (+ digests, related papers) p50 / p95 (ms)', 'panelViewP50Ms', 'panelViewP95Ms'],
    ['  of which related by shared title words alone p50 / p95 (ms)', 'relatedByTermsP50Ms', 'relatedByTermsP95Ms'],
    ['closest papers for a page no digest names p50 / p95 (ms)', 'closestP50Ms', 'closestP95Ms'],
    ['page lookup from the content script, warm worker p50 / p95 (ms)', 'e2eWarmP50Ms', 'e2eWarmP95Ms'],
    ['the same, worker stopped before each, p50 (ms)', 'e2eColdP50Ms', 'e2eColdP50Ms'],
    ['floor: a message the worker declines, p50 / p95 (ms)', 'messageFloorP50Ms', 'messageFloorP95Ms'],
    ['side panel view via the worker, warm p50 / p95 (ms)', 'panelE2eWarmP50Ms', 'panelE2eWarmP95Ms'],
    ['search keystroke, first screen (12 results) p50 / p95 (ms)', 'searchP50Ms', 'searchP95Ms'],
    ['  then the rest of its page (30 results) p50 / p95 (ms)', 'searchFillP50Ms', 'searchFillP95Ms'],
    ['linear scan p50 / p95 (ms)', 'linearScanP50Ms', 'linearScanP95Ms'],
    ['load all records for the scan (ms)', 'linearLoadAllMs', 'linearLoadAllMs'],
    ['toolbar popup open → first results, warm / worker stopped (ms)', 'toolbarPopupFirstResultsMs', 'toolbarPopupColdWorkerMs'],
    ["toolbar popup open → search box exists / empty popup's first frame (ms)", 'toolbarPopupInputReadyMs', 'toolbarBlankPopupMs'],
    ['popup in a tab → first results, warm / worker stopped (ms)', 'popupFirstResultsMs', 'popupFirstResultsColdWorkerMs'],
    ['popup in a tab → search box exists (ms)', 'popupInputReadyMs', 'popupInputReadyMs'],
    ['first search of a context (vocabulary read) (ms)', 'searchFirstQueryMs', 'searchFirstQueryMs'],
    ['index one 100-paper digest p50 / p95 (ms)', 'indexMsPerDigestP50', 'indexMsPerDigestP95'],
    ['  the same, in the browser that has just loaded the corpus (ms)', 'indexAfterLoadMsPerDigestP50', 'indexAfterLoadMsPerDigestP95'],
    ['  of which reads / ids / documents, writes, commit, mean (ms)', 'writeRecordsMsPerDigest', 'writeIndexPlanMsPerDigest', 'writeCommitMsPerDigest'],
    ['floor: 100 stored papers read and written back, p50 (ms)', 'rawRecordWrite100MsP50', 'rawRecordWrite100MsP50'],
    ['floor: 100 new papers put (five indexes), nothing read, p50 (ms)', 'newPaperPuts100MsP50', 'newPaperPuts100MsP50'],
    ['whole corpus load (s)', 'loadMs', 'loadMs'],
    ['  its merges: how many / start to end / holding the stores (s)', 'loadMerges', 'loadMergeMs', 'loadMergeHoldMs'],
    ['then until the browser is idle (LevelDB compaction) (s)', 'settleMs', 'settleMs'],
    ['storage (MB) / a mention (B)', 'storageBytes', 'storageBytesPerMention'],
    ['keystroke during the load p50 / p95 (ms)', 'keystrokeDuringLoadP50Ms', 'keystrokeDuringLoadP95Ms'],
    ['keystroke while a sync writes (one digest a transaction) p50 / p95 (ms)', 'keystrokeDuringSyncP50Ms', 'keystrokeDuringSyncP95Ms'],
    ['service worker JS heap after lookups / after a search (MB)', 'workerHeapAfterLookupsMB', 'workerHeapAfterSearchMB'],
    ['empty extension page: navigation → first frame (ms)', 'blankExtensionPageMs', 'blankExtensionPageMs'],
    ['navigation → chip visible, median (ms)', 'chipVisibleMs', 'chipVisibleMs'],
    ['arXiv page: navigation → DOMContentLoaded / chip after it (ms)', 'pageDomReadyMs', 'chipAfterDomReadyMs'],
    ['arXiv page: lookups per navigation (no panel open)', 'lookupsPerNavigation', 'lookupsPerNavigation'],
  ];
  out(`\n${r.machine}\n${'measurement'.padEnd(64)}${sizes.map((s) => s.padStart(22)).join('')}`);
  for (const [label, ...keys] of rows) {
    const cell = (s: string) => {
      const xs = [...new Set(keys)].map((k) => r[`${k}_${s}`]);
      if (xs[0] === undefined) return 'n/a';
      if (keys[0] === 'loadMs' || keys[0] === 'settleMs') return `${Math.round(Number(xs[0]) / 1000)}`;
      if (keys[0] === 'loadMerges') return [String(xs[0]), ...xs.slice(1).map((x) => String(Math.round(Number(x) / 100) / 10))].join(' / ');
      if (keys[0] === 'storageBytes') return [`${Math.round(Number(xs[0]) / 2 ** 20)}`, ...xs.slice(1).map(String)].join(' / ');
      return xs.map((x) => (typeof x === 'number' ? String(Math.round(x * 10) / 10) : String(x))).join(' / ');
    };
    out(`${label.padEnd(64)}${sizes.map((s) => cell(s).padStart(22)).join('')}`);
  }
  out(`content script: ${r.contentScriptBytes} B raw, ${r.contentScriptGzipBytes} B gzip`);
  if (r.parsePostP50Ms !== undefined) out(`parse a seed post (Node): p50 ${r.parsePostP50Ms} ms, p95 ${r.parsePostP95Ms} ms, max ${r.parsePostMaxMs} ms`);
  const logical = Object.entries(r)
    .filter(([k]) => k.startsWith('storageLogical:'))
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  if (logical.length > 0) {
    out(`\nbytes a mention before compression, by store/index (${r.storageLogicalMentions} mentions, Node): ${r.storageLogicalBytesPerMention} in all`);
    for (const [k, v] of logical) out(`  ${k.slice('storageLogical:'.length).padEnd(30)}${String(v).padStart(10)}`);
  }
}

/**
 * The popup and the side panel as one script and one style sheet each.
 *
 * Vite splits the modules the extension's pages and its worker share into common chunks: the
 * popup loaded eight scripts and two style sheets. Every file an extension page loads is a
 * request to the browser's extension loader, and on a busy 2-core machine those requests, not the
 * 35 KB they carry, were most of the time from the page's parsed HTML to its search box (bench:
 * "popup open → first results"). So after the build, each page named here gets its script built
 * again with nothing split off (a second build with `codeSplitting: false`, the same transforms),
 * its style sheets joined in order, and its HTML pointed at the two; the chunks and style sheets
 * only these pages used are removed. Options and the first-run page keep the shared chunks: they
 * are opened rarely, and options starts a worker a one-file build would have to inline.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';

export interface SingleFilePage {
  /** The page as the manifest names it, e.g. `src/popup/index.html`. */
  readonly html: string;
  /** Its script, the one the HTML loads. */
  readonly entry: string;
  /** A short name for the output files, e.g. `popup`. */
  readonly name: string;
}

const SCRIPT = /\s*<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>/g;
const PRELOAD = /\s*<link\b[^>]*\brel="modulepreload"[^>]*>/g;
const STYLESHEET = /\s*<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g;

const hash8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);
/** `/assets/x.js` (as the HTML says) → the file in the output folder. */
const fileOf = (outDir: string, href: string) => join(outDir, href.replace(/^\//, ''));

export function singleFilePages(pages: readonly SingleFilePage[]): Plugin {
  let config: ResolvedConfig;
  let outDir = '';
  let chunks: Rolldown.OutputChunk[] = [];
  return {
    name: 'digest-lens:single-file-pages',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      chunks = Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
    },
    async closeBundle() {
      const sheetsLinked = new Set<string>();
      for (const page of pages) {
        const htmlFile = join(outDir, page.html);
        let html = readFileSync(htmlFile, 'utf8');
        const scripts = [...html.matchAll(SCRIPT)].map((m) => m[1]!);
        const sheets = [...html.matchAll(STYLESHEET)].map((m) => m[1]!);
        if (scripts.length !== 1) throw new Error(`${page.html}: expected one script, found ${scripts.length}`);
        const code = await bundleAlone(config, page.entry);
        const css = sheets.map((href) => readFileSync(fileOf(outDir, href), 'utf8')).join('\n');
        const js = `assets/${page.name}-${hash8(code)}.js`;
        writeFileSync(join(outDir, js), code);
        html = html.replace(SCRIPT, '').replace(PRELOAD, '').replace(STYLESHEET, '');
        let tags = `\n    <script type="module" src="/${js}"></script>`;
        if (css) {
          const sheet = `assets/${page.name}-${hash8(css)}.css`;
          writeFileSync(join(outDir, sheet), css);
          tags += `\n    <link rel="stylesheet" href="/${sheet}">`;
        }
        writeFileSync(htmlFile, html.replace(/\s*<\/head>/, `${tags}\n  </head>`));
        for (const href of sheets) sheetsLinked.add(href.replace(/^\//, ''));
      }
      removeUnused(outDir, chunks, pages, sheetsLinked);
    },
  };
}

/** The page's script and everything it imports, in one ES module, with the main build's transforms. */
async function bundleAlone(config: ResolvedConfig, entry: string): Promise<string> {
  const out = await build({
    configFile: false,
    root: config.root,
    logLevel: 'warn',
    oxc: config.oxc,
    build: {
      write: false,
      target: config.build.target,
      minify: config.build.minify,
      modulePreload: false,
      rolldownOptions: { input: resolve(config.root, entry), output: { format: 'es', codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const files = outputs.flatMap((o) => o.output);
  const chunk = files.find((f): f is Rolldown.OutputChunk => f.type === 'chunk');
  if (!chunk || files.length !== 1) throw new Error(`${entry}: a one-file build gave ${files.map((f) => f.fileName).join(', ')}`);
  return chunk.code;
}

/**
 * Removes the chunks no remaining entry reaches (the pages' own entries and the common chunks
 * only they imported), and the style sheets the rewritten pages linked that nothing else loads.
 */
function removeUnused(outDir: string, chunks: readonly Rolldown.OutputChunk[], pages: readonly SingleFilePage[], sheets: ReadonlySet<string>): void {
  const pageEntries = new Set(pages.map((p) => resolve(p.html)));
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name)) return;
    reached.add(name);
    const c = byName.get(name);
    for (const next of [...(c?.imports ?? []), ...(c?.dynamicImports ?? [])]) visit(next);
    for (const css of c?.viteMetadata?.importedCss ?? []) reached.add(css);
  };
  for (const c of chunks) if (c.isEntry && !(c.facadeModuleId && pageEntries.has(resolve(c.facadeModuleId)))) visit(c.fileName);
  // And whatever any page's HTML still loads.
  for (const html of readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
    for (const m of readFileSync(join(outDir, html), 'utf8').matchAll(/\b(?:src|href)="\/([^"]+)"/g)) visit(m[1]!);
  }
  for (const name of sheets) {
    if (reached.has(name)) continue;
    const file = join(outDir, name);
    if (existsSync(file)) rmSync(file);
  }
  for (const c of chunks) if (!reached.has(c.fileName) && existsSync(join(outDir, c.fileName))) rmSync(join(outDir, c.fileName));
}

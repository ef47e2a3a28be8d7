// Import boundaries, checked by reading every source file's imports (typescript-eslint does not
// support TypeScript 7 yet, so this test does the job of lint's no-restricted-paths zones).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

// Imports that bring values (not `import type`): what a page may not take from src/sync.
const VALUE_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const withoutComments = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function area(file: string): string {
  const rel = relative(src, file).split(sep);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.tsx?$/, '');
}

// Packages core may use: pure, DOM-free, and runnable in Node, a worker and a page.
const CORE_PACKAGES = new Set(['htmlparser2', 'entities', 'github-reserved-names', 'domhandler', 'domutils']);
const UI_AREAS = new Set(['sidepanel', 'popup', 'options', 'firstrun']);

const withExtension = (path: string): string => (/\.(tsx?|json|css)$/.test(path) ? path : `${path}.ts`);

interface Edge {
  from: string;
  spec: string;
  target: string | undefined;
}

function edges(): Edge[] {
  return files(src).flatMap((file) =>
    importsOf(file).map((spec) => ({
      from: file,
      spec,
      target: spec.startsWith('.') ? withExtension(resolve(dirname(file), spec)) : undefined,
    })),
  );
}

describe('import boundaries', () => {
  const all = edges().filter((e) => !/\.test\.tsx?$/.test(e.from));

  it('finds the source files it checks', () => {
    expect(all.some((e) => area(e.from) === 'core')).toBe(true);
  });

  it('core imports nothing outside itself but pure packages', () => {
    const bad = all
      .filter((e) => area(e.from) === 'core')
      // node: modules are forbidden too: core also runs in the service worker and pages.
      .filter((e) => (e.target ? !e.target.startsWith(join(src, 'core') + sep) : !CORE_PACKAGES.has(e.spec.split('/')[0]!)))
      .map((e) => `${relative(root, e.from)} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('the content script never touches IndexedDB code or UI', () => {
    const bad = all
      .filter((e) => area(e.from) === 'content' && e.target)
      .filter((e) => {
        const to = area(e.target!);
        return to !== 'content' && to !== 'messages' && to !== 'transport' && to !== 'core';
      })
      .map((e) => `${relative(root, e.from)} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('the message contract depends on core alone, never on storage, sync or the transport', () => {
    const bad = all
      .filter((e) => area(e.from) === 'messages')
      .filter((e) => !e.target || area(e.target) !== 'core')
      .map((e) => `${relative(root, e.from)} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('UI folders never import each other', () => {
    const bad = all
      .filter((e) => UI_AREAS.has(area(e.from)) && e.target)
      .filter((e) => {
        const to = area(e.target!);
        return UI_AREAS.has(to) && to !== area(e.from);
      })
      .map((e) => `${relative(root, e.from)} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('ui components call no extension API (the pages pass them what they need)', () => {
    const bad = files(src)
      .filter((f) => area(f) === 'ui' && !/\.test\./.test(f))
      .filter((f) => /(?<![\w.])(api|browser|chrome)\.\w/.test(withoutComments(readFileSync(f, 'utf8'))))
      .map((f) => relative(root, f));
    expect(bad).toEqual([]);
  });

  it('nothing outside src/db opens the database: src/db exports functions, not the handle', () => {
    const bad = files(src)
      .filter((f) => area(f) !== 'db')
      .filter((f) => /\bopenDb\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(bad).toEqual([]);
  });

  // src/db holds two rooms: the paper records (src/db/records) and the search index's storage
  // (src/db/search), beside what both share (schema.ts, tx.ts) and the facade (index.ts).
  const db = join(src, 'db');
  const roomOf = (file: string): string | undefined => {
    const rel = relative(db, file).split(sep);
    return rel.length > 1 && !rel[0]!.startsWith('..') ? rel[0] : undefined;
  };
  const entryOf = (room: string): string => join(db, room, 'index.ts');

  it('each storage room is entered only through its index.ts', () => {
    const bad = all
      .filter((e) => e.target && roomOf(e.target) !== undefined && roomOf(e.target) !== roomOf(e.from))
      .filter((e) => e.target !== entryOf(roomOf(e.target!)!))
      .map((e) => `${relative(root, e.from)} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('the search room never reaches into the records room (records write the index, not the reverse)', () => {
    const bad = all
      .filter((e) => roomOf(e.from) === 'search' && e.target && roomOf(e.target) === 'records')
      .map((e) => `${relative(root, e.from)} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  // The popup reads the search index itself while a stopped worker starts (src/db/page-search.ts).
  const pageSearch = join(db, 'page-search.ts');

  it('the rest of the extension reaches storage only through src/db/index.ts (the popup also through page-search.ts)', () => {
    const bad = all
      .filter((e) => area(e.from) !== 'db' && e.target && area(e.target) === 'db')
      .filter((e) => e.target !== join(db, 'index.ts') && !(e.target === pageSearch && area(e.from) === 'popup'))
      .map((e) => `${relative(root, e.from)} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('pages take nothing but types from src/db, but for the popup its read-only search', () => {
    const bad = files(src)
      .filter((f) => UI_AREAS.has(area(f)) && !/\.test\./.test(f))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(VALUE_IMPORT)].map((m) => ({ f, spec: m[1] ?? m[2]! })))
      .filter(({ f, spec }) => spec.startsWith('.') && area(withExtension(resolve(dirname(f), spec))) === 'db')
      .filter(({ f, spec }) => !(area(f) === 'popup' && withExtension(resolve(dirname(f), spec)) === pageSearch))
      .map(({ f, spec }) => `${relative(root, f)} → ${spec}`);
    expect(bad).toEqual([]);
  });

  it('what a page may take from src/db searches and writes nothing', () => {
    const exported = [...readFileSync(pageSearch, 'utf8').matchAll(/^export\s+(?:async\s+)?(?:function|const|class)\s+(\w+)/gm)].map((m) => m[1]);
    expect(exported.sort()).toEqual(['openSearchInPage', 'prepareSearchInPage', 'searchInPage']);
    // Its one way to the records is the popup's answer; the rest is the search room's way in.
    const reached = importsOf(pageSearch).filter((spec) => spec.startsWith('.'));
    expect(reached.sort()).toEqual(['../core/search/answer.ts', './records/index.ts', './schema.ts', './search/index.ts']);
  });

  it('src/db has no import cycles', () => {
    const next = new Map<string, string[]>();
    for (const e of all) if (area(e.from) === 'db' && e.target && area(e.target) === 'db') next.set(e.from, [...(next.get(e.from) ?? []), e.target]);
    const done = new Set<string>();
    const cycles: string[] = [];
    const walk = (file: string, path: string[]): void => {
      if (path.includes(file)) {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(db, f)).join(' → '));
        return;
      }
      if (done.has(file)) return;
      for (const to of next.get(file) ?? []) walk(to, [...path, file]);
      done.add(file);
    };
    for (const file of next.keys()) walk(file, []);
    expect(cycles).toEqual([]);
  });

  it('pages reach src/sync only through messages (types aside)', () => {
    const bad = files(src)
      .filter((f) => UI_AREAS.has(area(f)) && !/\.test\./.test(f))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(VALUE_IMPORT)].map((m) => ({ f, spec: m[1]! })))
      .filter(({ f, spec }) => spec.startsWith('.') && area(withExtension(resolve(dirname(f), spec))) === 'sync')
      .map(({ f, spec }) => `${relative(root, f)} → ${spec}`);
    expect(bad).toEqual([]);
  });
});

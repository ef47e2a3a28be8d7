// web-ext lint warns that preact's renderer assigns innerHTML (for dangerouslySetInnerHTML). The
// docs/release.md explains that warning away because our code never gives preact HTML: this keeps it true.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
  );

it('no extension code sets HTML from a string', () => {
  const offenders = files(SRC).filter((f) => /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});

// Addresses in digests, sync reports and web pages are untrusted: every link an extension page
// renders goes through the one safe-link component (src/ui/external-link.tsx, http(s) only), and
// every tab or link opened from code through safeHref or the extension's own pages.
const rel = (f: string) => f.slice(SRC.length + 1);
const SAFE_LINK = 'ui/external-link.tsx';

it('every href an extension page renders goes through the safe-link component', () => {
  const offenders = files(SRC)
    .filter((f) => rel(f) !== SAFE_LINK && !rel(f).startsWith('core/'))
    .flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      // An intrinsic element (<a>, <area>, …) given an href in JSX, or one set from code.
      const jsx = f.endsWith('.tsx') ? [...text.matchAll(/<([a-z][a-z0-9-]*)\b[^<>]*?\bhref\s*=/gs)].map((m) => `<${m[1]} href=`) : [];
      const dom = [...text.matchAll(/setAttribute\(\s*['"]href['"]|\.href\s*=(?!=)/g)].map((m) => m[0]);
      return [...jsx, ...dom].map((hit) => `${rel(f)}: ${hit}`);
    })
    // The download helper's link is a blob: address it made itself (URL.createObjectURL), clicked and dropped at once.
    .filter(
      (o) =>
        !(
          o === 'options/download.ts: .href =' &&
          /a\.href = url;/.test(readFileSync(join(SRC, 'options/download.ts'), 'utf8')) &&
          /const url = URL\.createObjectURL\(/.test(readFileSync(join(SRC, 'options/download.ts'), 'utf8'))
        ),
    );
  expect(offenders).toEqual([]);
});

it('the check above catches a raw link', () => {
  const sample = '<li><a href={f.url} target="_blank">{f.title}</a></li>';
  expect([...sample.matchAll(/<([a-z][a-z0-9-]*)\b[^<>]*?\bhref\s*=/gs)]).toHaveLength(1);
  expect([...'<ExternalLink href={f.url}>x</ExternalLink>'.matchAll(/<([a-z][a-z0-9-]*)\b[^<>]*?\bhref\s*=/gs)]).toHaveLength(0);
});

it('the safe-link component keeps only http(s) addresses', async () => {
  const { safeHref } = await import('../src/ui/safe-href.ts');
  for (const bad of [
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,x',
    'chrome-extension://x/y',
    'file:///etc/passwd',
    'https://user:pw@evil.example/',
  ])
    expect(safeHref(bad)).toBeUndefined();
  expect(safeHref('https://scipapermill.com/a')).toBe('https://scipapermill.com/a');
});

it('tabs are opened only on safeHref addresses or the extension’s own pages', () => {
  const offenders = files(SRC).flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return [...text.matchAll(/tabs\.create\(\{\s*url:\s*([^,}]+)/g)]
      .map((m) => m[1]!.trim())
      .filter((arg) => !/^api\.runtime\.getURL\(/.test(arg) && !(arg === 'url' && /const url = safeHref\(/.test(text)))
      .map((arg) => `${rel(f)}: tabs.create({ url: ${arg} })`);
  });
  expect(offenders).toEqual([]);
});

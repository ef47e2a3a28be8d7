import { describe, expect, it } from 'vitest';
import { safeHref } from './safe-href.ts';

describe('safeHref', () => {
  it.each([
    ['https://arxiv.org/abs/2602.22544', 'https://arxiv.org/abs/2602.22544'],
    ['http://example.org/x?y=1#z', 'http://example.org/x?y=1#z'],
    ['  https://github.com/chr-is-tof/RADE-Net  ', 'https://github.com/chr-is-tof/RADE-Net'],
    ['HTTPS://GitHub.com/a/b', 'https://github.com/a/b'],
  ])('keeps %s', (input, expected) => expect(safeHref(input)).toBe(expected));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'chrome-extension://abc/page.html',
    'ftp://example.org/x',
    '//evil.example/x',
    '/relative/path',
    'https://user:pass@evil.example/',
    'https://good.example@evil.example/',
    'not a url',
    '',
    `https://example.org/${'a'.repeat(3000)}`,
  ])('rejects %s', (input) => expect(safeHref(input)).toBeUndefined());

  it('rejects non-strings', () => {
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref(null)).toBeUndefined();
    expect(safeHref(42 as unknown as string)).toBeUndefined();
  });
});

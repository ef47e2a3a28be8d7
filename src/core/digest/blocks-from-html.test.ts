import { describe, expect, it } from 'vitest';
import { blocksFromHtml } from './blocks-from-html.ts';

function read(html: string) {
  const warnings: string[] = [];
  const { blocks } = blocksFromHtml(html, warnings);
  return { blocks, warnings };
}

describe('blocksFromHtml', () => {
  it('makes headings, paragraphs and nested list items', () => {
    const { blocks } = read(
      '<h3>Latest 5 papers on x: Jan. 1, 2026</h3><p>Intro  text\n here.</p><ul><li>Cat:<ul><li>One</li><li>Two</li></ul></li><li>Three</li></ul>',
    );
    expect(blocks.map((b) => [b.kind, b.depth, b.text])).toEqual([
      ['heading', 0, 'Latest 5 papers on x: Jan. 1, 2026'],
      ['paragraph', 0, 'Intro text here.'],
      ['item', 0, 'Cat:'],
      ['item', 1, 'One'],
      ['item', 1, 'Two'],
      ['item', 0, 'Three'],
    ]);
  });

  it('keeps links, emphasis and strong text with offsets into the plain text', () => {
    const { blocks } = read(
      '<p>From <em>Sun Yat-Sen University</em>, <a href="https://arxiv.org/pdf/2604.14779">AIM: Masking</a> and <strong>key idea</strong>.</p>',
    );
    const b = blocks[0]!;
    expect(b.text).toBe('From Sun Yat-Sen University, AIM: Masking and key idea.');
    expect(b.em.map((r) => b.text.slice(r.start, r.end))).toEqual(['Sun Yat-Sen University']);
    expect(b.strong.map((r) => b.text.slice(r.start, r.end))).toEqual(['key idea']);
    expect(b.links).toEqual([{ href: 'https://arxiv.org/pdf/2604.14779', text: 'AIM: Masking', start: 29, end: 41 }]);
  });

  it('decodes entities', () => {
    expect(read('<p>FL&#8217;s &amp; &#8220;x&#8221;</p>').blocks[0]!.text).toBe('FL’s & “x”');
  });

  it('drops scripts, styles and sharing widgets', () => {
    const { blocks } = read(
      '<p>Keep</p><script>var x = "<p>no</p>";</script><style>p{}</style><div class="sharedaddy"><h3>Share this:</h3></div><p>Also keep</p>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Keep', 'Also keep']);
  });

  it('notes HTML that stops mid-element (the samples do)', () => {
    const { blocks, warnings } = read('<h3>Latest 5 papers on x: Jan. 1, 2026</h3><p>cut off here <a href="https://arx');
    expect(blocks.map((b) => b.text)).toEqual(['Latest 5 papers on x: Jan. 1, 2026', 'cut off here']);
    expect(warnings.join()).toMatch(/truncated/);
  });

  it('stops reading absurdly deep nesting instead of going quadratic', () => {
    const { warnings } = read(`<p>x</p>${'<div>'.repeat(100_000)}`);
    expect(warnings.join()).toMatch(/nested too deeply/);
  });
});

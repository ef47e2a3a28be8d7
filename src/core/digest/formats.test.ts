// The crafted fixtures in tests/fixtures/digests (one per input form) and the errors each form
// can end in. Expected values were written from the fixtures by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Digest, DigestParseError, type PaperMention, parseDigestDocument, parsePostContent } from './index.ts';

const DIR = join(import.meta.dirname, '../../../tests/fixtures/digests');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

function paper(d: Digest, name: string): PaperMention {
  const p = d.papers.find((x) => x.name === name);
  expect(p, name).toBeDefined();
  return p!;
}

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DigestParseError);
    return (e as DigestParseError).reason;
  }
  throw new Error('expected a DigestParseError');
}

describe('a WordPress post’s HTML (wp-post-crafted.html)', () => {
  const d = parsePostContent(read('wp-post-crafted.html'), {
    format: 'html',
    url: 'https://scipapermill.com/2026/09/06/continual-learning-remembering-without-replay/',
    id: '7100',
    title: 'Continual Learning&#8217;s Memory Tricks',
  });

  it('reads the header with a "Sept." date and decodes the given title', () => {
    expect(d).toMatchObject({
      id: 'scipapermill.com:7100',
      source: 'scipapermill.com',
      format: 'html',
      title: 'Continual Learning’s Memory Tricks',
      topic: 'continual learning',
      date: '2026-09-06',
      paperCount: 52,
    });
    expect(d.warnings).toEqual([]);
    expect(d.intro).toMatch(/^Continual learning asks/);
  });

  it('merges each paper across the three sections', () => {
    expect(paper(d, 'LoRA-Keep')).toMatchObject({
      title: 'LoRA-Keep: Low-Rank Adapters That Never Forget',
      arxivId: '2609.01234',
      institutions: ['Tsinghua University', 'Peking University'],
      datasets: ['Split CIFAR-100', 'CORe50'],
      codeUrls: [{ url: 'https://github.com/thu-ml/LoRA-Keep', kind: 'repo', github: 'thu-ml/lora-keep' }],
      sections: ['bigIdeas', 'underTheHood', 'impact'],
      theme: 0,
    });
    expect(paper(d, 'PROMPT-CL')).toMatchObject({
      institutions: ['KAIST'],
      datasets: ['ImageNet-R', 'DomainNet'],
      codeUrls: [{ url: 'https://github.com/kaist-ai', kind: 'org', github: 'kaist-ai' }],
      sections: ['bigIdeas', 'underTheHood', 'impact'],
    });
  });

  it('follows links around quotes and around authors’ names', () => {
    expect(paper(d, 'Sparse Routers for Task-Incremental Vision Transformers')).toMatchObject({ arxivId: '2609.02345', institutions: ['ETH Zurich'] });
    expect(paper(d, 'Replay Budgets That Scale')).toMatchObject({
      arxivId: '2609.03456',
      authors: ['Chen'],
      institutions: ['University of Oxford'],
      sections: ['bigIdeas', 'impact'],
    });
  });

  it('ignores a broken link target and flags placeholder people', () => {
    expect(paper(d, 'Forgetting Bounds for Overparameterized Networks')).toMatchObject({
      authors: ['John Doe', 'Jane Smith'],
      placeholderAuthors: true,
      codeUrls: [],
    });
    expect(paper(d, 'Forgetting Bounds for Overparameterized Networks').arxivId).toBeUndefined();
  });

  it('reads "(paper)" links, project sites, DOIs and arXiv "Code:" links in bullets', () => {
    expect(paper(d, 'StreamBench')).toMatchObject({ arxivId: '2609.04567', codeUrls: [{ url: 'https://streambench.ai', kind: 'site' }] });
    expect(paper(d, 'CLEAR-Eval')).toMatchObject({ arxivId: '2609.05678', codeUrls: [] });
  });

  it('makes themes of paragraphs (with key phrases) and of categories, keeping the empty one', () => {
    expect(d.themes.map((t) => [t.section, t.title])).toEqual([
      ['bigIdeas', 'Parameter isolation'],
      ['bigIdeas', 'Rehearsal under a budget'],
      ['bigIdeas', 'Theory'],
      ['underTheHood', 'Continual Learning Frameworks'],
      ['underTheHood', 'Benchmarks'],
      ['underTheHood', 'Tooling'],
    ]);
    expect(d.themes[0]!.keyPhrases).toEqual(['parameter isolation']);
    expect(d.themes[5]!.summary).toBe('');
    expect(paper(d, 'StreamBench').theme).toBe(4);
  });

  it('reads the same HTML through parseDigestDocument', () => {
    const { digests } = parseDigestDocument(read('wp-post-crafted.html'), { url: 'https://scipapermill.com/?p=7100' });
    expect(digests[0]).toMatchObject({ format: 'html', topic: 'continual learning', source: 'scipapermill.com' });
    expect(digests[0]!.papers).toHaveLength(d.papers.length);
  });
});

describe('an RSS2 feed with two items (rss-feed-two-items.xml)', () => {
  const result = parseDigestDocument(read('rss-feed-two-items.xml'));

  it('yields one digest per item, in order, keyed by the guid’s post id', () => {
    expect(result.errors).toEqual([]);
    expect(result.digests.map((d) => [d.id, d.format, d.title, d.topic, d.date, d.paperCount])).toEqual([
      ['scipapermill.com:7101', 'rss', 'Graph Neural Networks’ Depth Problem, Rewired', 'graph neural networks', '2026-09-06', 24],
      ['scipapermill.com:7102', 'rss', 'Speech Recognition on a Microcontroller', 'speech recognition', '2026-09-06', 12],
    ]);
    expect(result.digests[0]!.url).toBe('https://scipapermill.com/2026/09/06/graph-neural-networks-depth-problem-rewired/');
    expect(result.digests[0]!.modified).toBeUndefined();
  });

  it('reads the papers from content:encoded', () => {
    const [gnn, speech] = result.digests;
    expect(gnn!.papers).toHaveLength(1);
    expect(gnn!.papers[0]).toMatchObject({
      title: 'Deep GNNs Without Over-Smoothing via Residual Rewiring',
      arxivId: '2609.11111',
      authors: ['Maria Rossi', 'Luca Bianchi'],
      institutions: ['Politecnico di Milano'],
      datasets: ['Cora', 'CiteSeer', 'PubMed'],
      codeUrls: [{ url: 'https://gitlab.com/polimi-gnn/rewire', kind: 'repo' }],
      sections: ['bigIdeas', 'underTheHood', 'impact'],
    });
    expect(speech!.papers[0]).toMatchObject({
      name: 'TinyWhisper',
      arxivId: '2609.22222',
      institutions: ['Carnegie Mellon University'],
      datasets: ['LibriSpeech', 'FLEURS'],
      codeUrls: [{ url: 'https://huggingface.co/cmu-asr/tinywhisper', kind: 'repo' }],
    });
  });

  it('reports an item with no digest in it and keeps the others', () => {
    const xml = read('rss-feed-two-items.xml')
      .replace('<h3>Latest 12 papers on speech recognition: Sep. 6, 2026</h3>', '')
      .replace(/<h3 id="[^"]*">[^<]*<\/h3>/g, '');
    const r = parseDigestDocument(xml);
    expect(r.digests.map((d) => d.id)).toEqual(['scipapermill.com:7101']);
    expect(r.errors).toEqual([{ item: 'https://scipapermill.com/?p=7102', message: expect.stringMatching(/no digest here/) }]);
  });
});

describe('a saved post page (saved-post-page.html)', () => {
  const [d] = parseDigestDocument(read('saved-post-page.html')).digests;

  it('reads metadata from the head and the post id from the shortlink', () => {
    expect(d).toMatchObject({
      id: 'scipapermill.com:7200',
      url: 'https://scipapermill.com/2026/09/13/anomaly-detections-new-toolkit-foundation-models-meet-industrial-inspection/',
      format: 'html',
      title: 'Anomaly Detection’s New Toolkit: Foundation Models Meet Industrial Inspection',
      topic: 'anomaly detection',
      date: '2026-09-13',
      modified: '2026-09-13T05:58:40+00:00',
      paperCount: 37,
    });
    expect(d!.warnings).toEqual([]);
  });

  it('reads only the entry content: no navigation, sharing, comments or newsletter', () => {
    expect(d!.papers.map((p) => p.name)).toEqual(['AnomalyCLIP-2', 'TimeGuard']);
    expect(JSON.stringify(d)).not.toMatch(/Share on X|Leave a Reply|Discover more|Loading Now|Jan\. 1, 2020/);
    expect(paper(d!, 'AnomalyCLIP-2')).toMatchObject({
      arxivId: '2609.33333',
      institutions: ['Zhejiang University', 'Alibaba DAMO Academy'],
      datasets: ['MVTec AD', 'VisA'],
      codeUrls: [{ url: 'https://github.com/zju-vision/AnomalyCLIP-2', kind: 'repo', github: 'zju-vision/anomalyclip-2' }],
    });
    expect(paper(d!, 'TimeGuard')).toMatchObject({
      authors: ['Priya Natarajan'],
      institutions: ['Indian Institute of Science'],
      datasets: ['SWaT', 'WADI'],
      codeUrls: [{ url: 'https://timeguard.github.io', kind: 'site' }],
    });
  });

  it('falls back to the postid- body class without a shortlink', () => {
    const html = read('saved-post-page.html').replace('<link rel="shortlink" href="https://scipapermill.com/?p=7200">', '');
    expect(parseDigestDocument(html).digests[0]!.id).toBe('scipapermill.com:7200');
  });
});

describe('a WordPress list of posts (wp-json-posts-list.json)', () => {
  const result = parseDigestDocument(read('wp-json-posts-list.json'));

  it('yields both posts in order with decoded titles', () => {
    expect(result.errors).toEqual([]);
    expect(result.digests.map((d) => [d.id, d.title, d.topic, d.date, d.modified, d.paperCount])).toEqual([
      [
        'scipapermill.com:6901',
        'Reinforcement Learning’s Practical Turn: From Offline Data to Drawn Rewards',
        'reinforcement learning',
        '2026-07-11',
        '2026-07-11T05:59:10Z',
        18,
      ],
      ['scipapermill.com:6902', 'Time Series Forecasting: Calibrated & Compact', 'time series forecasting', '2026-07-11', '2026-07-11T06:00:02Z', 9],
    ]);
  });

  it('reads each post’s papers', () => {
    const [rl, ts] = result.digests;
    expect(paper(rl!, 'Conservative Q-Learning Revisited')).toMatchObject({
      arxivId: '2607.04444',
      authors: ['Sofia Lindqvist', 'Jonas Berg'],
      datasets: ['D4RL'],
      codeUrls: [{ url: 'https://github.com/kth-rl/cql-r', kind: 'repo', github: 'kth-rl/cql-r' }],
    });
    expect(paper(rl!, 'RewardSketch')).toMatchObject({
      institutions: ['University of Washington'],
      codeUrls: [{ url: 'https://github.com/uw-robotics/rewardsketch', kind: 'repo', github: 'uw-robotics/rewardsketch' }],
    });
    expect(paper(ts!, 'Calibrated Quantiles for Long-Horizon Forecasting')).toMatchObject({ arxivId: '2607.05555', institutions: ['Monash University'] });
    expect(paper(ts!, 'CalQ')).toMatchObject({
      datasets: ['ETTh1', 'Electricity'],
      codeUrls: [{ url: 'https://github.com/monash-ts/calq', kind: 'repo', github: 'monash-ts/calq' }],
    });
  });

  it('reports a bad entry by its id and keeps the rest', () => {
    const list = JSON.parse(read('wp-json-posts-list.json')) as unknown[];
    const r = parseDigestDocument(JSON.stringify([...list, { id: 6903, title: { rendered: 'x' } }, 'junk']));
    expect(r.digests).toHaveLength(2);
    expect(r.errors.map((e) => e.item)).toEqual(['6903', '3']);
  });
});

describe('input that holds nothing usable', () => {
  it('throws a DigestParseError with a reason', () => {
    expect(reason(() => parseDigestDocument(''))).toBe('empty');
    expect(reason(() => parseDigestDocument('  \n\t '))).toBe('empty');
    expect(reason(() => parseDigestDocument('\u0000\u0001\u0002PK\u0003\u0004binary'))).toBe('binary');
    expect(reason(() => parseDigestDocument('{"id": 1, "content": {"rendered": "<h3>Latest'))).toBe('invalid-json');
    expect(
      reason(() =>
        parseDigestDocument(
          '{"code":"rest_post_invalid_page_number","message":"The page number requested is larger than the number of pages available.","data":{"status":400}}',
        ),
      ),
    ).toBe('wordpress-error');
    expect(reason(() => parseDigestDocument('[]'))).toBe('no-items');
    expect(reason(() => parseDigestDocument('<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>'))).toBe('no-items');
    expect(reason(() => parseDigestDocument('Just some text.\nNothing like a digest here.'))).toBe('not-a-digest');
    expect(reason(() => parsePostContent('<p>About us</p>', { format: 'html' }))).toBe('not-a-digest');
  });

  it('parses a post without a header as best it can, with warnings', () => {
    const d = parsePostContent('The Big Idea(s) & Core Innovations\nHADS-Net by Nazarbayev University classifies ultrasound.', {
      format: 'text',
      date: '2026-01-02',
    });
    expect(d).toMatchObject({ topic: '', date: '2026-01-02', title: 'Untitled digest' });
    expect(d.paperCount).toBeUndefined();
    expect(d.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/no header/), expect.stringMatching(/no title/)]));
    expect(d.papers.map((p) => p.name)).toEqual(['HADS-Net']);
  });

  it('keys text without an address by file name, else by content', () => {
    const text = 'Latest 1 papers on x: Jan. 1, 2026\nThe Big Idea(s) & Core Innovations\nAMUSE by KAIST trains faster.';
    expect(parseDigestDocument(text, { fileName: 'a.txt' }).digests[0]!.id).toBe('file:a.txt');
    expect(parseDigestDocument(text).digests[0]!.id).toMatch(/^text:[0-9a-f]{8}$/);
    expect(parseDigestDocument(text, { url: 'https://scipapermill.com/?p=12', id: '12' }).digests[0]!.id).toBe('scipapermill.com:12');
  });
});

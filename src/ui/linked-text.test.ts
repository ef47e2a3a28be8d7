import { describe, expect, it } from 'vitest';
import { linkParts } from './linked-text.tsx';

describe('linkParts', () => {
  it('turns the addresses a sentence writes out into short links, the rest into text', () => {
    expect(linkParts('Models like HARU-Net (https://arxiv.org/pdf/2602.22544) and code at https://github.com/Org/Repo.')).toEqual([
      { text: 'Models like HARU-Net (' },
      { text: 'arXiv 2602.22544', href: 'https://arxiv.org/pdf/2602.22544' },
      { text: ') and code at ' },
      { text: 'org/repo', href: 'https://github.com/Org/Repo' },
      { text: '.' },
    ]);
  });

  it('never links anything but http(s)', () => {
    expect(linkParts('see javascript:alert(1) or data:text/html,x')).toEqual([{ text: 'see javascript:alert(1) or data:text/html,x' }]);
    expect(linkParts('https://user:pw@evil.example/x')).toEqual([{ text: 'https://user:pw@evil.example/x' }]);
  });
});

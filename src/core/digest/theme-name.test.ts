import { describe, expect, it } from 'vitest';
import { parseFiles, SEEDS_DIR } from '../../../scripts/cli.ts';
import { framingPhrase, nameTheme } from './theme-name.ts';

const silent = { out: () => undefined, err: () => undefined };
const digests = parseFiles([SEEDS_DIR, `${import.meta.dirname}/../../../tests/fixtures/samples`], silent).digests;
const bigIdeas = (date: string, i = 0) => digests.filter((d) => d.date === date)[i]!.themes.filter((t) => t.section === 'bigIdeas');

describe('theme names on the real posts', () => {
  it.each([
    ['2026-02-28', 0, ['Reliable and insightful AI', 'Interpretability', 'Beyond medical applications']],
    ['2026-02-28', 1, ['Generalization capabilities of DNNs', 'Making DNNs more efficient and adaptable', 'Robustness and security', 'Bayesian deep learning']],
    [
      '2026-05-23',
      0,
      [
        'Integrating domain knowledge and architectural components',
        'Robust uncertainty quantification and generalization',
        'Generative AI and efficiency',
        'Symbolic work',
      ],
    ],
    [
      '2026-05-30',
      0,
      [
        'Trustworthiness and transparency in deep learning models',
        'Robustness against adversarial attacks and real-world distribution shifts',
        'Efficiency and scalability for real-world deployment',
        'New perspective on model learning',
      ],
    ],
    [
      '2026-07-04',
      0,
      ['Interpretability and reliability', 'Robustness and generalization', 'Efficiency and scalability', 'Novel applications of deep learning'],
    ],
    ['2026-02-21', 0, ['Security and privacy']],
    ['2026-04-18', 0, ['Decoupling and isolation of knowledge or parameters']],
  ] as const)('names the themes of %s (#%i) in a few words', (date, i, names) => {
    expect(bigIdeas(date, i).map((t) => t.title)).toEqual(names);
  });

  it('never gives a cut sentence as a name, and summarises in whole sentences without the paper sentences', () => {
    for (const d of digests) {
      for (const t of d.themes) {
        expect(t.title, t.title).not.toMatch(/…$/);
        if (t.section !== 'bigIdeas') continue;
        expect(t.title.split(' ').length, t.title).toBeLessThanOrEqual(10);
        expect(t.text, d.title).toBeDefined();
        if (t.summary) expect(t.summary, t.summary).toMatch(/[.!?”’)]$/);
        // No sentence a paper of this theme was given is repeated in the summary.
        const i = d.themes.indexOf(t);
        for (const m of d.papers) for (const c of m.contexts) if (c.theme === i) expect(t.summary.includes(c.text), c.text).toBe(false);
      }
    }
  });

  it('keeps the framing sentences: the theme paragraph of HARU-Net', () => {
    expect(bigIdeas('2026-02-28')[0]!.summary).toBe(
      'The overarching theme in these recent papers is the pursuit of more reliable and insightful AI. For instance, in medical imaging, the need for robustness is paramount.',
    );
  });
});

describe('framingPhrase', () => {
  it.each([
    ['A central theme is parameter isolation.', 'Parameter isolation'],
    ['Another line of work revisits rehearsal under a budget.', 'Rehearsal under a budget'],
    ['Beyond efficiency, robustness and security remain critical.', 'Robustness and security'],
    ['The drive for efficiency and scalability is also paramount.', 'Efficiency and scalability'],
    ['Finally, novel applications of deep learning are continually emerging.', 'Novel applications of deep learning'],
    ['Closely related is the drive for robustness against distribution shifts.', 'Robustness against distribution shifts'],
    ['Medical image denoising is back in focus this week.', 'Medical image denoising'],
    ['HARU-Net by Naveed and Pauwels introduces a hybrid attention U-Net.', undefined],
    ['For instance, “Plug-in Losses” shows that softmax suffices.', undefined],
  ])('%s → %s', (sentence, name) => {
    expect(framingPhrase(sentence)).toBe(name);
  });
});

describe('nameTheme', () => {
  it('falls back from a paper sentence to its key phrases, then its domain, then the given name', () => {
    const never = () => false;
    const always = () => true;
    expect(nameTheme('SpaRL by A. proposes routers.', always, ['sparse routing'], 'x').name).toBe('Sparse routing');
    expect(nameTheme('For Bayesian deep learning, X by A. proposes priors.', always, [], 'x').name).toBe('Bayesian deep learning');
    expect(nameTheme('X by A. proposes priors.', always, [], 'Further work')).toEqual({ name: 'Further work', summary: '' });
    expect(nameTheme('Interpretability is another critical area. X by A. explains.', (s) => s.startsWith('X'), [], 'y')).toEqual({
      name: 'Interpretability',
      summary: 'Interpretability is another critical area.',
    });
    expect(nameTheme('Nothing here is a paper.', never, [], 'Fallback').summary).toBe('Nothing here is a paper.');
  });
});

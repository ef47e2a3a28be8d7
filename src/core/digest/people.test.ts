import { describe, expect, it } from 'vitest';
import { block } from './blocks.ts';
import { isPersonLike, isPlaceholderAuthor, isPlaceholderInstitution, parseNameList } from './people.ts';
import { findPeople } from './people-phrases.ts';
import { sentencesOf } from './sentence.ts';
import { tokenize } from './tokens.ts';

function people(text: string) {
  return sentencesOf(block('paragraph', text))
    .flatMap((s) => findPeople(s))
    .map((p) => ({ authors: p.authors, institutions: p.institutions, points: p.points, placeholder: p.placeholder }));
}

describe('parseNameList', () => {
  it('reads people separated by commas and "and", with et al.', () => {
    expect(parseNameList(tokenize('Wang, Wu, and Kuo from the University'), 0)).toMatchObject({ units: ['Wang', 'Wu', 'Kuo'], etAl: false, next: 4 });
    expect(parseNameList(tokenize('Zhiqiu Wang et al. (New York University)'), 0)).toMatchObject({ units: ['Zhiqiu Wang'], etAl: true });
    expect(parseNameList(tokenize('A. Nuri Cevik et al. develop'), 0)).toMatchObject({ units: ['A. Nuri Cevik'], etAl: true });
  });

  it('keeps "and" inside an institution name when the next word continues it', () => {
    expect(parseNameList(tokenize('University of Science and Technology of China introduces'), 0)?.units).toEqual([
      'University of Science and Technology of China',
    ]);
    expect(parseNameList(tokenize('Université Laval and ServiceNow Research offers'), 0)?.units).toEqual(['Université Laval', 'ServiceNow Research']);
    expect(parseNameList(tokenize('Institute for AI in Medicine (IKIM), University Hospital Essen et al. proposes'), 0)).toMatchObject({
      units: ['Institute for AI in Medicine (IKIM)', 'University Hospital Essen'],
      etAl: true,
    });
  });
});

describe('person and placeholder tests', () => {
  it('tells people from titles and organisations', () => {
    expect(isPersonLike('Binchuan Qi')).toBe(true);
    expect(isPersonLike('Cristian-Gabriel Florea')).toBe(true);
    expect(isPersonLike('Naveed')).toBe(true);
    expect(isPersonLike('Spiking Neural Networks')).toBe(false);
    expect(isPersonLike('Aarhus University')).toBe(false);
  });

  it('spots placeholder authors and affiliations', () => {
    for (const name of ['John Doe', 'Jane Smith', 'Author One', 'Author A', 'B']) expect(isPlaceholderAuthor(name), name).toBe(true);
    for (const name of ['Naveed', 'Binchuan Qi', 'Author Name Smith']) expect(isPlaceholderAuthor(name), name).toBe(false);
    expect(isPlaceholderInstitution('[various affiliations]')).toBe(true);
    expect(isPlaceholderInstitution('University of Example')).toBe(true);
    expect(isPlaceholderInstitution('University of Porto')).toBe(false);
  });
});

describe('findPeople', () => {
  it('reads "by … from …"', () => {
    expect(people('HARU-Net: Hybrid Attention by Naveed and Pauwels from Aarhus University introduces a U-Net.')).toEqual([
      { authors: ['Naveed', 'Pauwels'], institutions: [], points: 'before', placeholder: false },
      { authors: [], institutions: ['Aarhus University'], points: 'before', placeholder: false },
    ]);
  });

  it('reads people with affiliations in brackets at the start of a clause, pointing forward', () => {
    expect(
      people(
        'A theoretical contribution from Binchuan Qi (Tongji University, Zhejiang Yuying College of Vocational Technology), in their paper “Conjugate Learning Theory”, introduces duality.',
      ),
    ).toEqual([
      {
        authors: ['Binchuan Qi'],
        institutions: ['Tongji University', 'Zhejiang Yuying College of Vocational Technology'],
        points: 'before',
        placeholder: false,
      },
    ]);
    expect(people('Similarly, Zhihao Shu et al. (University of Georgia, University of Texas at Arlington), in “FlashMem: X”, introduces FlashMem.')).toEqual([
      { authors: ['Zhihao Shu'], institutions: ['University of Georgia', 'University of Texas at Arlington'], points: 'after', placeholder: false },
    ]);
  });

  it('takes an organisation list after "by" as institutions', () => {
    expect(people('AMUSE by KAIST, KRAFTON, and Seoul National University combines Muon.')[0]).toMatchObject({
      authors: [],
      institutions: ['KAIST', 'KRAFTON', 'Seoul National University'],
    });
    expect(people('SENSE from SMART and MIT synthesizes imagery.')[0]).toMatchObject({ institutions: ['SMART', 'MIT'] });
  });

  it('flags placeholders, and drops placeholder affiliations', () => {
    expect(people('The paper by John Doe and Jane Smith (University of Example, Research Institute for AI) shows it.')[0]).toMatchObject({
      authors: ['John Doe', 'Jane Smith'],
      institutions: ['Research Institute for AI'],
      placeholder: true,
    });
    expect(people('Forgetting Bounds by Someone Else ([various affiliations]) derives a bound.').some((p) => p.placeholder)).toBe(true);
  });

  it('does not read a title colon or a sentence opener as people', () => {
    expect(people('This echoes the insights from MEDNA-DFM: A Dual-View Model by He et al. from City University of Hong Kong.')).toEqual([
      { authors: ['He'], institutions: [], points: 'before', placeholder: false },
      { authors: [], institutions: ['City University of Hong Kong'], points: 'before', placeholder: false },
    ]);
    expect(people('Recent research highlights a trend. Deep Learning continues to grow.')).toEqual([]);
  });
});

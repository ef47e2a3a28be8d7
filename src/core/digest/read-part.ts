import type { Anchor } from './anchors.ts';
import type { PeoplePhrase } from './people-phrases.ts';
import type { Part } from './sections.ts';
import type { Sentence } from './sentence.ts';

/** A sentence with what pass one found in it. */
export interface ReadSentence {
  readonly sentence: Sentence;
  readonly people: PeoplePhrase[];
  readonly anchors: Anchor[];
}

export interface ReadPart {
  readonly part: Part;
  readonly sentences: ReadSentence[];
  /** For a bullet: its name as the bullet gives it. */
  readonly head?: BulletHead;
}

export interface BulletHead {
  readonly name: string;
  readonly title?: string;
  /** Where the name ends in the bullet's text: people and datasets are read after it. */
  readonly end: number;
  /** The bullet opens with its authors ("Ada Park and Lee Chen: …"): the name comes from the rest. */
  readonly authors?: readonly string[];
}

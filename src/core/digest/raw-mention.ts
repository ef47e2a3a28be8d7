import type { ArxivId } from '../ids/index.ts';
import type { CodeLink, Section } from './types.ts';

/** One place a paper is named, before the mentions of one paper in a digest are merged. */
export interface RawMention {
  name: string;
  title?: string;
  arxivId?: ArxivId;
  /** Named only by a plain phrase ("generalization bounds"): matched to a title that contains it. */
  weak: boolean;
  /** Other short names the paper goes by in the digest (one its sentence introduced): merged on like the name. */
  aliases: string[];
  /** The name is one the paper's own sentence introduced ("… proposes SpaRL"): the paper goes by it. */
  introduced?: boolean;
  codeUrls: CodeLink[];
  datasets: string[];
  institutions: string[];
  authors: string[];
  placeholder: boolean;
  section: Section;
  theme?: number;
  context: string;
  order: number;
}

export function rawMention(name: string, section: Section, context: string, order: number, theme?: number): RawMention {
  return {
    name,
    weak: false,
    aliases: [],
    codeUrls: [],
    datasets: [],
    institutions: [],
    authors: [],
    placeholder: false,
    section,
    ...(theme === undefined ? {} : { theme }),
    context,
    order,
  };
}

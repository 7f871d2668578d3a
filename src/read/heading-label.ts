/** A heading split into the label printed before it ("Chapter 2", "(1)", "A") and its title. */
export interface HeadingLabel {
  /** The label as printed, without a trailing separator (":", "-"): "Chapter 2", "(1)", "1.", "II.", "A". */
  label?: string;
  /** Which family of labels it belongs to; documents nest families in a fixed order, so it gives the level. */
  style?: HeadingLabelStyle;
  /** The heading text after the label (the whole text when there is no label). */
  title: string;
  /** Where `title` starts in the text given. */
  titleOffset: number;
}

export type HeadingLabelStyle =
  | 'chapter' | 'part' | 'section' | 'article' | 'annex' | 'appendix'
  | 'paren-number' | 'paren-letter' | 'paren-roman' | 'number-paren'
  | 'number' | 'roman' | 'letter';

export interface HeadingLabelOptions {
  /**
   * Treat a bare capital "A" as a label even before a word starting with a consonant ("A Japan-Russia
   * Relations"). Without it "A New Era" stays a title, since "A" is also the article. Readers set it
   * when the document has a heading labelled "B".
   */
  letterSequence?: boolean;
}

// Roman numerals 1..39 only: longer runs of I, V, X are more likely words or codes than labels.
const ROMAN = '(?:X{1,3}(?:IX|IV|V?I{0,3})|IX|IV|V?I{1,3}|V)';
const ROMAN_LOWER = ROMAN.toLowerCase();
const NUMBER = '\\d{1,2}';
const NUMBER_WORDS = 'One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve';
const WORD_LABEL = new RegExp(
  `^(Chapter|Part|Section|Article|Annex|Appendix)\\s+(${NUMBER}(?:\\.\\d{1,2}){0,3}|\\d{3}|${ROMAN}|${NUMBER_WORDS}|[A-Z])(?!\\w|\\.\\d)`,
  'i',
);
// After a label: an optional separator, then the title; "Chapter 2: Asia", "1. Overview", "A – Russia".
const SEPARATOR = /^(?:\s*[:.\u2013\u2014-](?=\s|$))?\s*/;

interface LabelPattern {
  style: HeadingLabelStyle;
  pattern: RegExp;
  /** Labels that are easily a word or a figure ("1 Overview", "A Overview", "1.5 Degrees") need a capitalised title. */
  capitalTitle?: boolean;
  /** Bare labels (no bracket or dot) also need some title after them. */
  bare?: boolean;
}

const PATTERNS: LabelPattern[] = [
  { style: 'paren-number', pattern: new RegExp(`^\\(${NUMBER}\\)`) },
  { style: 'paren-roman', pattern: new RegExp(`^\\((?:${ROMAN}|${ROMAN_LOWER})\\)`) },
  { style: 'paren-letter', pattern: /^\([a-zA-Z]\)/ },
  { style: 'number-paren', pattern: new RegExp(`^${NUMBER}\\)`) },
  { style: 'number', pattern: new RegExp(`^${NUMBER}(?:\\.\\d{1,2}){1,3}\\.?(?=\\s|$)`), capitalTitle: true },
  { style: 'roman', pattern: new RegExp(`^${ROMAN}\\.(?=\\s|$)`) },
  { style: 'number', pattern: new RegExp(`^${NUMBER}\\.(?=\\s|$)`) },
  { style: 'letter', pattern: /^[A-Z]\.(?=\s|$)/ },
  { style: 'roman', pattern: new RegExp(`^${ROMAN}(?=\\s)`), capitalTitle: true, bare: true },
  { style: 'number', pattern: new RegExp(`^${NUMBER}(?=\\s)`), capitalTitle: true, bare: true },
  { style: 'letter', pattern: /^[A-Z](?=\s)/, capitalTitle: true, bare: true },
];

// What a title may start with after an ambiguous label: a capital, a digit, a quote or a bracket.
const TITLE_START = /^["“‘'(\[]?[\p{Lu}\d]/u;

/**
 * Split a heading's leading label from its title. Labels are recognised only where a heading could
 * carry one; "2022 in Review", "A New Era", "1 percent", "U.S. Policy" keep their first word.
 */
export function splitHeadingLabel(text: string, options: HeadingLabelOptions = {}): HeadingLabel {
  const lead = /^\s*/.exec(text)![0].length;
  const rest = text.slice(lead);
  const word = WORD_LABEL.exec(rest);
  if (word) {
    const style = word[1]!.toLowerCase() as HeadingLabelStyle;
    return finish(text, lead, word[0], style);
  }
  for (const { style, pattern, capitalTitle, bare } of PATTERNS) {
    const m = pattern.exec(rest);
    if (!m) continue;
    const titleText = rest.slice(m[0].length).replace(/^\s+/, '');
    if (bare && titleText === '') continue;
    if (capitalTitle && titleText !== '' && !TITLE_START.test(titleText)) continue;
    // "A" is also the article: before a consonant it is a label only in a document that has a "B".
    if (bare && m[0] === 'A' && !options.letterSequence && !/^[AEIOU]/.test(titleText)) continue;
    return finish(text, lead, m[0], style);
  }
  return { title: rest.trimEnd(), titleOffset: lead };
}

function finish(text: string, lead: number, label: string, style: HeadingLabelStyle): HeadingLabel {
  const afterLabel = lead + label.length;
  const sep = SEPARATOR.exec(text.slice(afterLabel))![0].length;
  const titleOffset = afterLabel + sep;
  return { label, style, title: text.slice(titleOffset).trimEnd(), titleOffset };
}

import { SEASON_CODE, SEASON_SRC } from './lexicon.js';
import { relative } from './relative-value.js';
import { wordBefore, type TimeParser } from './time-parser.js';

// "the fall of 2021", "autumn 2021", "the winter of 1873", "last fall", "this summer", "in the spring".
const PATTERN = new RegExp(
  `(?<![\\w-])(?:(this[ \\t]+past|this|last|next|that|the[ \\t]+(?:following|next|previous|preceding)|the)[ \\t]+)?(${SEASON_SRC})(?:[ \\t]+(?:of[ \\t]+)?((?:1[0-9]|20)\\d{2})(?:([-–/])(\\d{2}|(?:1[0-9]|20)\\d{2}))?(?![\\w%-]))?(?![\\w-])`,
  'gi',
);

// A lower-case word after a season that is no article, pronoun, preposition, conjunction or common verb: a noun it modifies.
const NOUN_AFTER = /^[ \t]+(?!(?:the|a|an|he|she|it|they|we|i|you|his|her|their|its|our|my|this|that|these|those|there|in|on|at|by|to|of|for|from|with|when|while|after|before|and|or|but|as|was|were|is|are|had|has|have|came|saw|brought|began|would|will|could|did|found|seemed)\b)[a-z]/;

export const seasonParser: TimeParser = {
  name: 'time.season',
  pattern: PATTERN,
  extract(m, text) {
    const det = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    const code = SEASON_CODE[m[2]!.toLowerCase()]!;
    const year = m[3];
    const start = m.index;
    const end = start + m[0].length;
    // "the winter of 1941-42": a winter runs into the next year and is named by the year it begins in (1941-WI);
    // any other season with two years ("the summer of 1941-1942") is no one season.
    if (m[5] && (code !== 'WI' || Number(m[5].slice(-2)) !== (Number(year) + 1) % 100)) return null;
    // A season alone at the head of its line, set off by a colon or a dash, labels an entry of a chronology
    // ("Spring: two parliaments ratify the statute") under the year it is listed in.
    if (!det && !year && LINE_HEAD.test(text.slice(Math.max(0, start - 8), start)) && LABEL_AFTER.test(text.slice(end, end + 3))) {
      return { start, end, type: 'DATE', value: `XXXX-${code}`, rule: 'time.season' };
    }
    // "Arab Spring" and "fall" the verb: without a year or a deictic word a season needs "in the".
    if (/^[A-Z]/.test(m[2]!) && !det && !year && m.index > 0 && !/[.!?]\s*$/.test(text.slice(Math.max(0, start - 3), start))) return null;
    if (year) return { start, end, type: 'DATE', value: `${year}-${code}`, rule: 'time.season' };
    if (det === 'this') return { start, end, type: 'DATE', value: relative('DCT', 'Y', 0, `-${code}`), rule: 'time.season' };
    if (det === 'last') return { start, end, type: 'DATE', value: relative('DCT', 'Y', -1, `-${code}`), rule: 'time.season' };
    if (det === 'next') return { start, end, type: 'DATE', value: relative('DCT', 'Y', 1, `-${code}`), rule: 'time.season' };
    if (det === 'that') return { start, end, type: 'DATE', value: relative('REF', 'Y', 0, `-${code}`), rule: 'time.season' };
    // "the following spring", "the previous winter": counted from the date last told; not before a noun
    // ("the following spring water"), though a clause may follow ("the following spring the envoys met").
    // A noun and a verb in the past after it are the clause the season sets in time ("the following spring riots
    // broke out"); in the present the phrase is a list's head ("the following spring water is sold").
    if (det && det.startsWith('the ') && det !== 'the') {
      if (!year && NOUN_AFTER.test(text.slice(end, end + 24)) && !SUBJECT_THEN_PAST.test(text.slice(end, end + 40))) return null;
      return { start, end, type: 'DATE', value: relative('FOL', 'Y', /following|next/.test(det) ? 1 : -1, `-${code}`), rule: 'time.season' };
    }
    if (det === 'this past') return { start, end, type: 'DATE', value: relative('DCT', 'Y', 0, `-${code}`), rule: 'time.season' };
    // "fall" and "spring" are verbs and nouns too ("the fall of the regime", "the spring water"): they need a
    // preposition before them ("in the fall"); "summer", "winter" and "autumn" are seasons unless a noun follows "of".
    const after = text.slice(end, end + 24);
    // "the spring of that year", "the summer of the following year": a season of a year told, joined by refineCompounds.
    if (/^[ \t]+of[ \t]+(?!(?:1[0-9]|20)\d{2}|nineteen|twenty|two[ \t]+thousand|(?:that|this|last|next|the[ \t]+(?:same|following|next|previous|preceding))[ \t]+year\b)/i.test(after)) return null;
    const before = wordBefore(text, start).toLowerCase();
    const unambiguous = code === 'SU' || code === 'WI' || m[2]!.toLowerCase() === 'autumn';
    // "from the spring (on)": a starting point, though "water from the spring" is a source: an ambiguous season after
    // "from" needs to open its clause or lead on to an end ("from the spring to the autumn", "from the spring onwards").
    const from = before === 'from' && (unambiguous || FROM_CLAUSE_START.test(text.slice(Math.max(0, start - 8), start)) || FROM_LEADS_ON.test(after));
    const preposition = from || /^(?:in|during|by|until|till|since|through|throughout|for|over|early|late|mid|mid-|this|that|before|after)$/.test(before);
    // Without a preposition, "the winter crossing", "the summer session": the season modifies a noun.
    if (det === 'the' && !preposition && NOUN_AFTER.test(after)) return null;
    if (det === 'the' && (preposition || unambiguous)) return { start, end, type: 'DATE', value: `XXXX-${code}`, rule: 'time.season' };
    if (!det && unambiguous && preposition && !/^[ \t]+[a-z]/.test(after.replace(/^[ \t]+(?:and|or|to)\b.*/, ''))) {
      return { start, end, type: 'DATE', value: `XXXX-${code}`, rule: 'time.season' };
    }
    // "In spring, talks resumed", "by late fall the deal was done": "spring" and "fall" bare after a preposition or an
    // edge word are seasons too unless a noun follows that they would modify ("in spring water", "in fall colours").
    if (!det && !unambiguous && BARE_SEASON_BEFORE.test(before) && /^[a-z]/.test(m[2]!) && !NOUN_AFTER.test(after)) {
      return { start, end, type: 'DATE', value: `XXXX-${code}`, rule: 'time.season' };
    }
    return null;
  },
};

const SUBJECT_THEN_PAST = /^[ \t]+[a-z]+[ \t]+(?:[a-z]{2,}ed|broke|began|came|fell|rose|went|took|grew|spread|swept|struck|met|won|lost|left|saw|brought|became|ran|sank|froze|fled|drew|were|was|had)\b/;
// The words after which a bare "spring" or "fall" is a season ("after fall", "since spring" are as often a fall and a source).
const BARE_SEASON_BEFORE = /^(?:in|during|by|until|till|through|throughout|early|late|mid|mid-)$/;
const LINE_HEAD = /(?:^|\n)[ \t]*(?:[-*•][ \t]+)?$/;
const LABEL_AFTER = /^[ \t]*(?::|[–—][ \t]|-[ \t])/;

// "From the spring", ", from the spring": the start of a clause, not a source after a noun.
const FROM_CLAUSE_START = /(?:^|[.!?;,:\n][ \t]*|^[ \t]*)[Ff]rom[ \t]+$/;
const FROM_LEADS_ON = /^[ \t]*(?:,|(?:to|until|till|through|on|onwards?)\b)/i;

// "midsummer", "mid-winter of 1935", "the midwinter": the middle of a season. "Midsummer Night" is a name.
const MID_SEASON = /(?<![\w-])mid-?(summer|winter|spring|autumn)(?:[ \t]+(?:of[ \t]+)?((?:1[0-9]|20)\d{2})(?![\w%-]))?(?![\w-])/gi;

export const midSeasonParser: TimeParser = {
  name: 'time.season',
  pattern: MID_SEASON,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^[A-Z]/.test(m[0]) && /^[ \t]+[A-Z]/.test(text.slice(end, end + 2))) return null;
    const code = SEASON_CODE[m[1]!.toLowerCase()]!;
    return { start, end, type: 'DATE', value: `${m[2] ?? 'XXXX'}-${code}`, mod: 'MID', rule: 'time.season' };
  },
};

import { COUNT_SRC, parseNumberWords } from './number-words.js';
import { UNIT_SRC, durationValue, unitOf } from './lexicon.js';
import type { TimeParser } from './time-parser.js';

// "77 years", "Seventy-seven years", "two-year", "eight trading days", "the past two months", "the first nine months", "24 hours",
// "a decade", "more than three years", "several weeks", "three consecutive years", "another decade", "another two weeks".
const PATTERN = new RegExp(
  `(?<![\\w$£€.,/-])(?:(the[ \\t]+)?(?:(past|last|next|first|coming|previous|remaining|following|final|latest|initial|other|same|another)[ \\t]+))?(${COUNT_SRC}|half[ \\t]+an?|an?[ \\t]+half|another)(?:[ \\t]+and[ \\t]+a[ \\t]+half|[ \\t]+1\\/2|½)?(?:[ \\t]+(?:more|additional|further|extra|consecutive|successive|straight|full|whole))?(?:[ \\t]+(?:trading|business|working))?[ \\t-]+${UNIT_SRC.replace('(?:', '(')}(?:[ \\t]+and[ \\t]+a[ \\t]+half)?(?:[ \\t-]+(old|long))?(?![\\w-]|,\\d)`,
  'gi',
);

// Words that can follow "a second" of time ("for a second or two", "a second later", "just a second, please").
const SECOND_FOLLOWER = /^[ \t]+(?:or|and|later|earlier|ago|before|after|in|to|for|of|at|on|with|when|that|then|too|longer|more)\b/i;

// "by" or "up"/"down" before "a quarter": a share of an amount; after a verb of delay, a stretch of time.
const CHANGE_BY = /(?:^|[^\w-])(?:(?<!(?:delayed|postponed|deferred|back|put[ \t]+off|extended|moved|brought[ \t]+forward|forward)[ \t]+)by|up|down)[ \t]+$/i;

export const durationParser: TimeParser = {
  name: 'time.duration',
  pattern: PATTERN,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[5]?.toLowerCase() === 'old') return null; // an age
    const countText = m[3]!.toLowerCase();
    const unit = unitOf(m[4]!);
    let n: number | 'X';
    if (/half/.test(countText)) n = 0.5;
    // "another decade", "another year": one more of the unit, a length as "a decade" is.
    else if (countText === 'another') n = 1;
    else {
      const parsed = parseNumberWords(countText.replace(/^a few$|^a couple of$|^couple of$/, (s) => (s === 'a few' ? 'few' : 'two')));
      if (Number.isNaN(parsed)) return null;
      n = parsed < 0 ? 'X' : parsed;
    }
    // "Islam will one day be ...", "we may one day see": after a modal, "one day" is some time to come.
    if (/^one[ \t]+day$/i.test(m[0]) && /(?:^|[^\w'-])(?:will|would|could|may|might|can|shall|'ll)[ \t]+$/i.test(text.slice(Math.max(0, start - 8), start))) {
      return { start, end, type: 'DATE', value: 'FUTURE_REF', rule: 'time.duration' };
    }
    // "a decades-long feud": a plural after "a" is no count of it.
    if (/^(?:an?|one|another)$/.test(countText) && /s$/i.test(m[4]!)) return null;
    // "three-quarters" and "a quarter of the market" are fractions.
    if (unit === 'quarter' && (/-quarters$/i.test(m[0]) || /^[ \t]+of\b/i.test(text.slice(end, end + 4)))) return null;
    // So is "a quarter" as the size of a change ("cut emissions by a quarter", "sales rose by a quarter", "up a
    // quarter"), unless the change is a delay ("postponed by a quarter" is three months).
    if (unit === 'quarter' && /^(?:an?|one|another)$/.test(countText) && !m[1] && !m[2] && CHANGE_BY.test(text.slice(Math.max(0, start - 40), start))) return null;
    // "two and a half years", "2 1/2 years", "a minute and a half".
    if (typeof n === 'number' && /and[ \t]+a[ \t]+half|1\/2|½/i.test(m[0])) n += 0.5;
    // "a second group", "a second betrayal": the ordinal, unless the word after it belongs to no noun phrase.
    if (/^(?:an?|one|another)$/.test(countText) && /^seconds?$/i.test(m[4]!) && /^[ \t]+[A-Za-z]/.test(text.slice(end, end + 2)) && !SECOND_FOLLOWER.test(text.slice(end, end + 12))) return null;
    // "the fifty-second session", "FIFTY-SECOND FORUM", "Forty-Second Meeting": a tens word joined to "second" after an
    // article or possessive, or written as in a title, is the ordinal; "a thirty-second advert" stays a length.
    if (/(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-second$/i.test(m[0]) && !m[2] &&
      (!/second$/.test(m[0]) || /(?:^|[^\w-])(?:the|its|their|his|her|our|this|that)[ \t]+$/i.test(text.slice(Math.max(0, start - 7), start)))) return null;
    // "a day" after an amount is a rate ("$5 a day"), and "the one year" reads as a determiner slip.
    if (/^an?$/.test(countText) && /(?:\d|per|times|twice|once)[ \t]*$/i.test(text.slice(Math.max(0, start - 8), start))) return null;
    // "four flights a week", "$2 million a year", "10,000 units a year": a rate after an amount or a plural noun.
    if (/^an?$/.test(countText) && !m[1] && !m[2] && /(?:^|[^\w-])(?:\d[\d.,]*%?|million|billion|thousand|cents?|percent|[a-z]{2,}[^s\W]s)[ \t]+$/i.test(text.slice(Math.max(0, start - 24), start))) return null;
    // "on another day", "on another occasion": some other day, not one more of them.
    if (countText === 'another' && unit === 'day' && /(?:^|[^\w-])on[ \t]+$/i.test(text.slice(Math.max(0, start - 4), start))) return null;
    // "the nine months ended Sept. 30", "the four days": the article belongs to a counted span (TimeML marks it),
    // but not to an adjective ("the two-year contract" keeps "two-year" alone).
    const article = !m[1] && !m[2] && /s$/i.test(m[4]!) && !/-/.test(m[0]) ? /(?:^|[^\w-])(the[ \t]+)$/i.exec(text.slice(Math.max(0, start - 5), start))?.[1]?.length ?? 0 : 0;
    // Plural with "a"/"one" ("a years") is not a duration; singular with a count >1 is an adjective ("two-year"), still a duration.
    return { start: start - article, end, type: 'DURATION', value: durationValue(n, unit), rule: 'time.duration' };
  },
};

// Bare plural units after words that make them spans of time: "for years", "in recent years", "over decades", and after
// a verb of lasting: "repairs will take weeks", "the talks lasted hours" ("last" alone is the adjective, another rule's).
const VAGUE = /(?<![\w-])(?:(?:for|over|in|within|after|from|take|takes|took|taking|taken|lasts|lasted|lasting|recent|past|coming|next|last|these|those|many|the)[ \t]+)(?:(?:recent|past|coming|next|last|many|several|few)[ \t]+)?(years|months|weeks|quarters|decades|days|hours|minutes|centuries)(?![\w-])/gi;

export const vagueDurationParser: TimeParser = {
  name: 'time.vague-duration',
  pattern: VAGUE,
  extract(m, text) {
    const unitText = m[1]!;
    const unitStart = m.index + m[0].length - unitText.length;
    // Keep the determiner-like words ("recent years", "the past years") but not the preposition ("for").
    const lead = m[0].slice(0, m[0].length - unitText.length);
    const firstWord = lead.trim().split(/[ \t]+/)[0]!.toLowerCase();
    const keepFirst = !['for', 'over', 'in', 'within', 'after', 'from', 'take', 'takes', 'took', 'taking', 'taken', 'lasts', 'lasted', 'lasting'].includes(firstWord);
    // "The secretary will take minutes": the record of a meeting, unless what they take them for follows ("took minutes to clear").
    if (/^tak/.test(firstWord) && /^minutes$/i.test(unitText) && !/^[ \t]+(?:to|for|before|until)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 10))) return null;
    let start = keepFirst ? m.index : m.index + lead.search(/[ \t]/) + 1;
    while (text[start] === ' ' || text[start] === '\t') start++;
    // "the years" alone only after "over", "through", "across", "during" ("over the years"); "the years of war" is no span.
    if (/^the$/i.test(firstWord) && start === m.index && !/[ \t](?:recent|past|coming|next|last|many|several|few)[ \t]/i.test(lead)) {
      if (!/(?:^|[^\w-])(?:over|through|throughout|across|during)[ \t]+$/i.test(text.slice(Math.max(0, start - 12), start))) return null;
      if (/^[ \t]+(?:of|when|that|in[ \t]+which|since|after|before)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
    }
    const end = unitStart + unitText.length;
    // "recent years", "past weeks": the past in general; "coming months": the future.
    const span = text.slice(start, end);
    // "in recent weeks", "recent months": a stretch of short units reaching up to now, measured rather than placed
    // (TimeBank codes these PXW, PXM); "recent years" stays the past in general, as annotators read it.
    if (/\brecent[ \t]+(?:days|weeks|months)$/i.test(span)) return { start, end, type: 'DURATION', value: durationValue('X', unitOf(unitText)), rule: 'time.vague-duration' };
    if (/\b(?:recent|past|last)\b/i.test(span)) return { start, end, type: 'DATE', value: 'PAST_REF', rule: 'time.vague-duration' };
    // "the coming days", "coming weeks": a stretch of time ahead, measured (TimeBank "coming weeks" PXW and AQUAINT
    // "coming years" PXY against one "coming months" FUTURE_REF); "next months" stays the future in general.
    if (/\bcoming\b/i.test(span)) return { start, end, type: 'DURATION', value: durationValue('X', unitOf(unitText)), rule: 'time.vague-duration' };
    if (/\b(?:next)\b/i.test(span)) return { start, end, type: 'DATE', value: 'FUTURE_REF', rule: 'time.vague-duration' };
    const value = durationValue('X', unitOf(unitText));
    return { start, end, type: 'DURATION', value, rule: 'time.vague-duration' };
  },
};

// "day-long", "year-long", "decades-long": a length as an adjective (one unit, or an unstated number of them); US copy
// writes one unit closed up ("a weeklong recess", "a yearlong inquiry").
const UNIT_LONG = /(?<![\w-])(?:(day|week|month|year|hour|decade|centur(?:y|ie))(s?)-long|(day|week|month|year|hour|decade)long)(?![\w-])/gi;

export const unitLongParser: TimeParser = {
  name: 'time.duration',
  pattern: UNIT_LONG,
  extract(m) {
    const unit = unitOf(`${m[1] ?? m[3]!}${m[2] ? 's' : ''}`);
    return { start: m.index, end: m.index + m[0].length, type: 'DURATION', value: durationValue(m[2] ? 'X' : 1, unit), rule: 'time.duration' };
  },
};

// "the weeks ahead", "the months ahead": a stretch of the future of unstated length.
const AHEAD = /(?<![\w-])the[ \t]+(?:(?:few|next|several|coming)[ \t]+)?(days|weeks|months|years|decades)[ \t]+ahead(?![\w-])/gi;

export const aheadParser: TimeParser = {
  name: 'time.vague-duration',
  pattern: AHEAD,
  extract(m) {
    return { start: m.index, end: m.index + m[0].length, type: 'DURATION', value: durationValue('X', unitOf(m[1]!)), rule: 'time.vague-duration' };
  },
};

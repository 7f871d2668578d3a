import { durationValue } from './lexicon.js';
import type { TimeParser } from './time-parser.js';

// "the past fortnight", "over the next fortnight", "the coming fortnight": two weeks up to or from the time told. A
// fortnight is no calendar unit (there is no "week 17-18" to name), so where "the past week" is the calendar week
// before, "the past fortnight" can only be its length, P2W. "fortnightly": once every two weeks, a set as "weekly" is.
// ("a fortnight", "two fortnights" and "a fortnight ago" are counted units, the duration and offset rules'.)
const PATTERN =
  /(?<![\w-])(?:(?:the[ \t]+)?(?:past|last|next|coming|previous|preceding|following)[ \t]+fortnight|(fortnightly))(?![\w-])/gi;

// "a fortnightly magazine": the adjective before a noun is not a set of times, nor is it in a name ("The Fortnightly
// Review"); "$50 fortnightly" is a rate of an amount.
const NOUN_AFTER = /^[ \t]+(?:[A-Z]|(?!(?:and|or|but|to|of|in|on|at|by|for|with|from|as|when|while|after|before|until|since|that|which|the|a|an|during|through|throughout|instead|so|if|because|unless)\b)[a-z])/;
const AMOUNT_BEFORE = /(?:^|[^\w-])(?:\d[\d.,]*%?|percent|million|billion|thousand|cents?|dollars)[ \t]+$/i;

export const fortnightParser: TimeParser = {
  name: 'time.fortnight',
  pattern: PATTERN,
  extract(m, text) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) {
      if (NOUN_AFTER.test(text.slice(end, end + 16)) || AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return null;
      return { start, end, type: 'SET', value: durationValue(1, 'fortnight'), rule: 'time.set' };
    }
    return { start, end, type: 'DURATION', value: durationValue(1, 'fortnight'), rule: 'time.duration' };
  },
};

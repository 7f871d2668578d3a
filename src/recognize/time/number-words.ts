/** Written-out numbers ("seventy-seven", "twenty four", "a", "half a") as values. */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, a: 1, an: 1, single: 1, couple: 2, several: -1, few: -1, many: -1,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12 };

const SMALL_SRC = 'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_SRC = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';

/** One written number up to the thousands: "seventy-seven", "twenty four", "one hundred and five". */
export const NUMBER_WORD_SRC =
  `(?:(?:${TENS_SRC})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|${SMALL_SRC})(?:[ -]hundred(?:(?: and)? (?:(?:${TENS_SRC})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|${SMALL_SRC}))?)?`;

/** A count as digits or words; vague counts (several, a few) give 'X'. */
export const COUNT_SRC = `(?:\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?|an?[ \\t]+(?:hundred|thousand)|${NUMBER_WORD_SRC}|an?|several|a few|a couple of|couple of|few|many)`;

/** The value of a written number, NaN when it is not one; vague words give -1. */
export function parseNumberWords(words: string): number {
  // Most counts are one number word or a run of digits: looked up, or read, without splitting and testing tokens.
  const known = ONE_WORD.get(words);
  if (known !== undefined) return known;
  if (isDigits(words)) return Number(words);
  return parseWords(words);
}

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The general reading, token by token. */
function parseWords(words: string): number {
  const tokens = words.toLowerCase().replace(/,/g, '').split(/[\s-]+/).filter((t) => t && t !== 'and' && t !== 'of');
  if (tokens.length === 0) return NaN;
  if (tokens.length === 1 && /^\d+(\.\d+)?$/.test(tokens[0]!)) return Number(tokens[0]);
  let total = 0;
  let current = 0;
  for (const t of tokens) {
    if (/^\d+(\.\d+)?$/.test(t)) current += Number(t);
    else if (t in SMALL) {
      const v = SMALL[t]!;
      if (v < 0) return -1;
      current += v;
    } else if (t in TENS) current += TENS[t]!;
    else if (t in SCALES) {
      const s = SCALES[t]!;
      if (s === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * s;
        current = 0;
      }
    } else return NaN;
  }
  return total + current;
}

// Each number word alone, with the value the general reading gives it (computed by it, so the two cannot differ).
const ONE_WORD = new Map<string, number>([...Object.keys(SMALL), ...Object.keys(TENS), ...Object.keys(SCALES)].map((w) => [w, parseWords(w)]));

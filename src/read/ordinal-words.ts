/** Ordinal numbers written out or in digits ("seventy-first", "seventieth", "one hundredth", "71st") as values. */

const UNIT_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19,
};
const TEN_ORDINALS: Record<string, number> = {
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

const UNIT_SRC = Object.keys(UNIT_ORDINALS).join('|');
const TENS_SRC = Object.keys(TENS).join('|');
// Up to 99th in words: "seventieth", "seventy-first", "seventy first", "nineteenth"; a line broken after the
// hyphen ("seventy- second") is common in converted PDFs.
const BELOW_HUNDRED_SRC = `(?:(?:${TENS_SRC})(?:-\\s*|\\s+)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${Object.keys(TEN_ORDINALS).join('|')}|${UNIT_SRC})`;

/** An ordinal: digits with their suffix, or words up to the hundreds ("one hundred and first", "hundredth"). */
export const ORDINAL_SRC = `(?:\\d{1,3}(?:st|nd|rd|th)|(?:(?:one|a)[ -])?hundred(?:th|(?:[ -]and)?[ -]${BELOW_HUNDRED_SRC})|${BELOW_HUNDRED_SRC})`;

/** The value of an ordinal matched by ORDINAL_SRC; undefined for anything else. */
export function parseOrdinal(words: string): number | undefined {
  const w = words.toLowerCase().trim().replace(/-\s+/g, '-').replace(/\s+/g, ' ');
  const digits = /^(\d{1,3})(st|nd|rd|th)$/.exec(w);
  if (digits) return Number(digits[1]);
  const hundred = /^(?:(?:one|a)[ -])?hundred(?:th|(?:[ -]and)?[ -](.+))$/.exec(w);
  if (hundred) {
    if (hundred[1] === undefined) return 100;
    const rest = belowHundred(hundred[1]);
    return rest === undefined ? undefined : 100 + rest;
  }
  return belowHundred(w);
}

// Own keys only: "constructor" or "__proto__" are no ordinals.
const own = (table: Record<string, number>, key: string): number | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

function belowHundred(w: string): number | undefined {
  const single = own(UNIT_ORDINALS, w) ?? own(TEN_ORDINALS, w);
  if (single !== undefined) return single;
  const compound = /^([a-z]+)[- ]([a-z]+)$/.exec(w);
  const tens = compound ? own(TENS, compound[1]!) : undefined;
  const unit = compound ? own(UNIT_ORDINALS, compound[2]!) : undefined;
  return tens !== undefined && unit !== undefined && unit < 10 ? tens + unit : undefined;
}

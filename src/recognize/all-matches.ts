/**
 * What a search that found nothing returns: one empty array for all of them, whose elements kind
 * is that of a list of matches (made by removing an object). A fresh `[]` has another kind, so
 * the loops that read the results saw two array maps, and the optimised code of a rule compiled
 * while it had only met empty results was thrown away at its first match. Never written to.
 */
export const NO_MATCHES: readonly RegExpExecArray[] = emptyListOfObjects();

function emptyListOfObjects(): RegExpExecArray[] {
  const list: unknown[] = [{}];
  list.pop();
  return list as RegExpExecArray[];
}

/**
 * Every match of a global expression in `s`, as `s.matchAll(re)` gives them. matchAll copies the
 * expression on every call, which costs more than the search itself on a short sentence; this
 * runs the expression itself from the start and leaves its lastIndex at 0.
 */
export function allMatches(re: RegExp, s: string): readonly RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global expression'); // as matchAll
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    // An empty match would be found again: step over one character, as matchAll does.
    if (m[0] === '') re.lastIndex = advance(s, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  return out.length === 0 ? NO_MATCHES : out;
}

function advance(s: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= s.length) return at + 1;
  const unit = s.charCodeAt(at);
  const next = s.charCodeAt(at + 1);
  return unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1;
}

/**
 * Every match of `sticky` (an expression with the y flag) in `s`, as allMatches would give them for
 * the same expression without it, when every match can only start at one of `starts` (ascending).
 * Trying the expression only there is much cheaper than searching the sentence for it.
 */
export function matchesAt(sticky: RegExp, s: string, starts: readonly number[]): readonly RegExpExecArray[] {
  if (!sticky.sticky) throw new TypeError('matchesAt needs a sticky expression');
  const out: RegExpExecArray[] = [];
  let from = 0;
  // Indexed loops here and below: the optimising compiler inlines these functions at every rule,
  // and an iterator loop costs it several times as much work to compile each time.
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k]!;
    if (at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(s);
    if (!m) continue;
    out.push(m);
    from = m[0] === '' ? advance(s, at, sticky.unicode || sticky.flags.includes('v')) : at + m[0].length;
  }
  sticky.lastIndex = 0;
  return out.length === 0 ? NO_MATCHES : out;
}

/** The same expression, matching only where it is tried (for matchesAt). */
export function stickyCopy(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('y') ? re.flags : `${re.flags}y`);
}

/** The first match of `sticky` starting at one of `starts` (ascending) at or after `from`, or null. */
export function firstMatchAt(sticky: RegExp, s: string, starts: readonly number[], from: number): RegExpExecArray | null {
  if (!sticky.sticky) throw new TypeError('firstMatchAt needs a sticky expression');
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k]!;
    if (at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(s);
    if (m) {
      sticky.lastIndex = 0;
      return m;
    }
  }
  sticky.lastIndex = 0;
  return null;
}

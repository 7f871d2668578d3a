/**
 * Every match of a global expression in `s`, as `s.matchAll(re)` gives them. matchAll copies the
 * expression on every call, which costs more than the search itself on a short sentence; this
 * runs the expression itself from the start and leaves its lastIndex at 0.
 */
export function allMatches(re: RegExp, s: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global expression'); // as matchAll
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push(m);
    // An empty match would be found again: step over one character, as matchAll does.
    if (m[0] === '') re.lastIndex = advance(s, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  return out;
}

function advance(s: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= s.length) return at + 1;
  const unit = s.charCodeAt(at);
  const next = s.charCodeAt(at + 1);
  return unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1;
}

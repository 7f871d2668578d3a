import { wordTokens, type WordToken } from './word-tokens.js';

export type DiffOp = 'equal' | 'delete' | 'insert';

/** One run of a word-level diff; `text` keeps the whitespace before each word. */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many cells the table costs too much; the middle is then shown as one replacement. */
const MAX_CELLS = 400_000;

/**
 * Word-level diff of two sentences: the longest common subsequence of their tokens, with the
 * changed runs between. Equal runs carry B's spacing; deletes and inserts their own.
 */
export function wordDiff(a: string, b: string): DiffPart[] {
  const ta = wordTokens(a);
  const tb = wordTokens(b);
  const same = (x: WordToken, y: WordToken) => x.word === y.word;
  // Common prefix and suffix first: edits are usually local, and this keeps the table small.
  let pre = 0;
  while (pre < ta.length && pre < tb.length && same(ta[pre]!, tb[pre]!)) pre++;
  let suf = 0;
  while (suf < ta.length - pre && suf < tb.length - pre && same(ta[ta.length - 1 - suf]!, tb[tb.length - 1 - suf]!)) suf++;
  const ma = ta.slice(pre, ta.length - suf);
  const mb = tb.slice(pre, tb.length - suf);
  const ops: Array<{ op: DiffOp; token: WordToken }> = [];
  for (const t of tb.slice(0, pre)) ops.push({ op: 'equal', token: t });
  if ((ma.length + 1) * (mb.length + 1) > MAX_CELLS) {
    for (const t of ma) ops.push({ op: 'delete', token: t });
    for (const t of mb) ops.push({ op: 'insert', token: t });
  } else {
    ops.push(...lcsOps(ma, mb, same));
  }
  for (const t of tb.slice(tb.length - suf)) ops.push({ op: 'equal', token: t });
  return mergeRuns(ops);
}

function lcsOps(a: WordToken[], b: WordToken[], same: (x: WordToken, y: WordToken) => boolean): Array<{ op: DiffOp; token: WordToken }> {
  const n = a.length;
  const m = b.length;
  // len[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const len = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i * w + j] = same(a[i]!, b[j]!) ? len[(i + 1) * w + j + 1]! + 1 : Math.max(len[(i + 1) * w + j]!, len[i * w + j + 1]!);
    }
  }
  const out: Array<{ op: DiffOp; token: WordToken }> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!, b[j]!)) { out.push({ op: 'equal', token: b[j]! }); i++; j++; }
    else if (len[(i + 1) * w + j]! >= len[i * w + j + 1]!) out.push({ op: 'delete', token: a[i++]! });
    else out.push({ op: 'insert', token: b[j++]! });
  }
  while (i < n) out.push({ op: 'delete', token: a[i++]! });
  while (j < m) out.push({ op: 'insert', token: b[j++]! });
  return out;
}

/** Join consecutive tokens of the same kind; within a changed stretch, deletions come before insertions. */
function mergeRuns(ops: Array<{ op: DiffOp; token: WordToken }>): DiffPart[] {
  const out: DiffPart[] = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.op === 'equal') {
      let text = '';
      while (k < ops.length && ops[k]!.op === 'equal') text += ops[k++]!.token.raw;
      out.push({ op: 'equal', text });
      continue;
    }
    let del = '';
    let ins = '';
    while (k < ops.length && ops[k]!.op !== 'equal') {
      const { op, token } = ops[k++]!;
      if (op === 'delete') del += token.raw;
      else ins += token.raw;
    }
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
  }
  return out;
}

/** The words a diff removed and added, for one-line summaries ("3 March" -> "5 March"). */
export function diffSummary(parts: DiffPart[]): { removed: string[]; added: string[] } {
  return {
    removed: parts.filter((p) => p.op === 'delete').map((p) => p.text.trim()),
    added: parts.filter((p) => p.op === 'insert').map((p) => p.text.trim()),
  };
}

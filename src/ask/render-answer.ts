import type { Answer } from './answer-types.js';

/** The answer as plain text for a terminal: the answer, then each citation with its document and sentence. */
export function renderAnswer(a: Answer): string {
  const lines = [a.answer, ''];
  if (a.citations.length) {
    lines.push('Sources:');
    for (const c of a.citations) {
      lines.push(`[${c.n}] ${c.title.slice(0, 60)} (${c.doc.slice(0, 12)}, sentence ${c.sentence + 1}, chars ${c.start}-${c.end})`);
      lines.push(`    ${c.text}`);
    }
  }
  if (a.closest.length) {
    lines.push('Closest evidence:');
    for (const c of a.closest) lines.push(`  - ${c.text} (${c.doc.slice(0, 12)}, sentence ${c.sentence + 1})`);
  }
  if (a.verification && !a.verification.ok) {
    lines.push('Quote check FAILED:');
    for (const f of a.verification.failed) lines.push(`  - ${f.problem}: ${f.sentence}`);
  }
  for (const n of a.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n').trimEnd()}\n`;
}

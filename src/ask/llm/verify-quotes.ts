import type { Citation, Verification } from '../answer-types.js';

/** Sentences of a model's answer: split after . ! ? (and after a closing citation) followed by space. */
export function answerSentences(text: string): string[] {
  return text.split(/(?<=[.!?]["”']?(?:\s*\[\d+\])*)\s+(?=[A-Z“"(])|\n+/).map((s) => s.trim()).filter(Boolean);
}

const fold = (s: string) => s.toLowerCase().replace(/[“”„"]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

/**
 * Check a model's answer against its evidence: every sentence must cite at least one numbered
 * evidence sentence that exists, and every "quoted" span must occur in one of the sentences it
 * cites. Paraphrase outside quotes cannot be checked mechanically, which is why the prompt asks
 * for a quote per claim and this check fails sentences without one.
 */
export function verifyQuotes(answer: string, evidence: Citation[]): Verification {
  const failed: Verification['failed'] = [];
  const byN = new Map(evidence.map((c) => [c.n, c]));
  const sentences = answerSentences(answer);
  let checked = 0;
  for (const sentence of sentences) {
    const cites = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const quotes = [...sentence.matchAll(/[“"]([^”"]{3,})[”"]/g)].map((m) => m[1]!);
    if (!cites.length) { failed.push({ sentence, problem: 'no citation' }); continue; }
    const unknown = cites.filter((n) => !byN.has(n));
    if (unknown.length) { failed.push({ sentence, cite: unknown[0], problem: `cites [${unknown.join('], [')}], which is not in the evidence` }); continue; }
    if (!quotes.length) { failed.push({ sentence, cite: cites[0], problem: 'no quoted evidence' }); continue; }
    for (const quote of quotes) {
      checked++;
      const ok = cites.some((n) => fold(byN.get(n)!.text).includes(fold(quote)));
      if (!ok) failed.push({ sentence, cite: cites[0], quote, problem: 'the quote is not in the cited sentence' });
    }
  }
  if (!sentences.length) failed.push({ sentence: '', problem: 'empty answer' });
  return { ok: failed.length === 0, checked, failed };
}

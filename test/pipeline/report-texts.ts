/**
 * Small synthetic reports for ingest tests: states, dates and diplomatic verbs in varied order, so
 * that every stage has something to find. Written for these tests, not taken from any sample.
 */
const STATES = ['France', 'Germany', 'Japan', 'Brazil', 'Kenya', 'Canada', 'India', 'Norway', 'Chile', 'Egypt'];
const ACTIONS = [
  (a: string, b: string, d: string) => `On ${d}, ${a} and ${b} signed an agreement on energy cooperation.`,
  (a: string, b: string, d: string) => `${a} condemned the missile launch by ${b} on ${d}.`,
  (a: string, b: string, d: string) => `The Foreign Minister of ${a} visited ${b} on ${d} and held talks on trade.`,
  (a: string, b: string, d: string) => `${a} called on ${b} to release the detained journalists before ${d}.`,
  (a: string, b: string, d: string) => `In ${d}, ${a} provided 20 million dollars in humanitarian aid to ${b}.`,
];
const DATES = ['3 March 2021', 'June 2019', '12 November 2020', 'January 2022', '28 February 2018'];

/** Paragraph k of a report: a few sentences built from the tables above. */
export function reportParagraph(k: number): string {
  const sentences: string[] = [];
  for (let s = 0; s < 3; s++) {
    const n = k * 3 + s;
    const a = STATES[n % STATES.length]!;
    const b = STATES[(n * 7 + 3) % STATES.length]!;
    sentences.push(ACTIONS[n % ACTIONS.length]!(a, b === a ? STATES[(n + 1) % STATES.length]! : b, DATES[(n * 3) % DATES.length]!));
  }
  return sentences.join(' ');
}

/** A report of `paragraphs` paragraphs, one per line, after a title line. */
export function reportText(title: string, paragraphs: number, offset = 0): string {
  const lines = [title];
  for (let k = 0; k < paragraphs; k++) lines.push(reportParagraph(k + offset));
  return lines.join('\n') + '\n';
}

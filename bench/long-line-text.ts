/**
 * A generated paragraph of any length made of varied, report-like sentences (actors, events,
 * stances, dates, figures, agreements, responses), with no line break: the "single huge line"
 * case. Built from small made-up templates with a seeded generator, so every run gets the same text.
 */
const ACTORS = [
  'France', 'Japan', 'India', 'Brazil', 'Kenya', 'Germany', 'the European Union', 'the United Nations',
  'the African Union', 'Canada', 'Mexico', 'Indonesia', 'Norway', 'South Africa', 'Egypt', 'Chile',
  'the Government of Ghana', 'the Foreign Minister of Peru', 'the Security Council', 'Viet Nam',
];
const PLACES = ['Geneva', 'Nairobi', 'Tokyo', 'Brussels', 'New York', 'Addis Ababa', 'Lima', 'Jakarta'];
const MONTHS = ['January', 'March', 'April', 'June', 'September', 'October', 'November', 'December'];
const TOPICS = [
  'climate finance', 'the reform of the Security Council', 'maritime security', 'food security',
  'nuclear disarmament', 'the protection of civilians', 'sustainable development', 'debt relief',
];
const AGREEMENTS = ['the Paris Agreement', 'the Treaty on the Non-Proliferation of Nuclear Weapons', 'the 2030 Agenda', 'a new trade agreement'];

type Pick = <T>(list: readonly T[]) => T;

const TEMPLATES: ((p: Pick, n: () => number) => string)[] = [
  (p, n) => `${cap(p(ACTORS))} condemned the attack on ${p(PLACES)} on ${1 + (n() % 28)} ${p(MONTHS)} 2019.`,
  (p) => `In ${p(MONTHS)} 2020, ${p(ACTORS)} and ${p(ACTORS)} held talks in ${p(PLACES)} and agreed to expand cooperation on ${p(TOPICS)}.`,
  (p) => `${cap(p(ACTORS))} welcomed the decision of ${p(ACTORS)} to ratify ${p(AGREEMENTS)}.`,
  (p, n) => `${cap(p(ACTORS))} pledged $${n()}.${n() % 10} billion for ${p(TOPICS)} over the next ${2 + (n() % 5)} years.`,
  (p) => `We call on ${p(ACTORS)} to withdraw its forces and to respect the sovereignty of its neighbours.`,
  (p) => `In response, ${p(ACTORS)} rejected the proposal and accused ${p(ACTORS)} of violating the ceasefire.`,
  (p, n) => `Unemployment in ${p(ACTORS)} fell by ${n() % 40} per cent between 2015 and 2018, according to the Government.`,
  (p) => `Mr. President, my delegation supports ${p(TOPICS)} and will not accept any attempt to undermine ${p(AGREEMENTS)}.`,
  (p) => `Last year the ministers of ${p(ACTORS)} met in ${p(PLACES)} to discuss ${p(TOPICS)}, but no agreement was reached.`,
  (p) => `${cap(p(ACTORS))} expressed deep concern over the situation in ${p(PLACES)} and urged all parties to return to negotiations.`,
  (p) => `It also announced that it would sign ${p(AGREEMENTS)} before the end of the year.`,
  (p, n) => `Some ${n() * 1000} refugees have crossed the border since ${p(MONTHS)} 2017, and ${p(ACTORS)} has sent humanitarian aid.`,
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A paragraph of about `chars` characters, ending with a full stop, with no line break in it. */
export function longParagraph(chars: number, seed = 1): string {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: deterministic and good enough to vary templates and slots.
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state;
  };
  const pick: Pick = (list) => list[next() % list.length]!;
  const number = () => 1 + (next() % 90);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentence = TEMPLATES[next() % TEMPLATES.length]!(pick, number);
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ');
}

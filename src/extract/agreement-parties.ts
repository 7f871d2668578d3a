import { readDataRows } from './data-files.js';

let cached: Map<string, string[]> | undefined;
// The lists of parties and the empty one have one elements kind (an empty literal has a kind of its
// own): the caller's loop over them was deoptimised ("wrong map") when the other kind came.
const NO_PARTIES: readonly string[] = stringList();

function stringList(): string[] {
  const list = [''];
  list.pop();
  return list;
}

/**
 * The states party to a gazetteer agreement (data/agreements.tsv, column "parties"), as state ids.
 * Suspending or leaving an agreement acts on its other parties: they are the event's recipients.
 */
export function agreementParties(id: string): readonly string[] {
  if (!cached) {
    cached = new Map();
    for (const row of readDataRows('agreements.tsv')) {
      const [entity, , , , parties] = row;
      if (!entity || !parties) continue;
      const ids = stringList();
      for (const p of parties.split('|')) if (/^[A-Z]{3}$/.test(p.trim())) ids.push(`state:${p.trim()}`);
      cached.set(entity, ids);
    }
  }
  return cached.get(id) ?? NO_PARTIES;
}

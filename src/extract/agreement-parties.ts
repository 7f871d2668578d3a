import { readDataRows } from './data-files.js';

let cached: Map<string, string[]> | undefined;

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
      cached.set(entity, parties.split('|').map((p) => p.trim()).filter((p) => /^[A-Z]{3}$/.test(p)).map((p) => `state:${p}`));
    }
  }
  return cached.get(id) ?? [];
}

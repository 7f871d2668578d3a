import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/recognize/gazetteer.js';
import { recognizeEntities } from '../../src/recognize/recognize-entities.js';
import { resolveEntities } from '../../src/resolve/resolve-entities.js';
import { makeDoc } from '../helpers/make-doc.js';

/**
 * One gazetteer serves every document a process reads (and each ingest thread has its own), so a
 * document must never change it: an alias a document adds would otherwise show in later documents'
 * entities, and what is stored would depend on the thread count and on the order of the files.
 */
describe('resolveEntities leaves the shared gazetteer as it was', () => {
  const cases: Array<[string, string, string]> = [
    // A name written without its diacritics links to the gazetteer entity and is kept as this document's alias.
    ['We regret the resignation of Mr. Horst Kohler, Personal Envoy of the Secretary-General.', 'person:horst-kohler', 'Horst Kohler'],
  ];
  it.each(cases)('%s', (text, id, alias) => {
    const gaz = loadGazetteer();
    const snapshot = JSON.stringify([...gaz.entities.values()]);
    const { doc, seg } = makeDoc(text, 2019);
    const first = resolveEntities(doc, seg, recognizeEntities(doc, seg, gaz).mentions, gaz);
    expect(first.entities.get(id)?.aliases).toContain(alias);
    expect(JSON.stringify([...gaz.entities.values()])).toBe(snapshot);
    // A second document that does not use that name does not inherit it.
    const other = makeDoc(`${gaz.entities.get(id)!.name} spoke. ${text.replace(alias, gaz.entities.get(id)!.name)}`, 2019);
    const second = resolveEntities(other.doc, other.seg, recognizeEntities(other.doc, other.seg, gaz).mentions, gaz);
    expect(second.entities.get(id)?.aliases ?? []).not.toContain(alias);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { parseSearchTerms, renderFts5, renderTsQuery } from '../../src/kb/full-text.js';
import { freshKnowledgeBase, testDatabases } from '../helpers/test-databases.js';

describe('renderTsQuery', () => {
  it.each([
    ['sanctions', "'sanctions'"],
    ['Russia sanctions', "('Russia' & 'sanctions')"],
    ['"special military operation"', "('special' <-> 'military' <-> 'operation')"],
    ['sanction*', "'sanction':*"],
    ['"peace talk*"', "('peace' <-> 'talk')"],
    ['Russia OR Belarus', "'Russia' | 'Belarus'"],
    ['a b OR c', "('a' & 'b') | 'c'"],
    ['U.S.', "('U' <-> 'S')"],
    ["it's", "('it' <-> 's')"],
    ['OR Russia OR', "'Russia'"],
  ])('%s -> %s', (input, expected) => {
    expect(renderTsQuery(parseSearchTerms(input)!)).toBe(expected);
  });

  it.each(['', '(((', '"', '*', '& | ! <->', 'OR OR'])('finds nothing to search in %j', (input) => {
    expect(parseSearchTerms(input)).toBeUndefined();
  });

  it('renders both syntaxes from the same terms', () => {
    const terms = parseSearchTerms('"expelled two" OR suspend*')!;
    expect(renderFts5(terms)).toBe('"expelled two" OR "suspend"*');
    expect(renderTsQuery(terms)).toBe("('expelled' <-> 'two') | 'suspend':*");
  });

  it('only ever produces quoted words, phrase, prefix, and, or and parentheses', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const terms = parseSearchTerms(s);
      if (!terms) return;
      expect(renderTsQuery(terms).replace(/'[\p{L}\p{N}]+'(:\*)?|<->|[&|()]|\s/gu, '')).toBe('');
    }));
  });
});

const postgres = (await testDatabases('full-text')).find((t) => t.dialect === 'postgres')!;
describe.skipIf(!!postgres.skip)('renderTsQuery on PostgreSQL', () => {
  it('is never a tsquery syntax error, whatever is typed', async () => {
    const kb = await freshKnowledgeBase(postgres);
    try {
      const inputs = fc.sample(fc.string({ unit: fc.constantFrom('a', 'É', '1', ' ', '"', '*', "'", ':', '&', '|', '!', '(', ')', '<', '-', '>', '\\', 'O', 'R') }), 200);
      for (const input of [...inputs, "o'brien*", 'OR "a OR b"', '\\\'']) {
        const terms = parseSearchTerms(input);
        if (terms) await sql`select to_tsquery('english', ${renderTsQuery(terms)})`.execute(kb.db);
      }
    } finally {
      await kb.close();
    }
  });
});

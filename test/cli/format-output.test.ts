import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { formatRows, parseFormat } from '../../src/cli/format-output.js';

describe('formatRows csv', () => {
  const cases: Array<[Array<Record<string, unknown>>, string]> = [
    [[{ id: 'e1', n: 2, ok: true, none: null }], 'id,n,ok,none\ne1,2,true,\n'],
    [[{ text: 'a, "b"' }], 'text\n"a, ""b"""\n'],
    [[{ text: '=cmd()', n: -1 }], "text,n\n'=cmd(),-1\n"],
    [[], '\n'],
  ];
  it.each(cases)('%j', (rows, csv) => expect(formatRows(rows, 'csv')).toBe(csv));

  it('reads back with csv-parse, one record per row', () => {
    const rows = [{ a: 'x\ny', b: 'plain' }, { a: '', b: '@home' }];
    expect(parse(formatRows(rows, 'csv'), { columns: true })).toEqual([{ a: 'x\ny', b: 'plain' }, { a: '', b: "'@home" }]);
  });
});

describe('parseFormat', () => {
  it('refuses an unknown format naming it', () => expect(() => parseFormat('xml')).toThrow(/"xml"/));
});

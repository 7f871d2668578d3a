import { describe, expect, it } from 'vitest';
import { COMMAND_LOADERS, loadCommands } from '../../src/cli/command-registry.js';
import { buildProgram } from '../../src/cli/main.js';

describe('command registry', () => {
  it('names each command as the command names itself, once', async () => {
    const names = COMMAND_LOADERS.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    for (const [name, load] of COMMAND_LOADERS) expect((await load())().name()).toBe(name);
  });

  const cases: Array<[string[], string[] | 'all']> = [
    [['worker', '--db', 'x.sqlite'], ['worker']],
    [['events', '--actor', 'state:RUS'], ['events']],
    [['--help'], 'all'],
    [[], 'all'],
    [['help', 'ingest'], 'all'],
    [['ingets', 'a.txt'], 'all'],
  ];
  it.each(cases)('%j loads %j', async (argv, expected) => {
    const loaded = (await loadCommands(argv)).map((make) => make().name());
    expect(loaded).toEqual(expected === 'all' ? COMMAND_LOADERS.map(([name]) => name) : expected);
  });

  it('a program for a named command holds only that command; the full program holds all', async () => {
    expect((await buildProgram(['status'])).commands.map((c) => c.name())).toEqual(['status']);
    expect((await buildProgram()).commands).toHaveLength(COMMAND_LOADERS.length);
  });
});

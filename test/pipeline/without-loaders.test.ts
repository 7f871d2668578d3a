import { describe, expect, it } from 'vitest';
import { withoutLoaders, workerExecArgv } from '../../src/pipeline/parallel-ingest.js';

describe('withoutLoaders (the node options a compiled worker keeps)', () => {
  it.each([
    [['--import', 'tsx'], []],
    [['--import=tsx', '--max-old-space-size=4096'], ['--max-old-space-size=4096']],
    [['--loader', 'ts-node/esm', '--enable-source-maps'], ['--enable-source-maps']],
    [['-r', 'dotenv/config', '--require=x', '--experimental-loader=y'], []],
    [['--max-old-space-size=512', '--stack-size=2000'], ['--max-old-space-size=512', '--stack-size=2000']],
    [[], []],
  ])('%j -> %j', (input, expected) => {
    expect(withoutLoaders(input)).toEqual(expected);
  });

  it('does not take an option that merely starts like a loader flag', () => {
    expect(withoutLoaders(['--imports-are-fine'])).toEqual(['--imports-are-fine']);
  });
});

describe('workerExecArgv (what a Worker accepts of the node options)', () => {
  it.each([
    [['--import=tsx', '--max-old-space-size=4096'], [], { maxOldGenerationSizeMb: 4096 }],
    [['--max-old-space-size', '512', '--enable-source-maps'], ['--enable-source-maps'], { maxOldGenerationSizeMb: 512 }],
    [['--max-semi-space-size=32', '--stack-size=2048'], [], { maxYoungGenerationSizeMb: 96, stackSizeMb: 2 }],
    [['--max_old_space_size=300'], [], { maxOldGenerationSizeMb: 300 }],
    [['--max-old-space-size=lots'], [], {}],
    [['--enable-source-maps'], ['--enable-source-maps'], {}],
  ])('%j -> %j with %j', (input, execArgv, resourceLimits) => {
    expect(workerExecArgv(input)).toEqual({ execArgv, resourceLimits });
  });
});

import { describe, expect, it } from 'vitest';
import { withoutLoaders } from '../../src/pipeline/parallel-ingest.js';

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

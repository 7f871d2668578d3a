import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detachedString } from '../../src/model/detached-string.js';

describe('detachedString', () => {
  it.each([
    ['', ''],
    ['short', 'short'],
    ['twelve chars', 'twelve chars'],
    ['the Government of Japan', 'the Government of Japan'],
    ['astral 𝒳 and more text', 'astral 𝒳 and more text'],
  ])('keeps the characters of %j', (input, expected) => {
    expect(detachedString(input)).toBe(expected);
  });

  // Heap measured in a child process (with a garbage collector to call): phrases kept from large texts
  // must not keep the texts. Plain slices keep them all (the second run is the control that shows it).
  const retainedMb = (detach: boolean): number => {
    const module = fileURLToPath(new URL('../../src/model/detached-string.ts', import.meta.url));
    const script = `
      const { detachedString } = await import(${JSON.stringify(module)});
      const kept = [];
      for (let i = 0; i < 40; i++) {
        const text = String(i).padStart(4, '0') + ' the Government of Japan '.repeat(40_000);
        const phrase = text.slice(5, 28);
        kept.push(${detach} ? detachedString(phrase) : phrase);
      }
      globalThis.gc(); globalThis.gc();
      process.stdout.write(String(process.memoryUsage().heapUsed / 1e6));
      if (kept.length !== 40) process.exit(1);`;
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    return Number(out);
  };

  it('keeps no reference to the text it was cut from (40 texts of 1 MB)', () => {
    const detached = retainedMb(true);
    const sliced = retainedMb(false);
    expect(sliced).toBeGreaterThan(30);
    expect(detached).toBeLessThan(sliced - 30);
  }, 60_000);
});

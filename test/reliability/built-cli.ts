import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Tests that kill or race real processes run the built CLI (`node bin/diplograph.js`). dist/ is
 * rebuilt with tsc when older than src/; when that cannot be done the tests say so and skip.
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'diplograph.js');

function newest(dir: string, ext: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) max = Math.max(max, newest(full, ext));
    else if (entry.name.endsWith(ext)) max = Math.max(max, statSync(full).mtimeMs);
  }
  return max;
}

/** Returns why the built CLI cannot be used, or undefined when it is ready. */
export function ensureBuiltCli(): string | undefined {
  const entry = path.join(ROOT, 'dist', 'cli', 'main.js');
  const fresh = () => existsSync(entry) && newest(path.join(ROOT, 'dist'), '.js') >= newest(path.join(ROOT, 'src'), '.ts');
  if (fresh()) return undefined;
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
  } catch (err) {
    // tsc still writes its output when some other file has a type error; only a missing entry is fatal.
    if (!existsSync(entry)) return `dist/ could not be built: ${(err as Error).message.split('\n')[0]}`;
  }
  return existsSync(entry) ? undefined : 'dist/cli/main.js is missing after the build';
}

export interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Start the built CLI; `done` resolves when it exits, however it exits. */
export function startCli(args: string[], cwd: string): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export async function runBuiltCli(args: string[], cwd: string): Promise<Run> {
  return startCli(args, cwd).done;
}

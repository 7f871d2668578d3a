import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every .txt file under the given folders (or the files themselves), sorted for repeatable runs. */
export function corpusFiles(inputs: string[], limit?: number): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    else if (/\.(txt|md|html?)$/i.test(p)) out.push(p);
  };
  for (const input of inputs) walk(input);
  return limit ? out.slice(0, limit) : out;
}

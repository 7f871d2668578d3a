#!/usr/bin/env node
// Thin launcher so `npx diplograph` works in a clone: the CLI itself is compiled into dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('diplograph: dist/ is missing; run `npm run build` (npm install does this) first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

// Runs the CLI from source in a child process (node --import tsx), so multi-process tests need no build.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));

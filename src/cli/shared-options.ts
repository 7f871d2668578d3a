import { Option } from 'commander';
import { DEFAULT_DB_PATH } from '../kb/open-knowledge-base.js';

export const dbOption = () => new Option('--db <path>', 'knowledge base file').env('DIPLOGRAPH_DB').default(DEFAULT_DB_PATH);
export const formatOption = (def = 'table') => new Option('--format <format>', 'output format: table, json or csv').default(def);
export const periodOption = () => new Option('--period <period>', 'report period to anchor dates on: YYYY, YYYY-MM or YYYY-MM-DD..YYYY-MM-DD (default: inferred)');
export const dctOption = () => new Option('--dct <date>', 'document creation date YYYY-MM-DD for dated statements (default: inferred)');

/** Split repeatable or comma-separated option values. */
export function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

/** An error the user can fix: printed without a stack, exit code 2. */
export class UsageError extends Error {}

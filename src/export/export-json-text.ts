import { batchChunks } from './batch-chunks.js';
import type { ExportJson } from './export-types.js';

/**
 * The contract object as `JSON.stringify(data, null, 2)` followed by a newline, produced record by
 * record so a large export streams instead of being built as one string.
 */
export function jsonChunks(data: ExportJson): Iterable<string> {
  return batchChunks(jsonPieces(data));
}

function* jsonPieces(data: ExportJson): Generator<string> {
  // JSON strings never hold a raw newline, so re-indenting a nested value is a plain replace.
  const indent = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);
  const keys = Object.keys(data).filter((k) => (data as unknown as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (const [k, key] of keys.entries()) {
    const value = (data as unknown as Record<string, unknown>)[key];
    const last = k === keys.length - 1 ? '\n' : ',\n';
    yield `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      yield '[\n';
      for (const [i, item] of value.entries()) {
        yield `    ${indent(JSON.stringify(item ?? null, null, 2), '    ')}${i === value.length - 1 ? '\n' : ',\n'}`;
      }
      yield `  ]${last}`;
    } else {
      yield `${indent(JSON.stringify(value, null, 2), '  ')}${last}`;
    }
  }
  yield '}\n';
}

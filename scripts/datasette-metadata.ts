/**
 * Datasette metadata built from docs/schema.md, so that Datasette shows what each table, view and
 * column means beside the data:
 *
 *   npx tsx scripts/datasette-metadata.ts > metadata.json
 *   datasette diplograph.sqlite -m metadata.json
 *
 * The database name is the file name without its extension (`--db-name` to change it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface TableMetadata { description?: string; columns: Record<string, string> }

const SCHEMA_DOC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schema.md');

/** Each `### name` section's first paragraph as its description, and its column table's meanings. */
export function metadataFromSchemaDoc(markdown: string): Record<string, TableMetadata> {
  const tables: Record<string, TableMetadata> = {};
  let current: TableMetadata | undefined;
  let paragraph: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) { inCode = !inCode; continue; }
    if (inCode) continue;
    const heading = /^###\s+(\S+)\s*$/.exec(line);
    if (heading) { current = { columns: {} }; tables[heading[1]!] = current; paragraph = []; continue; }
    if (/^##\s/.test(line)) { current = undefined; continue; }
    if (!current) continue;
    const row = /^\|\s*`([^`]+)`\s*\|[^|]*\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (row) { if (row[2]) current.columns[row[1]!] = row[2]; continue; }
    if (current.description === undefined && !line.startsWith('|')) {
      if (line.trim() === '') { if (paragraph.length) current.description = paragraph.join(' '); paragraph = []; }
      else paragraph.push(line.trim());
    }
  }
  return tables;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--db-name');
  const name = at > 0 ? process.argv[at + 1]! : 'diplograph';
  const tables = metadataFromSchemaDoc(readFileSync(SCHEMA_DOC, 'utf8'));
  const metadata = {
    title: 'diplograph knowledge base',
    description: 'Diplomatic reports read into events, stances, agreements and figures, each citing its sentence. Start with the views events_readable, stance_matrix and agreement_timeline.',
    databases: { [name]: { tables } },
  };
  process.stdout.write(`${JSON.stringify(metadata, null, 2)}\n`);
}

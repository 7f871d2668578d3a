import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TimeParser } from './time-parser.js';

interface NamedEvent {
  start: string;
  end: string;
}

// The data folder sits at the project root, above src/ when run from source and above dist/src/ when built.
function dataFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'data', 'named-events.tsv');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return '';
}

function load(): Map<string, NamedEvent> {
  const events = new Map<string, NamedEvent>();
  let raw = '';
  try {
    raw = fs.readFileSync(dataFile(), 'utf8');
  } catch {
    return events; // without the data file the parser finds nothing rather than failing the whole layer
  }
  for (const line of raw.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, aliases, start, end] = line.split('\t');
    if (!name || !start || !end) continue;
    for (const n of [name, ...(aliases ? aliases.split('|') : [])]) events.set(n.toLowerCase().replace(/^the /, ''), { start, end });
  }
  return events;
}

const EVENTS = load();
/** Every name and alias, lower case, for the time layer's keyword prefilter (time/parser-anchors.ts). */
export const NAMED_EVENT_NAMES: readonly string[] = [...EVENTS.keys()];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '[ \\t]+');
const NAMES = [...EVENTS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');

// "the end of World War II", "the outbreak of the Cold War", "since World War II".
const PATTERN = NAMES
  ? new RegExp(`(?<![\\w-])(?:the[ \\t]+(end|close|start|beginning|outbreak|onset|middle)[ \\t]+of[ \\t]+)?(?:the[ \\t]+)?(${NAMES})(?![\\w-])`, 'gi')
  : /(?!)/g;

export const namedEventParser: TimeParser = {
  name: 'time.named-event',
  pattern: PATTERN,
  extract(m, text) {
    const event = EVENTS.get(m[2]!.toLowerCase().replace(/\s+/g, ' '));
    if (!event) return null;
    const edge = m[1]?.toLowerCase();
    const before = text.slice(Math.max(0, m.index - 8), m.index).toLowerCase();
    const start = m.index;
    const end = start + m[0].length;
    // A named event alone is an event, not a date; it dates something only after "since", "before", "after", or with "the end of".
    if (!edge) {
      const prep = /(since|after|before|during)[ \t]+$/.exec(before)?.[1];
      if (!prep) return null;
      const value = prep === 'before' ? event.start : prep === 'during' ? `${event.start.slice(0, 4)}` : event.end;
      return { start, end, type: 'DATE', value, range: { start: event.start, end: event.end }, rule: 'time.named-event' };
    }
    const at = edge === 'end' || edge === 'close' ? event.end : edge === 'middle' ? event.start : event.start;
    return { start, end, type: 'DATE', value: at, range: { start: at, end: at }, rule: 'time.named-event' };
  },
};

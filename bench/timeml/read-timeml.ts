/** A TIMEX3 annotation from a TimeML file, with offsets into the document's plain text. */
export interface GoldTimex {
  tid: string;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  mod?: string;
}

export interface TimemlDocument {
  id: string;
  /** The contents of <TEXT> with every tag removed and XML entities decoded. */
  text: string;
  /** The creation time (YYYY-MM-DD) from the TIMEX3 with functionInDocument="CREATION_TIME". */
  dct: string | null;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TAG = /<(\/?)([A-Za-z0-9_]+)([^>]*)>|&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g;
const ATTR = /([A-Za-z_]+)="([^"]*)"/g;

function decodeEntity(name: string): string {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? `&${name};`;
}

function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR)) out[m[1]!] = m[2]!;
  return out;
}

/** Parse one .tml file: plain text of its TEXT element and the gold TIMEX3s inside it. */
export function readTimeml(xml: string, id = ''): TimemlDocument {
  const dctTag = /<TIMEX3([^>]*functionInDocument="CREATION_TIME"[^>]*)>/.exec(xml);
  const dctValue = dctTag ? attributes(dctTag[1]!).value ?? null : null;
  const dct = dctValue && /^\d{4}-\d{2}-\d{2}/.test(dctValue) ? dctValue.slice(0, 10) : null;
  const docId = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? id;
  const bodyStart = xml.indexOf('<TEXT>');
  const bodyEnd = xml.indexOf('</TEXT>');
  const body = bodyStart >= 0 && bodyEnd > bodyStart ? xml.slice(bodyStart + 6, bodyEnd) : '';

  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; attrs: Record<string, string> }[] = [];
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[4] !== undefined) {
      text += decodeEntity(m[4]);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      const o = open.pop();
      if (!o) continue;
      timexes.push({
        tid: o.attrs.tid ?? '',
        start: o.start,
        end: text.length,
        text: text.slice(o.start, text.length),
        type: o.attrs.type ?? '',
        value: o.attrs.value ?? '',
        ...(o.attrs.mod ? { mod: o.attrs.mod } : {}),
      });
    } else if (!m[3]!.trimEnd().endsWith('/')) {
      open.push({ start: text.length, attrs: attributes(m[3]!) });
    }
  }
  text += body.slice(last);
  timexes.sort((a, b) => a.start - b.start || a.end - b.end);
  return { id: docId, text, dct, timexes };
}

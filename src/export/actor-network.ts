import type { ExportDate, ExportJson } from './export-types.js';

/**
 * The actor network behind the graph exports (GraphML, GEXF): entities that act or receive in events,
 * and one directed edge per (actor, recipient, PLOVER event type).
 *
 * Choices, shared with /api/network so that Gephi and the explorer show the same graph:
 * - an event with several actors and recipients adds one to every actor -> recipient pair;
 * - an entity is not its own recipient: joint actions are coded with the parties on both sides
 *   ("Russia and Belarus held exercises"), so a pair with actor = recipient makes no edge;
 * - events without a recipient make no edge, but their actors are nodes and count the event.
 */

export interface ActorNode {
  id: string;
  label: string;
  kind: string;
  country?: string;
  sector?: string;
  iso3?: string;
  wikidata?: string;
  /** Events the entity takes part in, as actor or recipient (an event counts once). */
  events: number;
  asActor: number;
  asRecipient: number;
  /** Earliest start and latest end (YYYY-MM-DD) of its dated events; absent when none is dated. */
  first?: string;
  last?: string;
}

export interface DateInterval { start: string; end: string }

export interface ActorEdge {
  /** Position-based id ("e0", "e1"...): unique whatever characters entity ids contain. */
  id: string;
  source: string;
  target: string;
  /** PLOVER event type. */
  type: string;
  /** All events behind the edge, negated ones included. */
  count: number;
  /** How many of them are negated ("has never condemned"). */
  negated: number;
  /** Quad class of the type (1 verbal cooperation .. 4 material conflict); the most frequent one if events disagree. */
  quad: number;
  /** Mean intensity of the events that are not negated (a negated event does not carry its type's intensity); absent when all are negated. */
  meanIntensity?: number;
  first?: string;
  last?: string;
  /** The dated events' intervals, overlapping or touching ones merged, in time order. */
  intervals: DateInterval[];
}

export interface ActorNetwork { nodes: ActorNode[]; edges: ActorEdge[] }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A YYYY-MM-DD calendar date from an ISO date or date-time, or null when the text is not one. */
export function isoDay(value: string | null | undefined): string | null {
  const m = value ? ISO_DATE.exec(value) : null;
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Date.UTC rolls "2022-02-30" over to March: a round trip rejects impossible days.
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${mo}-${d}`;
}

/** The day interval an event's date covers: its start and end, or the value itself when that is a day. */
export function eventInterval(date: ExportDate | null): DateInterval | null {
  if (!date) return null;
  const start = isoDay(date.start) ?? isoDay(date.end) ?? isoDay(date.value);
  const end = isoDay(date.end) ?? isoDay(date.start) ?? isoDay(date.value);
  if (!start || !end) return null;
  return start <= end ? { start, end } : { start: end, end: start };
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Sorted, disjoint intervals: overlapping ones and ones that meet on consecutive days are joined. */
export function mergeIntervals(intervals: DateInterval[]): DateInterval[] {
  const sorted = [...intervals].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  const out: DateInterval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= nextDay(last.end)) {
      if (i.end > last.end) last.end = i.end;
    } else {
      out.push({ ...i });
    }
  }
  return out;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface EdgeAccumulator { source: string; target: string; type: string; count: number; negated: number; quads: Map<number, number>; intensitySum: number; intervals: DateInterval[] }

export function buildActorNetwork(data: ExportJson): ActorNetwork {
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const nodes = new Map<string, ActorNode>();
  const node = (id: string): ActorNode => {
    let n = nodes.get(id);
    if (!n) {
      const e = entities.get(id);
      // An id the export does not describe (filtered out upstream) still gets a node, named by its id.
      n = { id, label: e?.name ?? id, kind: e?.kind ?? 'other', events: 0, asActor: 0, asRecipient: 0 };
      if (e?.country) n.country = e.country;
      if (e?.sector) n.sector = e.sector;
      if (e?.iso3) n.iso3 = e.iso3;
      if (e?.wikidata) n.wikidata = e.wikidata;
      nodes.set(id, n);
    }
    return n;
  };
  const widen = (n: { first?: string; last?: string }, span: DateInterval | null): void => {
    if (!span) return;
    if (!n.first || span.start < n.first) n.first = span.start;
    if (!n.last || span.end > n.last) n.last = span.end;
  };

  const edges = new Map<string, EdgeAccumulator>();
  for (const event of data.events) {
    const span = eventInterval(event.date);
    const actors = [...new Set(event.actors)];
    const recipients = [...new Set(event.recipients)];
    for (const id of new Set([...actors, ...recipients])) {
      const n = node(id);
      n.events += 1;
      widen(n, span);
    }
    for (const id of actors) node(id).asActor += 1;
    for (const id of recipients) node(id).asRecipient += 1;
    for (const source of actors) {
      for (const target of recipients) {
        if (source === target) continue;
        const key = JSON.stringify([source, target, event.type]);
        let edge = edges.get(key);
        if (!edge) {
          edge = { source, target, type: event.type, count: 0, negated: 0, quads: new Map(), intensitySum: 0, intervals: [] };
          edges.set(key, edge);
        }
        edge.count += 1;
        if (event.negated) edge.negated += 1;
        else edge.intensitySum += event.intensity;
        edge.quads.set(event.quad, (edge.quads.get(event.quad) ?? 0) + 1);
        if (span) edge.intervals.push(span);
      }
    }
  }

  const sortedEdges = [...edges.values()].sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target) || compare(a.type, b.type));
  return {
    nodes: [...nodes.values()].sort((a, b) => compare(a.id, b.id)),
    edges: sortedEdges.map((e, i) => {
      const intervals = mergeIntervals(e.intervals);
      const quad = [...e.quads.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
      const out: ActorEdge = { id: `e${i}`, source: e.source, target: e.target, type: e.type, count: e.count, negated: e.negated, quad, intervals };
      const asserted = e.count - e.negated;
      if (asserted > 0) out.meanIntensity = Math.round((e.intensitySum / asserted) * 1000) / 1000;
      if (intervals.length) {
        out.first = intervals[0]!.start;
        out.last = intervals[intervals.length - 1]!.end;
      }
      return out;
    }),
  };
}

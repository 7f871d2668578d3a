/**
 * A copy of `s` that keeps no reference to the text it was cut from. V8 makes a slice of 13 or more
 * characters a view into the whole string it came from, so a phrase sliced from a document and kept
 * as a key of a long-lived cache keeps that whole document alive, one per cache entry (seen: the
 * texts of hundreds of ingested speeches retained after the ingest). Short slices are copies already.
 */
export function detachedString(s: string): string {
  if (s.length < 13) return s;
  // The concatenation is flattened into a new string by slice(), whose result is a view into that
  // new string only (one character longer than s), not into the document.
  return (' ' + s).slice(1);
}

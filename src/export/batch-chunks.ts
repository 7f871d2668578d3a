/** About how many characters one streamed chunk holds: large enough that per-chunk overhead is negligible. */
export const CHUNK_CHARS = 64 * 1024;

/** Join small text pieces into chunks of about `size` characters, keeping their order. */
export function* batchChunks(pieces: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}

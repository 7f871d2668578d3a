import JSZip from 'jszip';
import type { ExportFile } from './export-format.js';

/** A fixed entry date, so the same export gives the same zip bytes (the DOS format starts in 1980). */
const ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/** The files as one deflated zip archive, streamed out as it is compressed. */
export async function* zipChunks(files: Iterable<ExportFile>): AsyncGenerator<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) {
    let text = '';
    for (const chunk of file.chunks) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    zip.file(file.name, text, { date: ENTRY_DATE, createFolders: false });
  }
  const stream = zip.generateInternalStream({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, streamFiles: true });
  // jszip's stream pushes; a small queue turns it into pull, pausing it while the consumer lags.
  const queue: Uint8Array[] = [];
  let done = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => { wake?.(); wake = undefined; };
  stream
    .on('data', (chunk) => { queue.push(chunk); if (queue.length >= 16) stream.pause(); notify(); })
    .on('end', () => { done = true; notify(); })
    .on('error', (err) => { failure = err; notify(); });
  stream.resume();
  for (;;) {
    if (failure) throw failure;
    const next = queue.shift();
    if (next) {
      if (queue.length < 4) stream.resume();
      yield next;
      continue;
    }
    if (done) return;
    await new Promise<void>((resolve) => { wake = resolve; });
  }
}

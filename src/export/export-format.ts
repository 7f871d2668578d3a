import type { ExportJson } from './export-types.js';

/**
 * One export format. Every format is a pure function of the export contract object (already filtered),
 * so the CLI and the API share it and can stream the chunks as they come.
 */
export interface ExportFormat {
  name: string;
  description: string;
  /** HTTP content type of the whole output. */
  contentType: string;
  /** File extension, without the dot, used for default file names and Content-Disposition. */
  extension: string;
  /** Text chunks (or bytes, for binary formats such as a zip) in output order. */
  render(data: ExportJson): Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
}

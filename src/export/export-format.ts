import type { ExportJson } from './export-types.js';

/** One file of a multi-file export (e.g. `events.csv`), as text or byte chunks in order. */
export interface ExportFile {
  name: string;
  chunks: Iterable<string | Uint8Array>;
}

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
  /**
   * For formats made of several files (csv): the files, which the CLI can write into a folder.
   * render() then yields them as one zip archive, and the CLI needs --out (a folder or a .zip).
   */
  files?(data: ExportJson): Iterable<ExportFile>;
}

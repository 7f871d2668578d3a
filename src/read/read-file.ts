import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReadDocument, SourceFormat } from '../model/index.js';
import { ReadError } from './read-error.js';
import type { FormatReader } from './format-reader.js';
import { readPlainText } from './read-plain-text.js';
import { readHtml } from './read-html.js';
import { readMarkdown } from './read-markdown.js';
import { readPdf } from './read-pdf.js';
import { readDocx } from './read-docx.js';

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 256 MiB). */
  maxBytes?: number;
  /** Force a format instead of guessing from the extension and the content. */
  format?: SourceFormat;
  /** Name to record as the source (defaults to the path). */
  source?: string;
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const READERS: Record<SourceFormat, FormatReader> = {
  text: readPlainText,
  html: readHtml,
  markdown: readMarkdown,
  pdf: readPdf,
  docx: readDocx,
};

const EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'text', '.text': 'text', '': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.md': 'markdown', '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS).filter((e) => e !== '');

/** Guess the format from the content first (magic bytes), then from the extension. */
export function detectFormat(file: string, bytes: Uint8Array): SourceFormat | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.startsWith('%PDF-')) return 'pdf';
  const ext = path.extname(file).toLowerCase();
  if (head.startsWith('PK\u0003\u0004')) return ext === '.docx' ? 'docx' : ext in EXTENSIONS ? EXTENSIONS[ext] : 'docx';
  if (ext in EXTENSIONS) return EXTENSIONS[ext];
  if (/^\s*(<!doctype html|<html|<body|<head)/i.test(head.replace(/^\ufeff/, ''))) return 'html';
  return undefined;
}

/** Read a file of any supported format into the one Document model. */
export async function readFile(file: string, options: ReadOptions = {}): Promise<ReadDocument> {
  const bytes = await loadBytes(file, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return readBytes(file, bytes, options);
}

/** Read bytes already in memory (an upload, stdin) as if they came from `file`. */
export async function readBytes(file: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw new ReadError(file, 'too-large', `is ${bytes.length} bytes, over the limit of ${maxBytes}`);
  if (bytes.length === 0) throw new ReadError(file, 'empty', 'is empty');
  const format = options.format ?? detectFormat(file, bytes);
  if (!format) {
    throw new ReadError(file, 'unsupported-format', `has an unsupported extension "${path.extname(file)}"`,
      `supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
  const out = await READERS[format]({ file, bytes });
  if (out.text.trim() === '') throw new ReadError(file, format === 'pdf' ? 'no-text' : 'empty', 'contains no readable text');
  const id = createHash('sha256').update(out.text).digest('hex').slice(0, 16);
  return {
    id,
    source: options.source ?? file,
    format,
    title: out.title,
    text: out.text,
    blocks: out.blocks,
    footnotes: out.footnotes,
    messages: out.messages.map((m) => ({ ...m, doc: id })),
    ...(out.published ? { published: out.published } : {}),
  };
}

async function loadBytes(file: string, maxBytes: number): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (err) {
    throw fsError(file, err);
  }
  if (stat.isDirectory()) throw new ReadError(file, 'not-a-file', 'is a directory, not a file', 'give files or a glob such as "dir/*.txt"');
  if (!stat.isFile()) throw new ReadError(file, 'not-a-file', 'is not a regular file');
  if (stat.size > maxBytes) throw new ReadError(file, 'too-large', `is ${stat.size} bytes, over the limit of ${maxBytes}`);
  try {
    return await fs.readFile(file);
  } catch (err) {
    throw fsError(file, err);
  }
}

function fsError(file: string, err: unknown): ReadError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ReadError(file, 'not-found', 'does not exist');
  if (code === 'EACCES' || code === 'EPERM') return new ReadError(file, 'unreadable', 'cannot be read (permission denied)');
  if (code === 'ELOOP') return new ReadError(file, 'unreadable', 'is a symbolic link loop');
  if (code === 'EISDIR') return new ReadError(file, 'not-a-file', 'is a directory, not a file');
  return new ReadError(file, 'unreadable', `cannot be read (${code ?? String(err)})`);
}

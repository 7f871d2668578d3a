import type { Block, Footnote, Message } from '../model/index.js';

export interface FormatInput {
  /** The path or name the user gave, used in messages. */
  file: string;
  bytes: Uint8Array;
}

/** What each format's reader returns; `readFile` adds identity, source and format. */
export interface FormatOutput {
  title: string;
  text: string;
  blocks: Block[];
  footnotes: Footnote[];
  messages: Omit<Message, 'doc'>[];
  /** The publication date the format's metadata gives (YYYY-MM-DD), if any: an HTML <meta>, Markdown front matter. */
  published?: string;
}

export type FormatReader = (input: FormatInput) => Promise<FormatOutput>;

/** A half-open range of 0-based UTF-16 offsets into a document's normalised text. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also names its document, as every stored annotation does. */
export interface DocSpan extends Span {
  doc: string;
}

/** A span together with the surface text it slices out of the document. */
export interface TextSpan extends DocSpan {
  text: string;
}

export function textSpan(doc: string, text: string, span: Span): TextSpan {
  return { doc, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

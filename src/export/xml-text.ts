/**
 * Escaping for the XML exports (GraphML, GEXF). Entity names and sentences come from arbitrary documents,
 * so every value goes through one of these two functions.
 */

// Characters XML 1.0 cannot carry at all, not even as character references (controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Element content: `&` and `<` must be escaped; `>` too, so that "]]>" never appears. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '\uFFFD').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  // A parser normalises literal tabs and line breaks in attribute values to spaces; references keep them.
  '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** An attribute value, for use between double quotes. */
export function xmlAttribute(value: string | number): string {
  return String(value).replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

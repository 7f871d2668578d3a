import fc from 'fast-check';

/**
 * Damage of the kinds real files suffer: bytes flipped, a truncated download, junk spliced in,
 * a block repeated or removed, line endings converted, a BOM or NUL inserted. Each arbitrary value
 * is a function so the same damage can be applied to any input and shrinks to a small case.
 */
type Mutation = (bytes: Uint8Array) => Uint8Array;

const position = fc.double({ min: 0, max: 1, noNaN: true });
const at = (bytes: Uint8Array, p: number) => Math.min(bytes.length, Math.floor(p * bytes.length));

const oneMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(position, fc.integer({ min: 0, max: 255 })).map(([p, b]) => (bytes: Uint8Array) => {
    const out = bytes.slice();
    const i = at(out, p);
    if (i < out.length) out[i] = b;
    return out;
  }),
  position.map((p) => (bytes: Uint8Array) => bytes.slice(0, at(bytes, p))),
  fc.tuple(position, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([p, junk]) => (bytes: Uint8Array) => {
    const i = at(bytes, p);
    return Uint8Array.from([...bytes.subarray(0, i), ...junk, ...bytes.subarray(i)]);
  }),
  fc.tuple(position, position).map(([a, b]) => (bytes: Uint8Array) => {
    const [i, j] = [at(bytes, Math.min(a, b)), at(bytes, Math.max(a, b))];
    return Uint8Array.from([...bytes.subarray(0, i), ...bytes.subarray(j)]);
  }),
  fc.tuple(position, fc.integer({ min: 1, max: 400 })).map(([p, n]) => (bytes: Uint8Array) => {
    const i = at(bytes, p);
    const block = bytes.subarray(i, i + n);
    return Uint8Array.from([...bytes.subarray(0, i), ...block, ...block, ...bytes.subarray(i)]);
  }),
  fc.constantFrom<Mutation>(
    (bytes) => Uint8Array.from(Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\n/g, '\r\n'), 'latin1')),
    (bytes) => Uint8Array.from(Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\n/g, '\r'), 'latin1')),
    (bytes) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]),
    (bytes) => Uint8Array.from([...bytes.subarray(0, 10), 0, ...bytes.subarray(10)]),
    (bytes) => bytes.map((b) => (b === 0x2e ? 0x0a : b)),
  ),
);

export function mutatedBytes(maxMutations = 4): fc.Arbitrary<Mutation> {
  return fc.array(oneMutation, { minLength: 1, maxLength: maxMutations }).map((ms) => (bytes: Uint8Array) => ms.reduce((b, m) => m(b), bytes));
}

/** Word-level damage to real text that stays text: what an OCR pass or a bad copy-paste does. */
export function mutatedText(): fc.Arbitrary<(text: string) => string> {
  const edit = fc.oneof(
    fc.tuple(position, fc.constantFrom('.', '. ', '\n', '\n\n', '(', ')', '"', '“', '—', '1', '2022', 'March', 'May 5', 'Mr.', 'U.S.', '  ', '\t', 'e.g.', '§', '…', '\u00ad', '\u200b', 'ﬁ', '🙂', '\ud83c')),
    fc.tuple(position, fc.string({ maxLength: 8 })),
  ).map(([p, s]) => (text: string) => {
    const i = Math.min(text.length, Math.floor(p * text.length));
    return text.slice(0, i) + s + text.slice(i);
  });
  const cut = fc.tuple(position, position).map(([a, b]) => (text: string) => {
    const [i, j] = [Math.floor(Math.min(a, b) * text.length), Math.floor(Math.max(a, b) * text.length)];
    return text.slice(0, i) + text.slice(j);
  });
  return fc.array(fc.oneof(edit, edit, cut), { minLength: 1, maxLength: 12 }).map((es) => (text: string) => es.reduce((t, e) => e(t), text));
}

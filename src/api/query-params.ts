/** Querystring pieces shared by the list routes, so every filter reads and validates the same way. */
export const csvParam = { type: 'string', maxLength: 2000 } as const;
export const datePrefixParam = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;

/** "a, b,,c" -> ['a', 'b', 'c']; empty or missing -> undefined (no filter). */
export function splitList(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

export const dateOrNull = {
  type: ['object', 'null'],
  properties: { value: { type: 'string' }, start: { type: ['string', 'null'] }, end: { type: ['string', 'null'] } },
} as const;

export const evidenceSpan = {
  type: 'object',
  properties: { doc: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
  required: ['doc', 'start', 'end', 'text'],
} as const;

/** One colour per entity kind, used by the reader, the network and every entity chip (see style.css). */
export const ENTITY_KINDS = ['state', 'person', 'organization', 'bloc', 'agreement', 'place', 'other'] as const;

export const KIND_COLOURS: Record<string, string> = {
  state: '#1f6fb2',
  person: '#8e3fa8',
  organization: '#0f8577',
  bloc: '#c2620a',
  agreement: '#8a6d1f',
  place: '#3f7d20',
  other: '#666666',
};

export function kindColour(kind: string): string {
  return KIND_COLOURS[kind] ?? KIND_COLOURS.other!;
}

/**
 * Lists of parties (entity ids) of one elements kind. To V8 an empty array literal, or an empty
 * result of filter or of spreading an empty list, is an array of small integers, and a list
 * holding ids an array of objects: two maps, so code reading actors and recipients was deoptimised
 * (and compiled again) when the other came by. Empty party lists are made here instead, of the
 * kind a list of ids has; non-empty ones already are.
 */
export function noParties(): string[] {
  const list = [''];
  list.pop();
  return list;
}

/** The list itself, or when it is empty a new empty list of the kind a list of ids has. */
export function partyList(list: string[]): string[] {
  return list.length === 0 ? noParties() : list;
}

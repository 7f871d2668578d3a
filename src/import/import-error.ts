/**
 * A file that cannot be imported, with every problem found (up to a limit) named by where it is:
 * "events[12].evidence: offsets 40-20 ..." so that the person fixing it knows which record to look at.
 * Nothing has been written when this is thrown.
 */
export class ImportError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
    this.name = 'ImportError';
  }
}

/** Why a file could not be read; the CLI and the API turn these into messages and exit codes / statuses. */
export type ReadProblem =
  | 'not-found'
  | 'not-a-file'
  | 'unreadable'
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'too-large'
  | 'unsupported-format'
  | 'corrupt'
  | 'encrypted'
  | 'no-text';

/** An error that names the file and the problem, so a user knows what to fix. */
export class ReadError extends Error {
  readonly file: string;
  readonly problem: ReadProblem;
  readonly hint?: string;

  constructor(file: string, problem: ReadProblem, detail: string, hint?: string) {
    super(`${file}: ${detail}${hint ? ` (${hint})` : ''}`);
    this.name = 'ReadError';
    this.file = file;
    this.problem = problem;
    if (hint !== undefined) this.hint = hint;
  }
}

/** One registry of the API's error codes, so clients can switch on `code` rather than on text. */
export const API_ERRORS = {
  NOT_FOUND: { status: 404, message: 'not found' },
  BAD_REQUEST: { status: 400, message: 'bad request' },
  UNREADABLE_DOCUMENT: { status: 422, message: 'the document could not be read' },
  READ_ONLY: { status: 403, message: 'this server is read-only' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'request body too large' },
  INTERNAL: { status: 500, message: 'internal error' },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, message?: string) {
    super(message ?? API_ERRORS[code].message);
  }
  get status(): number {
    return API_ERRORS[this.code].status;
  }
}

export const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'code', 'message'],
} as const;

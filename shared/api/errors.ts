// Typed API errors: the only error shape that crosses a transport (IPC or WebSocket).

export const ERROR_CODES = [
  'NOT_FOUND',
  'CONFLICT',
  'OUTSIDE_WORKSPACE',
  'INVALID_ARGUMENT',
  'UNSUPPORTED',
  'INTERNAL',
  // Issue 12: file-system errors mapped to what they mean, and a search too costly to finish.
  'INVALID_PATH',
  'PERMISSION_DENIED',
  'UNAVAILABLE',
  'QUERY_TOO_EXPENSIVE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Plain-data form of an error, as sent over a transport. */
export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  /** The argument at fault, as a dotted path (`path`, `range.start`), for INVALID_ARGUMENT. */
  field?: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }

  toData(): ApiErrorData {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.field);
  }
}

export function isApiErrorData(value: unknown): value is ApiErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.message === 'string' && (ERROR_CODES as readonly unknown[]).includes(v.code);
}

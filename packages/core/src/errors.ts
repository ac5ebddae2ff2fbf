/**
 * One error hierarchy for every package. Each class carries a `Symbol.for` marker so that
 * `isInstance` works across duplicate copies of this package (instanceof does not).
 */
import type { BackendId } from './model/ref.js';

const MARKER = Symbol.for('mlops-mcp.error');

/** Machine-readable error kinds; the server maps each to advice for the model. */
export type ErrorKind =
  | 'invalid_input'
  | 'not_found'
  | 'auth'
  | 'unavailable'
  | 'timeout'
  | 'rate_limited'
  | 'backend'
  | 'bad_response'
  | 'unsupported'
  | 'config'
  | 'cancelled';

export interface MlopsErrorOptions {
  backend?: BackendId | undefined;
  /** What the caller can do about it, phrased for an AI agent. */
  hint?: string | undefined;
  /** HTTP status the backend answered, when there was one. */
  status?: number | undefined;
  /** The input field at fault, for invalid_input. */
  field?: string | undefined;
  /** Structured facts the model can act on (e.g. unknown arguments and their closest names). */
  details?: object | undefined;
  cause?: unknown;
}

/** Base class of every error this project throws on purpose. */
export class MlopsError extends Error {
  readonly [MARKER] = true;
  readonly kind: ErrorKind;
  readonly backend: BackendId | undefined;
  readonly hint: string | undefined;
  readonly status: number | undefined;
  readonly field: string | undefined;
  readonly details: object | undefined;

  constructor(kind: ErrorKind, message: string, options: MlopsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MlopsError';
    this.kind = kind;
    this.backend = options.backend;
    this.hint = options.hint;
    this.status = options.status;
    this.field = options.field;
    this.details = options.details;
  }

  /** True for any MlopsError, even one created by another copy of this package. */
  static isInstance(value: unknown): value is MlopsError {
    return typeof value === 'object' && value !== null && MARKER in value;
  }
}

/** The caller's input is wrong; retrying the same input will fail again. */
export class InvalidInputError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('invalid_input', message, options);
    this.name = 'InvalidInputError';
  }
}

/** The entity asked for does not exist (or is not visible with these credentials). */
export class NotFoundError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('not_found', message, options);
    this.name = 'NotFoundError';
  }
}

/** The backend rejected the credentials, or they are missing. */
export class AuthError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('auth', message, options);
    this.name = 'AuthError';
  }
}

/** The backend could not be reached or answered 5xx after retries. */
export class BackendUnavailableError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('unavailable', message, options);
    this.name = 'BackendUnavailableError';
  }
}

/** A deadline passed before the backend answered. */
export class TimeoutError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('timeout', message, options);
    this.name = 'TimeoutError';
  }
}

/** The backend kept answering 429. */
export class RateLimitedError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('rate_limited', message, options);
    this.name = 'RateLimitedError';
  }
}

/** The backend answered with an error this project has no better class for. */
export class BackendError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('backend', message, options);
    this.name = 'BackendError';
  }
}

/** The backend answered 2xx but the body did not match the expected schema. */
export class BadResponseError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('bad_response', message, options);
    this.name = 'BadResponseError';
  }
}

/** The adapter does not implement this capability or method. */
export class UnsupportedCapabilityError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('unsupported', message, options);
    this.name = 'UnsupportedCapabilityError';
  }
}

/** The request was cancelled by the caller. */
export class CancelledError extends MlopsError {
  constructor(message = 'The request was cancelled.', options: MlopsErrorOptions = {}) {
    super('cancelled', message, options);
    this.name = 'CancelledError';
  }
}

/** Configuration is missing or malformed; names the variable or flag at fault. */
export class ConfigError extends MlopsError {
  constructor(message: string, options: MlopsErrorOptions = {}) {
    super('config', message, options);
    this.name = 'ConfigError';
  }
}

import { ConfigError, InvalidInputError } from '../errors.js';

export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

/**
 * Validates a request path built from tool input: relative to the backend's base URL, no
 * scheme or host, no `..` traversal. The gateway only ever talks to configured base URLs.
 */
export function assertSafePath(path: string): void {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    throw new InvalidInputError(`Refusing absolute URL in request path: ${path.slice(0, 80)}`);
  }
  const decoded = safeDecode(path.split('?')[0] ?? '');
  if (decoded.split(/[\\/]/).some((segment) => segment === '..')) {
    throw new InvalidInputError('Refusing path with ".." traversal.');
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Joins a base URL path and a relative path and appends query parameters (arrays repeat). */
export function buildPath(
  basePath: string,
  path: string,
  query?: Record<string, QueryValue>,
): string {
  assertSafePath(path);
  const joined = `${basePath.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else {
      params.append(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${joined}?${qs}` : joined;
}

/**
 * Checks that a configured `value` is an http(s) URL and returns it trimmed, without trailing
 * slashes. `name` is the setting it came from, `example` a valid value and `what` (optional)
 * what the URL should point at; the error never repeats the value, which may carry credentials
 * in its userinfo.
 */
export function requireHttpUrl(
  value: string,
  name: string,
  example: string,
  what?: string,
): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  let protocol: string | undefined;
  try {
    protocol = new URL(trimmed).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
    const got = scheme && protocol ? `a "${scheme}:" URL` : 'a value that is not a URL';
    throw new ConfigError(
      `${name} must be an http(s) URL${what ? ` of ${what}` : ''} (got ${got}), e.g. ${example}.`,
    );
  }
  return trimmed;
}

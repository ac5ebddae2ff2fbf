import { ConfigError } from '@mlops-mcp/core';

/**
 * Checks that `value` is an http(s) URL and returns it trimmed, without trailing slashes.
 * `name` is the variable the value came from; the error never repeats the value, which may
 * carry credentials in its userinfo.
 */
export function requireHttpUrl(value: string, name: string, example: string): string {
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
    throw new ConfigError(`${name} must be an http(s) URL (got ${got}), e.g. ${example}.`);
  }
  return trimmed;
}

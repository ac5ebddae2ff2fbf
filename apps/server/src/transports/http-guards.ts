import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A request header's value (the first, when repeated), by lower-case name. */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Host names accepted in the Host header: loopback plus the bind address (unless a wildcard). */
export function defaultAllowedHosts(bindHost: string): string[] {
  const names = new Set(LOOPBACK_NAMES);
  if (bindHost !== '0.0.0.0' && bindHost !== '::')
    names.add(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
  return [...names];
}

/** Origin host names accepted from browsers by default: loopback only. */
export function defaultAllowedOrigins(): string[] {
  return [...LOOPBACK_NAMES];
}

/** Compares the request's bearer token to the configured one in constant time. */
export function hasValidBearer(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return false;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]!, 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

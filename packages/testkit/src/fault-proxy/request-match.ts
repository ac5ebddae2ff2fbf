import type { FaultKind, RequestMatch } from './fault.js';

/** One request as the proxy saw it. */
export interface ProxiedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The request body as text (tests match GraphQL operation names in it). */
  body: string;
  /** The fault played for this request, if any. */
  fault: FaultKind | undefined;
}

/** True when `request` satisfies every field of `match` (an empty match takes everything). */
export function matchesRequest(
  match: RequestMatch | undefined,
  request: Pick<ProxiedRequest, 'method' | 'path' | 'body'>,
): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (typeof match.path === 'string' && match.path !== request.path) return false;
  if (match.path instanceof RegExp && !match.path.test(request.path)) return false;
  if (match.bodyIncludes !== undefined && !request.body.includes(match.bodyIncludes)) return false;
  return true;
}

import {
  type BackendAdapter,
  type BackendId,
  type EntityKind,
  parseEntityUri,
  parseRefUri,
} from '@mlops-mcp/core';
import type { CrossContext } from './cross-context.js';

/** A ref uri resolved to the enabled adapter it belongs to and the id its capabilities take. */
export interface RefTarget {
  adapter: BackendAdapter;
  kind: EntityKind;
  /** The id the adapter's capabilities take (its `localId`, else the ref's id). */
  id: string;
}

/**
 * Resolves a ref uri of one of `kinds` to its adapter. `backend` is set whenever the uri is such
 * a ref, `target` only when its backend is enabled; the caller says what it expected.
 */
export function refTarget(
  uri: string,
  client: Pick<CrossContext, 'adapters'>,
  kinds: readonly EntityKind[],
): { backend?: string; target?: RefTarget } {
  const parsed = parseEntityUri(uri) ?? addedBackendRef(uri, client);
  if (!parsed || !kinds.includes(parsed.kind)) return {};
  const adapter = client.adapters.get(parsed.backend as BackendId);
  if (!adapter) return { backend: parsed.backend };
  const id = adapter.localId?.({ ...parsed, uri }) ?? parsed.id;
  return { backend: parsed.backend, target: { adapter, kind: parsed.kind, id } };
}

/** A ref of an enabled backend this project does not ship (an adapter passed to createGateway). */
function addedBackendRef(uri: string, client: Pick<CrossContext, 'adapters'>) {
  const scheme = /^([a-z]+):\/\//.exec(uri)?.[1];
  if (!scheme || !client.adapters.has(scheme as BackendId)) return undefined;
  return parseRefUri(uri);
}

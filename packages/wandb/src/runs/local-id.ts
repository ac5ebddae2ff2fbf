import type { BackendAdapter } from '@mlops-mcp/core';

/**
 * The id W&B capabilities take for a ref: runs are addressed "<entity>/<project>/<id>", traces
 * by their whole ref uri (which carries the project); anything else by its id.
 */
export const wandbLocalId: NonNullable<BackendAdapter['localId']> = (ref) => {
  if (ref.kind === 'run') return [...ref.scope, ref.id].join('/');
  if (ref.kind === 'trace') return ref.uri;
  return ref.id;
};

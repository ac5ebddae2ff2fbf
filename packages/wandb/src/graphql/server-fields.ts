import { MlopsError } from '@mlops-mcp/core';
import { z } from 'zod';
import type { GraphqlDocument } from './graphql-document.js';

/**
 * Fields the adapter's documents may leave out when a server lacks them (older and self-managed
 * W&B Server releases implement less of the schema than W&B's cloud). Everything else a
 * document selects on these types is required: ids, names, state, config, summary, times.
 */
export const OPTIONAL_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Run: [
    'displayName',
    'description',
    'notes',
    'group',
    'jobType',
    'host',
    'commit',
    'sweepName',
    'tags',
    'updatedAt',
    'heartbeatAt',
    'historyLineCount',
    'user',
    'systemMetrics',
  ],
  Project: ['entityName', 'description', 'createdAt', 'updatedAt', 'runCount'],
};

/** Per type the adapter introspects, the names of its fields on this server. */
export type ServerFields = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * One introspection of the types the adapter may trim, as W&B's SDK probed the server
 * (`__type(name: "Project") { fields { name } }`, wandb/apis/public/runs.py before 0.25).
 */
export const ServerFieldsDocument: GraphqlDocument<
  Record<string, { fields: { name: string }[] | null } | null>
> = {
  name: 'WandbServerFields',
  kind: 'query',
  operation: 'introspect the server schema',
  text: `query WandbServerFields {\n${Object.keys(OPTIONAL_FIELDS)
    .map((type) => `  ${type}: __type(name: "${type}") { fields { name } }`)
    .join('\n')}\n}`,
  schema: z.record(
    z.string(),
    z.object({ fields: z.array(z.object({ name: z.string() })).nullable() }).nullable(),
  ),
};

/** Servers remembered per process; more distinct GraphQL URLs than this evict the oldest. */
const MAX_SERVERS = 32;
/** What each server (GraphQL URL) provides; undefined when it cannot say (introspection refused). */
const known = new Map<string, Promise<ServerFields | undefined>>();

/**
 * Error kinds that say nothing about the schema (the server is down, slow, busy or refuses the
 * key): the call fails with that error, as the document itself would have, and the next call
 * asks again.
 */
const TRANSIENT = new Set(['unavailable', 'timeout', 'rate_limited', 'cancelled', 'auth']);

/**
 * What the server at `url` provides, learned once per process: `introspect` runs the first
 * time. A refusal (introspection disabled, an error answer) is remembered as "unknown" so the
 * full documents are sent as before; a transient failure rejects and is forgotten.
 */
export async function serverFields(
  url: string,
  introspect: () => Promise<Record<string, { fields: { name: string }[] | null } | null>>,
): Promise<ServerFields | undefined> {
  let entry = known.get(url);
  if (!entry) {
    entry = introspect().then(
      (data) => {
        const fields = new Map<string, ReadonlySet<string>>();
        for (const [type, info] of Object.entries(data)) {
          if (info?.fields) fields.set(type, new Set(info.fields.map((f) => f.name)));
        }
        return fields.size > 0 ? fields : undefined;
      },
      (error: unknown) => {
        if (MlopsError.isInstance(error) && !TRANSIENT.has(error.kind)) return undefined;
        known.delete(url);
        throw error;
      },
    );
    if (known.size >= MAX_SERVERS) known.delete(known.keys().next().value!);
    known.set(url, entry);
  }
  return entry;
}

/** Forgets every server (tests). */
export function forgetServerFields(): void {
  known.clear();
}

import type { SeedContext } from '../../task.js';

/**
 * Seeding and truth for the Weave tasks: the real `weave` Python client writes the calls (into
 * the task's own project), and the trace server's own REST API (`/calls/stream_query`) is read
 * for the truth, never the gateway.
 */

/**
 * Runs `body` after a preamble that sets `client` to a global WeaveClient on the task's project
 * (`PROJECT`), wired as testkit/python/seed_weave.py wires it (weave.init would ask W&B's GraphQL
 * API), and with `weave` and `datetime` imported. The body must end by printing one JSON line.
 */
export async function runWeavePython<T>(
  ctx: SeedContext,
  project: string,
  body: string,
): Promise<T> {
  const preamble = `
import datetime, json, os, sys
import weave
from weave.trace import weave_client
from weave.trace.context import weave_client_context
from weave.trace_server_bindings.remote_http_trace_server import RemoteHTTPTraceServer

ENTITY = os.environ["WEAVE_ENTITY"]
PROJECT = os.environ["EVAL_WEAVE_PROJECT"]
_out = sys.stdout
sys.stdout = sys.stderr  # the SDK prints links; keep stdout for the JSON line
server = RemoteHTTPTraceServer(
    os.environ["WF_TRACE_SERVER_URL"], should_batch=True, auth=("api", os.environ["WANDB_API_KEY"])
)
client = weave_client.WeaveClient(ENTITY, PROJECT, server, ensure_project_exists=False)
weave_client_context.set_weave_client_global(client)
now = datetime.datetime.now(tz=datetime.timezone.utc)

def ms(n):
    return datetime.timedelta(milliseconds=n)

def done(result):
    client.flush()
    _out.write(json.dumps(result) + "\\n")
    _out.flush()
`;
  return ctx.python<T>(`${preamble}\n${body}`, { EVAL_WEAVE_PROJECT: project });
}

/** One call as the trace server stores it. */
export interface ServerCall {
  id: string;
  trace_id: string;
  parent_id: string | null;
  op_name: string;
  display_name?: string | null;
  started_at: string;
  ended_at?: string | null;
  exception?: string | null;
}

/** Every call of the project, from the trace server's REST API (JSON lines). */
export async function serverCalls(ctx: SeedContext, project: string): Promise<ServerCall[]> {
  const response = await fetch(`${ctx.weave.url}/calls/stream_query`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`api:${ctx.weave.apiKey}`).toString('base64')}`,
    },
    body: JSON.stringify({
      project_id: `${ctx.weave.entity}/${project}`,
      sort_by: [{ field: 'started_at', direction: 'asc' }],
    }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`calls/stream_query answered ${response.status}: ${text}`);
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as ServerCall);
}

/** "weave:///entity/project/op/generate:digest" (or a bare name) → "generate". */
export function opName(ref: string | undefined | null): string {
  if (!ref) return '';
  const tail = ref.includes('/op/') ? ref.split('/op/')[1]! : ref;
  return tail.split(':')[0]!;
}

/**
 * A call's exception as "Type: message": the server stores the SDK's JSON
 * `{"type", "message", "traceback"}` (older clients sent the plain text).
 */
export function exceptionText(call: ServerCall): string | undefined {
  if (!call.exception) return undefined;
  try {
    const parsed = JSON.parse(call.exception) as { type?: string; message?: string };
    if (parsed.type || parsed.message) return `${parsed.type ?? 'Error'}: ${parsed.message ?? ''}`;
  } catch {
    // plain text
  }
  return call.exception;
}

/** A call's latency in ms, from its start and end. */
export function latencyMs(call: ServerCall): number | undefined {
  return call.ended_at ? Date.parse(call.ended_at) - Date.parse(call.started_at) : undefined;
}

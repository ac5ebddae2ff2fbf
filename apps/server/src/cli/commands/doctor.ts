import type { BackendHealth } from '@mlops-mcp/core';
import type { GatewayBase } from '../../gateway-core.js';

const NOT_CONFIGURED: Record<string, string> = {
  mlflow: 'set MLFLOW_TRACKING_URI to your tracking server (e.g. http://127.0.0.1:5000)',
  wandb:
    'set WANDB_API_KEY (or run `wandb login`), and WANDB_BASE_URL for a dedicated or self-managed server',
  prefect:
    'set PREFECT_API_URL (and PREFECT_API_KEY for Prefect Cloud) or activate a Prefect profile with one',
};

/** Checks every configured backend; prints one block per backend. Resolves to the exit code. */
export async function doctor(
  gateway: GatewayBase,
  json: boolean,
  write: (text: string) => void,
): Promise<number> {
  const results: Record<string, BackendHealth & { url: string }> = {};
  for (const [name, adapter] of await gateway.loadAdapters()) {
    process.stderr.write(`doctor: checking ${name} at ${adapter.baseUrl}...\n`);
    const signal = AbortSignal.timeout(10_000);
    results[name] = { url: adapter.baseUrl, ...(await adapter.checkHealth({ signal })) };
  }
  const healthy = (health: BackendHealth) =>
    health.reachable && health.authenticated !== false && !health.problem;
  const ok = Object.keys(results).length > 0 && Object.values(results).every(healthy);
  if (json) {
    write(`${JSON.stringify({ ok, backends: results })}\n`);
    return ok ? 0 : 1;
  }
  for (const name of Object.keys(NOT_CONFIGURED)) {
    const health = results[name];
    if (!health) {
      write(`${name.padEnd(8)} not configured: ${NOT_CONFIGURED[name]}\n`);
      continue;
    }
    if (healthy(health)) {
      write(
        `${name.padEnd(8)} ok      ${health.url}  version ${health.version ?? '?'}  ${health.latencyMs} ms\n`,
      );
      continue;
    }
    const what = !health.reachable
      ? 'unreachable'
      : health.authenticated === false
        ? 'auth failed'
        : 'error';
    write(
      `${name.padEnd(8)} FAIL    ${health.url}  ${what}: ${health.problem?.message ?? 'unknown problem'}\n`,
    );
    write(`${''.padEnd(8)} fix:    ${fixHint(name, health)}\n`);
  }
  write(
    ok
      ? 'all configured backends are healthy\n'
      : 'some backends need attention (see fix: lines)\n',
  );
  return ok ? 0 : 1;
}

function fixHint(name: string, health: BackendHealth): string {
  if (!health.reachable) {
    return `check that the ${name} server is running and that its URL (host, port, http/https) is right`;
  }
  if (health.authenticated === false && name === 'mlflow') {
    return 'set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, to credentials the server accepts';
  }
  return health.problem?.hint ?? 'see the message above';
}

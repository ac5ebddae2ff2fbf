import { OPTIONS } from '../config/load-config.js';

const DESCRIPTIONS: Record<keyof typeof OPTIONS, string> = {
  mlflow: 'Enable MLflow: true | false | auto (auto = on when MLFLOW_TRACKING_URI is set)',
  wandb: 'Enable Weights & Biases: true | false | auto',
  prefect: 'Enable Prefect: true | false | auto',
  'read-only': 'Hide every write tool (default true); false lists write tools too',
  toolsets: 'Comma-separated toolsets: backend names (mlflow), areas (runs, experiments) or all',
  tools: 'Comma-separated tool names to expose in addition to --toolsets',
  'exclude-tools': 'Comma-separated tool names to hide (wins over --tools and --toolsets)',
  transport: 'stdio (default) | http',
  host: 'HTTP bind address (default 127.0.0.1)',
  port: 'HTTP port (default 3333; 0 picks a free one)',
  'allow-no-auth': 'Serve HTTP without a bearer token (default false)',
  'allowed-hosts': 'Comma-separated Host header names accepted over HTTP (default: loopback)',
  'allowed-origins': 'Comma-separated browser Origin host names accepted (default: loopback)',
  'max-body-bytes': 'Largest HTTP request body accepted (default 1048576)',
  'backend-headers':
    'Accept per-request backend credentials over HTTP: X-MLflow-Tracking-Uri/-Token/-Username/-Password, X-Prefect-Api-Url/-Key/-Auth-String, X-Wandb-Api-Key/-Base-Url/-Entity/-Project (default false)',
  'backend-hosts':
    "Comma-separated hosts a request's backend URL header may name: host, host:port, *.domain, * (default: none; requests then bring credentials only)",
  'headers-timeout-ms': 'Time a client has to send its HTTP request headers, in ms (default 10000)',
  'request-timeout-ms':
    'Time a client has to send its whole HTTP request, body included, in ms; 408 then (default 30000; responses are not limited)',
  'max-connections': 'Open HTTP connections at most; more are closed on arrival (default 512)',
  'log-level': 'fatal | error | warn | info | debug | trace | silent (logs go to stderr)',
  'max-response-tokens': 'Per-response budget in estimated tokens (default 8000)',
  'backend-timeout-ms':
    'Deadline for one backend call, retries included, in ms (1000-600000; default 60000)',
  'code-timeout-ms':
    'Code mode: wall-clock deadline of one mlops_execute snippet, backend calls included, in ms (default 30000)',
  'code-memory-mb': "Code mode: memory cap of one snippet's sandbox, in MiB (default 64)",
  'code-max-calls': 'Code mode: backend calls one snippet may make (default 50)',
};

/** The --help text. */
export function helpText(version: string): string {
  const rows = Object.entries(OPTIONS).map(([name, { env }]) => {
    const flag = `--${name} <value>`.padEnd(30);
    return `  ${flag}${DESCRIPTIONS[name as keyof typeof OPTIONS]}\n  ${''.padEnd(30)}env: ${env}`;
  });
  return `mlops-mcp ${version} - one MCP server for MLflow, Weights & Biases and Prefect

Usage:
  mlops-mcp [serve] [options]   Serve MCP over stdio (default) or HTTP (--http)
  mlops-mcp doctor [--json]     Check each configured backend: reachable, authenticated, version, latency
  mlops-mcp tools [--json]      List the tools the current configuration exposes, with token cost
  mlops-mcp config              Print the resolved configuration, credentials masked
  mlops-mcp --version | --help

Backends are configured with their own variables: MLFLOW_TRACKING_URI, MLFLOW_TRACKING_TOKEN,
MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD; PREFECT_API_URL, PREFECT_API_KEY,
PREFECT_API_AUTH_STRING (else the active profile in ~/.prefect/profiles.toml); WANDB_API_KEY
(else the key \`wandb login\` stored in ~/.netrc), WANDB_BASE_URL, WANDB_ENTITY, WANDB_PROJECT.
The HTTP bearer token is read only from MLOPS_MCP_HTTP_TOKEN (never a flag, so it does not show in process lists).

Options (a flag wins over its environment variable):
  --http                        Same as --transport http
${rows.join('\n')}

Exit codes: 0 ok, 1 runtime failure (doctor: a backend needs attention), 2 bad configuration.
`;
}

import { measureColdStart } from './cold-start.js';
import { markdownTable, ratioCell, spreadCell } from './format.js';

/**
 * The cold-start part of `pnpm bench` alone (`pnpm --filter @mlops-mcp/bench run cold-start`,
 * optionally `-- <runs>`): a start that lists tools calls no backend, so the gateway is pointed
 * at addresses nothing answers at, with MLflow alone and with all three backends configured.
 * Same method as the full run (spawn → initialize → first tools/list, interleaved with a bare
 * Node stdio server); prints one markdown table.
 */
const UNUSED = 'http://127.0.0.1:9';
const CONFIGS: [string, Record<string, string>][] = [
  ['MLflow only', { MLFLOW_TRACKING_URI: UNUSED }],
  [
    'three backends',
    {
      MLFLOW_TRACKING_URI: UNUSED,
      PREFECT_API_URL: `${UNUSED}/api`,
      WANDB_API_KEY: 'bench-key-0123456789',
      WANDB_BASE_URL: UNUSED,
      WF_TRACE_SERVER_URL: UNUSED,
    },
  ],
];
const runs = Number(process.argv[2] ?? 10);

const rows: string[][] = [];
for (const [label, env] of CONFIGS) {
  const result = await measureColdStart(env, runs);
  rows.push([
    label,
    String(result.tools),
    spreadCell(result.gatewayMs, 0),
    spreadCell(result.bareNodeMs, 0),
    ratioCell(result.ratio),
    `${spreadCell(result.gatewayRssMiB, 0)} ÷ ${spreadCell(result.bareNodeRssMiB, 0)} = ${ratioCell(result.rssRatio)}`,
  ]);
}
process.stdout.write(
  `## Cold start over stdio: spawn → first tools/list answer (${runs} runs each)\n\n${markdownTable(
    [
      'configured',
      'tools',
      'gateway ms',
      'bare Node ms',
      'gateway ÷ bare',
      'RSS MiB: gateway ÷ bare',
    ],
    rows,
  )}\n`,
);

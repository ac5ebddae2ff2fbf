import { markdownTable } from './format.js';
import { toolListTable } from './result-tables.js';
import { measureToolList } from './tokens.js';

/**
 * The tools/list part of `pnpm bench` alone (`pnpm --filter @mlops-mcp/bench run tool-list`):
 * listing tools calls no backend, so the gateway is pointed at addresses nothing answers at, and
 * the run takes seconds instead of starting the seeded servers. Prints the table as markdown.
 */
const UNUSED = 'http://127.0.0.1:9';
const env = {
  MLFLOW_TRACKING_URI: UNUSED,
  PREFECT_API_URL: `${UNUSED}/api`,
  WANDB_API_KEY: 'bench-key-0123456789',
  WANDB_BASE_URL: UNUSED,
  WF_TRACE_SERVER_URL: UNUSED,
};

const table = toolListTable(await measureToolList(env));
process.stdout.write(`## ${table.title}\n\n${markdownTable(table.header, table.rows)}\n`);

import { backendsGlobalSetup } from '@mlops-mcp/testkit';

/** One seeded MLflow server for the whole run (or the runner's, via MLOPS_MCP_TEST_BACKENDS). */
export default backendsGlobalSetup(['mlflow']);

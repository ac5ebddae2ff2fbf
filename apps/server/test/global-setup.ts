import { backendsGlobalSetup } from '@mlops-mcp/testkit';

/**
 * Every backend, seeded, once for the whole run (or the runner's, via MLOPS_MCP_TEST_BACKENDS):
 * real MLflow, Prefect and Weave, and the W&B stand-in.
 */
export default backendsGlobalSetup(['mlflow', 'prefect', 'weave', 'standin']);

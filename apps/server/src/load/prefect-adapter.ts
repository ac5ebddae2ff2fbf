// Imported on first use (BackendInfo.loadAdapter): in the bundled CLI this is its own chunk, with
// the package's adapter and areas but not its tools (the package has no import side effects).
export { createPrefectAdapter } from '@mlops-mcp/prefect';

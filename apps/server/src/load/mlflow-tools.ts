// Imported on a first call of one of the package's tools (the tool manifest lists them before).
export { mlflowTools } from '@mlops-mcp/mlflow';

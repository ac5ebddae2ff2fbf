/**
 * The conventions every tool shares, said once here rather than in each tool's description and
 * schema (which every `tools/list` repeats): paging, fields, time windows, W&B defaults, hidden
 * backend keys, caveats, errors, and how to reach the tools the default profile leaves out.
 */
export const INSTRUCTIONS = [
  'mlops-mcp: MLflow, Weights & Biases (runs and Weave traces) and Prefect behind one set of tools named <backend>_<verb>_<noun>; mlops_* tools work across every enabled backend.',
  'Ids: results carry ref.uri values (mlflow://runs/<id>, wandb://<entity>/<project>/runs/<id>, prefect://flow-runs/<id>); id inputs accept the ref.uri too. Ids come from the search and list tools of the same backend; MLflow model and prompt names are exact and case-sensitive.',
  'Paging: limit is how many items to return (maximum and default in each schema). When a result has nextCursor, call again with cursor set to it and the other inputs unchanged; truncated=true means the response budget cut the page. `fields` returns only the named fields (dotted paths such as metrics.val_loss).',
  'Time windows: since/until and startedAfter/startedBefore take ISO 8601 with a time zone; those without format date-time also take a span back from now such as "30m", "24h" or "7d".',
  'W&B: entity and project default to WANDB_ENTITY and WANDB_PROJECT (entity else the API key\'s default entity, see wandb_get_viewer); Weave tools also take project as "<entity>/<project>".',
  "Backend-internal keys (MLflow's mlflow.* tags, W&B's _-prefixed summary keys) are left out unless an include* input asks for them.",
  'Read caveats[] in answers: a backend that is off, failing, or only partly searched is reported there, never silently left out.',
  'Errors come back as {"error":{kind,message,hint}}; unknown or misspelled arguments are refused with didYouMean. Follow the hint and retry.',
  'Without MLOPS_MCP_TOOLSETS a default set of read tools is listed; MLOPS_MCP_TOOLSETS=all lists every tool, and default,<area> adds areas such as charts, summaries, traces, registry, experiments, artifacts, flow-runs, deployments. Any ref.uri can also be read as an MCP resource; mlops://overview shows every backend.',
].join('\n');

/**
 * What every server advertises. The tool, resource and prompt lists are fixed when the gateway
 * starts, and stateless HTTP has no channel to push notifications on, so no transport ever sends
 * a list_changed notification: say so (McpServer would otherwise add `listChanged: true` as it
 * registers the first tool, resource and prompt).
 */
export const CAPABILITIES = {
  tools: { listChanged: false },
  resources: { listChanged: false },
  prompts: { listChanged: false },
};

/**
 * How people record which Prefect flow run produced an ML run: the keys below, as MLflow run
 * tags or params, or W&B run config keys. Ids are matched exactly; names too.
 */
export const FLOW_RUN_ID_KEYS = [
  'prefect.flow_run_id',
  'prefect_flow_run_id',
  'flow_run_id',
] as const;
export const FLOW_RUN_NAME_KEYS = [
  'prefect.flow_run_name',
  'prefect_flow_run_name',
  'flow_run_name',
] as const;

/** The conventions, in words, for tool descriptions and outputs. */
export const LINEAGE_CONVENTIONS = [
  `MLflow run tag or param ${[...FLOW_RUN_ID_KEYS, ...FLOW_RUN_NAME_KEYS].join(' / ')} = the flow run id or name`,
  `W&B run config key ${[...FLOW_RUN_ID_KEYS, ...FLOW_RUN_NAME_KEYS].join(' / ')} = the flow run id or name`,
];

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

/**
 * The orchestrator these keys point into. Lineage links name it even when it is off (the
 * recorded id still says where the flow run lives), so it is a convention, not an adapter.
 */
export const LINEAGE_ORCHESTRATOR = { backend: 'prefect', label: 'Prefect' } as const;

/** The uri of a recorded flow run id, when the orchestrator is not enabled to read it. */
export const flowRunUri = (id: string) => `${LINEAGE_ORCHESTRATOR.backend}://flow-runs/${id}`;

/** A flow run known only by name: where to look it up. */
export const flowRunNameLink = (name: string) => ({
  uri: `${LINEAGE_ORCHESTRATOR.backend}://flow-runs/?name=${encodeURIComponent(name)}`,
  how: `by name: find it with ${LINEAGE_ORCHESTRATOR.backend}_list_flow_runs`,
});

/** The conventions, in words, for tool descriptions and outputs. */
export const LINEAGE_CONVENTIONS = [
  `MLflow run tag or param ${[...FLOW_RUN_ID_KEYS, ...FLOW_RUN_NAME_KEYS].join(' / ')} = the flow run id or name`,
  `W&B run config key ${[...FLOW_RUN_ID_KEYS, ...FLOW_RUN_NAME_KEYS].join(' / ')} = the flow run id or name`,
];

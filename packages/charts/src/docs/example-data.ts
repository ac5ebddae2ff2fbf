import type { MetricChartInput } from '../metric-chart-input.js';
import type { TraceTimelineInput } from '../trace-timeline-input.js';

/** A small seeded generator (mulberry32), so the example curves are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A decaying loss curve with noise, logged every `stride` steps (like the MLflow seed). */
function lossCurve(points: number, stride: number, end: number, seed: number) {
  const next = random(seed);
  const steps = Array.from({ length: points }, (_v, i) => i * stride);
  const values = steps.map((_s, i) => {
    const frac = 1 - Math.exp((-4 * i) / (points - 1));
    return Number((2.45 + (end - 2.45) * frac + (next() - 0.5) * 0.06).toFixed(4));
  });
  return { steps, values };
}

/** Three fine-tuning runs' train/loss; the highest learning rate diverges and stops early. */
export function exampleMetricChart(): MetricChartInput {
  const diverged = lossCurve(23, 20, 0.85, 3);
  diverged.values = [
    ...diverged.values.slice(0, 18),
    ...[1, 2, 3, 4, 5].map((k) => Number((diverged.values[17]! * 1.6 ** k).toFixed(4))),
  ];
  return {
    title: 'train/loss — llama-finetune',
    xLabel: 'step',
    yLabel: 'train/loss',
    series: [
      { label: 'sft-llama-3-8b-lr1e-4', ...lossCurve(50, 20, 0.92, 1) },
      { label: 'sft-llama-3-8b-lr3e-4', ...lossCurve(50, 20, 0.81, 2) },
      { label: 'sft-llama-3-8b-lr1e-3 (FAILED)', ...diverged },
    ],
  };
}

/** An agent trace: planning, retrieval, a failing tool call that is retried, and the answer. */
export function exampleTraceTimeline(): TraceTimelineInput {
  const t0 = Date.UTC(2025, 5, 11, 9, 30, 0);
  const span = (
    id: string,
    parentId: string | undefined,
    name: string,
    start: number,
    end: number,
    status: 'ok' | 'error' | 'running' | 'unknown' = 'ok',
  ) => ({
    id,
    ...(parentId ? { parentId } : {}),
    name,
    startMs: t0 + start,
    endMs: t0 + end,
    status,
  });
  return {
    title: 'Trace tr-7f3a9c — support_agent.answer (error)',
    spans: [
      span('root', undefined, 'support_agent.answer', 0, 4870, 'error'),
      span('plan', 'root', 'llm.plan (gpt-4o-mini)', 40, 910),
      span('retrieve', 'root', 'retriever.search', 930, 1480),
      span('embed', 'retrieve', 'embeddings.create', 945, 1120),
      span('vector', 'retrieve', 'vector_store.query (k=8)', 1130, 1460),
      span('rerank', 'retrieve', 'reranker.score', 1300, 1470),
      span('tool1', 'root', 'tool: sql.run_query', 1500, 2210, 'error'),
      span('conn', 'tool1', 'db.connect', 1510, 1540),
      span('exec', 'tool1', 'db.execute', 1545, 2200, 'error'),
      span('tool2', 'root', 'tool: sql.run_query (retry)', 2260, 2990),
      span('exec2', 'tool2', 'db.execute', 2280, 2960),
      span('answer', 'root', 'llm.generate (gpt-4o)', 3010, 4720),
      span('guard', 'answer', 'guardrails.check_output', 4500, 4700),
      span('judge', 'root', 'llm_judge.relevance', 4730, 4870, 'error'),
    ],
  };
}

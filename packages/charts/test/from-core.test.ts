import { type MetricSeries, makeRef, type Trace } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { metricChartInputFromSeries, traceTimelineInputFromTrace } from '../src/index.js';

const history = (runId: string, key: string, values: number[]): MetricSeries => ({
  run: makeRef('mlflow', 'run', runId),
  key,
  steps: values.map((_v, i) => i * 10),
  values,
  totalPoints: values.length,
  downsampled: false,
});

describe('metricChartInputFromSeries', () => {
  it('labels one series per run by run name and titles the chart with the key', () => {
    const input = metricChartInputFromSeries(
      [history('r1', 'loss', [3, 2, 1]), history('r2', 'loss', [4, 3])],
      { runLabels: { r1: 'baseline' } },
    );
    expect(input.title).toBe('loss');
    expect(input.yLabel).toBe('loss');
    expect(input.series).toEqual([
      { label: 'baseline', steps: [0, 10, 20], values: [3, 2, 1] },
      { label: 'r2', steps: [0, 10], values: [4, 3] },
    ]);
  });

  it('adds the key to each label when the series are of different metrics', () => {
    const input = metricChartInputFromSeries([
      history('r1', 'loss', [1]),
      history('r1', 'acc', [0.5]),
    ]);
    expect(input.series.map((s) => s.label)).toEqual(['r1 · loss', 'r1 · acc']);
    expect(input.yLabel).toBeUndefined();
  });
});

describe('traceTimelineInputFromTrace', () => {
  const trace: Trace = {
    ref: makeRef('mlflow', 'trace', 'tr-1'),
    id: 'tr-1',
    name: 'agent',
    status: 'running',
    spans: [
      { id: 'a', name: 'root', status: 'running', startedAt: '2025-06-11T09:30:00.000Z' },
      {
        id: 'b',
        parentId: 'a',
        name: 'llm',
        status: 'ok',
        startedAt: '2025-06-11T09:30:00.100Z',
        endedAt: '2025-06-11T09:30:00.600Z',
      },
      {
        id: 'c',
        parentId: 'a',
        name: 'tool',
        status: 'error',
        startedAt: '2025-06-11T09:30:00.700Z',
        durationMs: 300,
      },
      { id: 'd', parentId: 'a', name: 'no times', status: 'ok' },
    ],
  };

  it('converts ISO times to milliseconds and keeps parents and statuses', () => {
    const input = traceTimelineInputFromTrace(trace);
    const b = input.spans.find((span) => span.id === 'b')!;
    expect(b).toEqual({
      id: 'b',
      parentId: 'a',
      name: 'llm',
      startMs: Date.parse('2025-06-11T09:30:00.100Z'),
      endMs: Date.parse('2025-06-11T09:30:00.600Z'),
      status: 'ok',
    });
    expect(input.spans.find((span) => span.id === 'c')!.endMs).toBe(
      Date.parse('2025-06-11T09:30:01.000Z'),
    );
  });

  it('runs an unfinished span to the latest time in the trace', () => {
    const root = traceTimelineInputFromTrace(trace).spans.find((span) => span.id === 'a')!;
    expect(root.endMs).toBe(Date.parse('2025-06-11T09:30:01.000Z'));
  });

  it('leaves out spans without a start time and says so in the title', () => {
    const input = traceTimelineInputFromTrace(trace);
    expect(input.spans.map((span) => span.id)).toEqual(['a', 'b', 'c']);
    expect(input.title).toBe('agent — tr-1 (running) (1 span without times)');
  });

  it('draws a trace fetched without spans as one bar for the trace itself', () => {
    const bare: Trace = {
      ...trace,
      spans: undefined,
      startedAt: '2025-06-11T09:30:00.000Z',
      durationMs: 1500,
    };
    expect(traceTimelineInputFromTrace(bare, { title: 'bare' }).spans).toEqual([
      {
        id: 'tr-1',
        name: 'agent',
        startMs: Date.parse('2025-06-11T09:30:00.000Z'),
        endMs: Date.parse('2025-06-11T09:30:01.500Z'),
        status: 'running',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { entityUri, makeRef, parseEntityUri } from './ref.js';

describe('entity refs', () => {
  it('builds the MLflow run URI', () => {
    expect(entityUri('mlflow', 'run', 'abc')).toBe('mlflow://runs/abc');
  });

  it('builds a scoped W&B run URI and parses it back', () => {
    const uri = entityUri('wandb', 'run', 'x1', ['acme', 'llm eval']);
    expect(uri).toBe('wandb://acme/llm%20eval/runs/x1');
    expect(parseEntityUri(uri)).toEqual({
      backend: 'wandb',
      kind: 'run',
      id: 'x1',
      scope: ['acme', 'llm eval'],
    });
  });

  it('rejects a URI of an unknown backend', () => {
    expect(parseEntityUri('neptune://runs/1')).toBeUndefined();
  });

  it('attaches a url only when given', () => {
    expect(makeRef('prefect', 'flow-run', 'u1')).toEqual({
      backend: 'prefect',
      kind: 'flow-run',
      id: 'u1',
      uri: 'prefect://flow-runs/u1',
    });
  });
});

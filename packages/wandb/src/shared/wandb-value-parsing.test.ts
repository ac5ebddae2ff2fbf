import { MlopsError } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { parseJsonObject } from '../graphql/json-string.js';
import { reportIdFrom } from '../reports/reports-api.js';
import { withoutCredentials } from '../runs/map-file.js';
import { parseRunPath } from '../runs/run-path.js';
import { sweepMetric } from '../sweeps/map-sweep.js';
import { wandbAppUrl } from './app-url.js';
import { isoFromWandb } from './wandb-time.js';

describe('W&B JSONString values', () => {
  it('read Python-style NaN and Infinity as marker strings, leaving string contents alone', () => {
    expect(
      parseJsonObject('{"loss": NaN, "g": -Infinity, "h": Infinity, "note": "NaN in text"}'),
    ).toEqual({
      loss: 'NaN',
      g: '-Infinity',
      h: 'Infinity',
      note: 'NaN in text',
    });
  });

  it('become an empty object when absent or not an object', () => {
    expect(parseJsonObject(null)).toEqual({});
    expect(parseJsonObject('[1, 2]')).toEqual({});
  });
});

describe('run references', () => {
  const defaults = { entity: 'acme', project: 'llm' };

  it('read every form an agent may hold', () => {
    const expected = { entity: 'team', project: 'proj', runId: 'a1b2c3d4' };
    expect(parseRunPath('team/proj/a1b2c3d4', defaults)).toEqual(expected);
    expect(parseRunPath('team/proj/runs/a1b2c3d4', defaults)).toEqual(expected);
    expect(
      parseRunPath('https://wandb.ai/team/proj/runs/a1b2c3d4?workspace=user', defaults),
    ).toEqual(expected);
    expect(parseRunPath('wandb://team/proj/runs/a1b2c3d4', defaults)).toEqual(expected);
    expect(parseRunPath('a1b2c3d4', defaults)).toEqual({
      entity: 'acme',
      project: 'llm',
      runId: 'a1b2c3d4',
    });
    expect(parseRunPath('proj/a1b2c3d4', defaults)).toEqual({
      entity: 'acme',
      project: 'proj',
      runId: 'a1b2c3d4',
    });
  });

  it('reject a ref of another backend', () => {
    const error = (() => {
      try {
        parseRunPath('mlflow://runs/abc', defaults);
      } catch (e) {
        return e;
      }
    })();
    expect(MlopsError.isInstance(error) && error.kind).toBe('invalid_input');
  });
});

describe('W&B conventions', () => {
  it('reads zone-less DateTimes as UTC', () => {
    expect(isoFromWandb('2025-03-01T12:00:00')).toBe('2025-03-01T12:00:00.000Z');
    expect(isoFromWandb('2025-03-01T12:00:00+02:00')).toBe('2025-03-01T10:00:00.000Z');
  });

  it('derives the app URL from the API URL as the SDK does', () => {
    expect(wandbAppUrl('https://api.wandb.ai')).toBe('https://wandb.ai');
    expect(wandbAppUrl('https://api.acme.wandb.io')).toBe('https://app.acme.wandb.io');
    expect(wandbAppUrl('https://api.example.com')).toBe('https://app.example.com');
    expect(wandbAppUrl('http://localhost:8080/')).toBe('http://localhost:8080');
  });

  it('shows file URLs without userinfo or signed query strings', () => {
    expect(withoutCredentials('https://u:p@storage.example/f.txt?X-Goog-Signature=abc#x')).toBe(
      'https://storage.example/f.txt',
    );
  });

  it('restores a report id from a report URL', () => {
    expect(reportIdFrom('https://wandb.ai/acme/llm/reports/My-Report--Vmlldzo1MDA')).toBe(
      'Vmlldzo1MDA=',
    );
    expect(reportIdFrom('Vmlldzo1MDA=')).toBe('Vmlldzo1MDA=');
  });

  it('rejects a report id with a stray percent sign as invalid input, not a crash', () => {
    expect(() => reportIdFrom('%    ')).toThrow(
      expect.objectContaining({ kind: 'invalid_input', field: 'report' }),
    );
  });

  it('reads a sweep metric from its YAML config', () => {
    expect(
      sweepMetric('method: bayes\nmetric:\n  goal: maximize\n  name: val/acc\nparameters: {}\n'),
    ).toEqual({
      name: 'val/acc',
      goal: 'maximize',
    });
    expect(sweepMetric('method: grid\n')).toBeUndefined();
  });
});

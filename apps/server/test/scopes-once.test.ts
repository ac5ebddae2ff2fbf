import { sharedMlflow } from '@mlops-mcp/testkit/vitest';
import { Agent, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from '../src/index.js';

/**
 * Every HTTP request the gateway sends the real MLflow server, seen by an undici interceptor on
 * the dispatcher the gateway uses (nothing mocked: the requests reach the run's shared server).
 */
let gateway: Gateway;
let agent: Agent;
const paths: string[] = [];

beforeAll(async () => {
  agent = new Agent();
  const counting = agent.compose((dispatch) => (options: Dispatcher.DispatchOptions, handler) => {
    paths.push(String(options.path));
    return dispatch(options, handler);
  });
  gateway = createGateway(
    { mlflow: { trackingUri: sharedMlflow().url } },
    { dispatcher: counting as unknown as Dispatcher },
  );
});

afterAll(async () => {
  await gateway?.close();
  await agent?.close();
});

describe('mlops_what_failed against a real MLflow server', () => {
  it('lists MLflow experiments once per call, for its runs, its traces and what the window hid', async () => {
    paths.length = 0;
    const result = await gateway.callTool('mlops_what_failed', {});
    expect(result.isError).toBeFalsy();
    const searches = paths.filter((path) => path.includes('/experiments/search'));
    expect(searches).toHaveLength(1);
    // The call did search runs and traces over those experiments.
    expect(paths.some((path) => path.includes('/runs/search'))).toBe(true);
    expect(paths.some((path) => path.includes('traces'))).toBe(true);
  });
});

import { type AnyToolDefinition, defineTool } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { selectTools } from './select-tools.js';

function tool(
  name: string,
  namespace: 'mlflow' | 'wandb' | 'prefect',
  toolsets: string[],
  access: 'read' | 'write' = 'read',
) {
  return defineTool<unknown>()({
    name,
    title: name,
    description: name,
    namespace,
    toolsets,
    access,
    inputSchema: z.object({}),
    outputSchema: z.object({}),
    handler: async () => ({}),
  }) as AnyToolDefinition;
}

const KNOWN = [
  tool('mlflow_search_runs', 'mlflow', ['runs']),
  tool('mlflow_get_run', 'mlflow', ['runs']),
  tool('mlflow_search_experiments', 'mlflow', ['experiments']),
  tool('mlflow_set_run_tag', 'mlflow', ['runs'], 'write'),
  tool('prefect_list_flow_runs', 'prefect', ['flow-runs']),
];
const names = (tools: AnyToolDefinition[]) => tools.map((t) => t.name);
const base = { known: KNOWN, enabled: new Set(['mlflow']), excludeTools: [], readOnly: true };

describe('selectTools', () => {
  it('lists only tools of enabled backends', () => {
    expect(names(selectTools(base))).not.toContain('prefect_list_flow_runs');
  });

  it('hides write tools when read-only', () => {
    expect(names(selectTools(base))).toEqual([
      'mlflow_search_runs',
      'mlflow_get_run',
      'mlflow_search_experiments',
    ]);
  });

  it('lists write tools when writes are enabled', () => {
    expect(names(selectTools({ ...base, readOnly: false }))).toContain('mlflow_set_run_tag');
  });

  it('narrows to an area toolset', () => {
    expect(names(selectTools({ ...base, toolsets: ['experiments'] }))).toEqual([
      'mlflow_search_experiments',
    ]);
  });

  it('adds individually named tools to the toolsets', () => {
    expect(
      names(selectTools({ ...base, toolsets: ['experiments'], tools: ['mlflow_get_run'] })),
    ).toEqual(['mlflow_get_run', 'mlflow_search_experiments']);
  });

  it('lets exclude win over tools and toolsets', () => {
    const selected = selectTools({
      ...base,
      toolsets: ['runs'],
      tools: ['mlflow_get_run'],
      excludeTools: ['mlflow_get_run'],
    });
    expect(names(selected)).toEqual(['mlflow_search_runs']);
  });

  it('lets read-only win over an explicitly named write tool', () => {
    expect(() => selectTools({ ...base, tools: ['mlflow_set_run_tag'] })).toThrow(
      /writes, but the gateway is read-only/,
    );
  });

  it('keeps a write tool out of a toolset when read-only', () => {
    expect(names(selectTools({ ...base, toolsets: ['runs'] }))).not.toContain('mlflow_set_run_tag');
  });

  it('fails on an unknown toolset and lists the known ones', () => {
    expect(() => selectTools({ ...base, toolsets: ['runz'] })).toThrow(
      /Unknown toolset "runz".*known: .*runs/,
    );
  });

  it('fails on an unknown excluded tool name with a suggestion', () => {
    expect(() => selectTools({ ...base, excludeTools: ['mlflow_serch_runs'] })).toThrow(
      /did you mean mlflow_search_runs/,
    );
  });

  it('fails when a named tool belongs to a disabled backend', () => {
    expect(() => selectTools({ ...base, tools: ['prefect_list_flow_runs'] })).toThrow(
      /prefect backend is not enabled/,
    );
  });

  it('lists only the default profile, in catalog order, when nothing is named', () => {
    const selected = selectTools({
      ...base,
      defaultProfile: ['mlflow_get_run', 'mlflow_search_runs'],
    });
    expect(names(selected)).toEqual(['mlflow_search_runs', 'mlflow_get_run']);
  });

  it('adds every write tool to the default profile once writes are enabled', () => {
    const selected = selectTools({ ...base, readOnly: false, defaultProfile: ['mlflow_get_run'] });
    expect(names(selected)).toEqual(['mlflow_get_run', 'mlflow_set_run_tag']);
  });

  it('lists the whole catalog with the all toolset even when a default profile exists', () => {
    const selected = selectTools({
      ...base,
      toolsets: ['all'],
      defaultProfile: ['mlflow_get_run'],
    });
    expect(names(selected)).toEqual([
      'mlflow_search_runs',
      'mlflow_get_run',
      'mlflow_search_experiments',
    ]);
  });

  it('keeps the catalog order whatever order names are given in', () => {
    const selected = selectTools({
      ...base,
      tools: ['mlflow_search_experiments', 'mlflow_search_runs'],
    });
    expect(names(selected)).toEqual(['mlflow_search_runs', 'mlflow_search_experiments']);
  });
});

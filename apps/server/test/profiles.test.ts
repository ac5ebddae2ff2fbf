import { estimateTokens, toCompactJson } from '@mlops-mcp/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { allTools } from '../src/backends/all-tools.js';
import { toolListingTokens } from '../src/docs/tool-cost.js';
import { DEFAULT_PROFILE } from '../src/tools/default-profile.js';
import { selectTools } from '../src/tools/select-tools.js';

/**
 * Contract of the tool profiles with every backend enabled. The budget: the default profile must
 * stay under 30,000 tokens of tools/list — about 15% of a 200k-token context, leaving the rest
 * for the conversation and tool results — while the full catalog is one flag away.
 */
const DEFAULT_PROFILE_BUDGET = 30_000;
const known = allTools();
const enabled = new Set(['mlops', 'mlflow', 'wandb', 'prefect']);
const tokens = (names: readonly string[]) =>
  known
    .filter((tool) => names.includes(tool.name))
    .reduce((sum, tool) => sum + toolListingTokens(tool), 0);
const select = (options: { toolsets?: string[]; readOnly?: boolean }) =>
  selectTools({
    known,
    enabled,
    excludeTools: [],
    readOnly: options.readOnly ?? true,
    toolsets: options.toolsets,
    defaultProfile: DEFAULT_PROFILE,
  }).map((tool) => tool.name);

describe('tool profiles with every backend enabled', () => {
  it('names only existing read tools in the default profile', () => {
    for (const name of DEFAULT_PROFILE) {
      const tool = known.find((candidate) => candidate.name === name);
      expect(tool, name).toBeDefined();
      expect(tool!.access, name).toBe('read');
    }
  });

  it('lists exactly the default profile when nothing is named', () => {
    expect(select({})).toEqual(
      known.filter((tool) => DEFAULT_PROFILE.includes(tool.name)).map((tool) => tool.name),
    );
  });

  it(`keeps the default profile under ${DEFAULT_PROFILE_BUDGET} tokens`, () => {
    expect(tokens(select({}))).toBeLessThan(DEFAULT_PROFILE_BUDGET);
  });

  it('covers every backend and the cross-backend tools in the default profile', () => {
    const namespaces = new Set(
      known.filter((tool) => select({}).includes(tool.name)).map((tool) => tool.namespace),
    );
    expect([...namespaces].sort()).toEqual(['mlflow', 'mlops', 'prefect', 'wandb']);
  });

  it('lists every read tool with the all toolset', () => {
    expect(select({ toolsets: ['all'] })).toEqual(
      known.filter((tool) => tool.access === 'read').map((tool) => tool.name),
    );
  });

  it('lists every tool with the all toolset once writes are enabled', () => {
    expect(select({ toolsets: ['all'], readOnly: false })).toHaveLength(known.length);
  });
});

/** The code toolset's budget: what a model reads of it (name, description, input schema). */
const CODE_TOOLSET_BUDGET = 1_500;

describe('the code toolset', () => {
  const code = select({ toolsets: ['code'] });
  const visible = (name: string) => {
    const tool = known.find((candidate) => candidate.name === name)!;
    return estimateTokens(
      toCompactJson({
        name: tool.name,
        description: tool.description,
        inputSchema: z.toJSONSchema(tool.inputSchema, { io: 'input' }),
      }),
    );
  };

  it('is just mlops_execute and mlops_api', () => {
    expect(code).toEqual(['mlops_execute', 'mlops_api']);
  });

  it(`costs at most ${CODE_TOOLSET_BUDGET} model-visible tokens`, () => {
    expect(code.reduce((sum, name) => sum + visible(name), 0)).toBeLessThanOrEqual(
      CODE_TOOLSET_BUDGET,
    );
  });

  it('is not in the default profile', () => {
    expect(select({})).not.toContain('mlops_execute');
  });
});

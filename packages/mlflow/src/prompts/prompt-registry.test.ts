import { failure, runTool } from '@mlops-mcp/testkit';
import { itRendersEveryToolSchema } from '@mlops-mcp/testkit/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedMlflow } from '../../test/shared-mlflow.js';
import { ModelVersionResponseSchema } from '../registry/registry-api-types.js';
import { searchRegisteredModelsTool } from '../registry/search-registered-models.js';
import { getPromptTool } from './get-prompt.js';
import { getPromptVersionTool } from './get-prompt-version.js';
import { promptsTools } from './prompts-tools.js';
import { registerPromptTool } from './register-prompt.js';
import { searchPromptsTool } from './search-prompts.js';
import { setPromptAliasTool } from './set-prompt-alias.js';

/** What seed_mlflow_registry.py returns about the prompt it registered with MlflowClient. */
interface RegistryExtras {
  prompt: {
    name: string;
    versions: { version: string; template: string; commitMessage: string }[];
    aliases: Record<string, string>;
  };
}

const { seed, mlflow } = useSharedMlflow();
let prompt: RegistryExtras['prompt'];

beforeAll(async () => {
  prompt = (seed.extras.registry as RegistryExtras).prompt;
});

const seededVersion = (version: string) => prompt.versions.find((v) => v.version === version)!;

const SUITE = Date.now().toString(36);
let counter = 0;
const freshName = () => `prompt-test-${SUITE}-${++counter}`;

/** The raw tags MLflow stored on a version, read over REST without our mapping. */
async function rawVersionTags(name: string, version: string): Promise<Record<string, string>> {
  const response = await mlflow.http.request({
    method: 'GET',
    path: 'api/2.0/mlflow/model-versions/get',
    query: { name, version },
    schema: ModelVersionResponseSchema,
    operation: 'raw get',
  });
  return Object.fromEntries(response.model_version.tags.map((t) => [t.key, t.value]));
}

describe('prompt tool definitions', () => {
  itRendersEveryToolSchema(promptsTools);
});

describe('mlflow_search_prompts', () => {
  it('lists the seeded prompt with its alias, latest version and user tags only', async () => {
    const result = await runTool(searchPromptsTool, mlflow, { filter: `name = '${prompt.name}'` });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      name: prompt.name,
      aliases: prompt.aliases,
      latestVersion: '2',
      tags: { team: 'support' },
    });
    expect(Object.keys(result.items[0]!.tags ?? {})).toEqual(['team']);
    expect(result.items[0]!.latestTemplatePreview).toMatch(/^You are a support lead/);
  });

  it('lists prompts only, never registered models', async () => {
    const result = await runTool(searchPromptsTool, mlflow, { limit: 1000 });
    const names = result.items.map((p) => p.name);
    expect(names).toContain(prompt.name);
    expect(names).not.toContain(seed.registeredModel);
  });

  it('answers a malformed filter with invalid_input', async () => {
    const error = await failure(runTool(searchPromptsTool, mlflow, { filter: 'name LIKE' }));
    expect(error.kind).toBe('invalid_input');
    expect(error.hint).toMatch(/name LIKE/);
  });
});

describe('mlflow_get_prompt', () => {
  it('returns the newest template in full, its variables and the version history', async () => {
    const result = await runTool(getPromptTool, mlflow, { name: prompt.name });
    expect(result.latest).toMatchObject({
      version: '2',
      type: 'text',
      template: seededVersion('2').template,
      variables: ['audience', 'max_words', 'ticket'],
      commitMessage: seededVersion('2').commitMessage,
    });
    expect(result.versions).toEqual([
      expect.objectContaining({ version: '2', commitMessage: seededVersion('2').commitMessage }),
      expect.objectContaining({ version: '1', aliases: ['production'] }),
    ]);
    expect(result.aliases).toEqual({ production: '1' });
  });

  it('answers an unknown prompt with not_found naming mlflow_search_prompts', async () => {
    const error = await failure(runTool(getPromptTool, mlflow, { name: 'no-such-prompt' }));
    expect(error).toMatchObject({ kind: 'not_found', backend: 'mlflow' });
    expect(error.hint).toMatch(/mlflow_search_prompts/);
  });

  it('answers a registered model name with not_found pointing at the registry tools', async () => {
    const error = await failure(runTool(getPromptTool, mlflow, { name: seed.registeredModel }));
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_get_registered_model/);
  });
});

describe('mlflow_get_prompt_version', () => {
  it('returns a version by number', async () => {
    const version = await runTool(getPromptVersionTool, mlflow, { name: prompt.name, version: 1 });
    expect(version).toMatchObject({
      version: '1',
      template: seededVersion('1').template,
      variables: ['ticket'],
      commitMessage: 'First draft',
      aliases: ['production'],
    });
  });

  it('resolves an alias to its version', async () => {
    const version = await runTool(getPromptVersionTool, mlflow, {
      name: prompt.name,
      alias: 'production',
    });
    expect(version.version).toBe(prompt.aliases.production);
    expect(version.template).toBe(seededVersion('1').template);
  });

  it('asks for exactly one of version and alias', async () => {
    const neither = await failure(runTool(getPromptVersionTool, mlflow, { name: prompt.name }));
    expect(neither).toMatchObject({ kind: 'invalid_input', field: 'version' });
    const both = await failure(
      runTool(getPromptVersionTool, mlflow, {
        name: prompt.name,
        version: '1',
        alias: 'production',
      }),
    );
    expect(both.kind).toBe('invalid_input');
  });

  it('answers an unknown version or alias with not_found naming mlflow_get_prompt', async () => {
    const version = await failure(
      runTool(getPromptVersionTool, mlflow, { name: prompt.name, version: '9' }),
    );
    expect(version.kind).toBe('not_found');
    expect(version.hint).toMatch(/mlflow_get_prompt/);
    const alias = await failure(
      runTool(getPromptVersionTool, mlflow, { name: prompt.name, alias: 'nightly' }),
    );
    expect(alias.kind).toBe('not_found');
    expect(alias.hint).toMatch(/mlflow_get_prompt/);
  });

  it('treats a registered model version as not a prompt', async () => {
    const error = await failure(
      runTool(getPromptVersionTool, mlflow, { name: seed.registeredModel, version: '1' }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_get_registered_model/);
  });
});

describe('mlflow_register_prompt', () => {
  it('creates a prompt, then adds a version, both readable', async () => {
    const name = freshName();
    const first = await runTool(registerPromptTool, mlflow, {
      name,
      template: 'Translate {{text}} into {{language}}.',
      commitMessage: 'initial',
      tags: { owner: 'ana' },
    });
    expect(first).toMatchObject({ version: '1', variables: ['text', 'language'] });
    const second = await runTool(registerPromptTool, mlflow, {
      name,
      template: 'Translate {{text}} into {{language}}, keeping the tone.',
      commitMessage: 'keep tone',
    });
    expect(second.version).toBe('2');
    const read = await runTool(getPromptTool, mlflow, { name });
    expect(read).toMatchObject({ description: 'initial', tags: { owner: 'ana' } });
    expect(read.latest?.template).toBe('Translate {{text}} into {{language}}, keeping the tone.');
    expect(read.versions.map((v) => [v.version, v.commitMessage])).toEqual([
      ['2', 'keep tone'],
      ['1', 'initial'],
    ]);
  });

  it('stores a prompt the way MlflowClient.register_prompt does', async () => {
    const name = freshName();
    await runTool(registerPromptTool, mlflow, { name, template: 'Hi {{name}}', tags: { a: 'b' } });
    const ours = await rawVersionTags(name, '1');
    const theirs = await rawVersionTags(prompt.name, '1');
    // MlflowClient copies the user's tags onto the version too (the seed set team=support).
    const internalKeys = (tags: Record<string, string>) =>
      Object.keys(tags)
        .filter((key) => key.startsWith('mlflow.') || key.startsWith('_mlflow_'))
        .sort();
    expect(internalKeys(ours)).toEqual(internalKeys(theirs));
    expect(theirs.team).toBe('support');
    expect(ours).toMatchObject({
      a: 'b',
      'mlflow.prompt.is_prompt': 'true',
      _mlflow_prompt_type: 'text',
      'mlflow.prompt.text': 'Hi {{name}}',
    });
  });

  it('registers a chat prompt as messages', async () => {
    const name = freshName();
    await runTool(registerPromptTool, mlflow, {
      name,
      messages: [
        { role: 'system', content: 'You answer as {{persona}}.' },
        { role: 'user', content: '{{question}}' },
      ],
    });
    const version = await runTool(getPromptVersionTool, mlflow, { name, version: '1' });
    expect(version).toMatchObject({
      type: 'chat',
      messages: [
        { role: 'system', content: 'You answer as {{persona}}.' },
        { role: 'user', content: '{{question}}' },
      ],
      variables: ['persona', 'question'],
    });
    expect(version.template).toBeUndefined();
  });

  it('keeps new prompts out of the registered model search', async () => {
    const name = freshName();
    await runTool(registerPromptTool, mlflow, { name, template: 'x {{y}}' });
    const models = await runTool(searchRegisteredModelsTool, mlflow, {
      filter: `name = '${name}'`,
    });
    expect(models.items).toEqual([]);
    const prompts = await runTool(searchPromptsTool, mlflow, { filter: `name = '${name}'` });
    expect(prompts.items.map((p) => p.name)).toEqual([name]);
  });

  it('refuses a name taken by a registered model', async () => {
    const error = await failure(
      runTool(registerPromptTool, mlflow, { name: seed.registeredModel, template: 'x' }),
    );
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'name' });
  });

  it('asks for exactly one of template and messages', async () => {
    const error = await failure(runTool(registerPromptTool, mlflow, { name: freshName() }));
    expect(error).toMatchObject({ kind: 'invalid_input', field: 'template' });
  });

  it('rejects names MLflow does not allow for prompts', async () => {
    await expect(
      runTool(registerPromptTool, mlflow, { name: 'bad name!', template: 'x' }),
    ).rejects.toThrow(/Prompt names/);
  });
});

describe('mlflow_set_prompt_alias', () => {
  it('points an alias at a version that then resolves', async () => {
    const name = freshName();
    await runTool(registerPromptTool, mlflow, { name, template: 'one {{a}}' });
    await runTool(registerPromptTool, mlflow, { name, template: 'two {{a}}' });
    await runTool(setPromptAliasTool, mlflow, { name, alias: 'staging', version: '2' });
    const staged = await runTool(getPromptVersionTool, mlflow, { name, alias: 'staging' });
    expect(staged).toMatchObject({ version: '2', template: 'two {{a}}' });
    await runTool(setPromptAliasTool, mlflow, { name, alias: 'staging', version: 1 });
    const moved = await runTool(getPromptVersionTool, mlflow, { name, alias: 'staging' });
    expect(moved.version).toBe('1');
  });

  it('answers a missing version with not_found', async () => {
    const error = await failure(
      runTool(setPromptAliasTool, mlflow, { name: prompt.name, alias: 'canary', version: '42' }),
    );
    expect(error.kind).toBe('not_found');
  });

  it('refuses to alias a registered model through the prompt tools', async () => {
    const error = await failure(
      runTool(setPromptAliasTool, mlflow, {
        name: seed.registeredModel,
        alias: 'canary',
        version: '1',
      }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.hint).toMatch(/mlflow_get_registered_model/);
  });

  it('rejects the reserved alias "latest"', async () => {
    await expect(
      runTool(setPromptAliasTool, mlflow, { name: prompt.name, alias: 'latest', version: '1' }),
    ).rejects.toThrow(/reserved/);
  });
});

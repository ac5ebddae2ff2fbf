import { estimateTokens } from '@mlops-mcp/core';
import { createGateway, type Gateway, loadConfig } from '@mlops-mcp/server';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import type { Agent, BackendName, ToolAnswer } from '../task.js';

/** One call the scripted agent made, for the record and for failure messages. */
export interface CallLog {
  tool: string;
  args: Record<string, unknown>;
  isError: boolean;
  tokens: number;
  /** The start of the answer's text, for failure messages. */
  preview: string;
  /** The whole text content. */
  text: string;
}

/** An MCP client on one gateway profile, connected over the SDK's in-memory transport. */
export class ProfileClient {
  private toolNames: Promise<string[]> | undefined;

  private constructor(
    private readonly gateway: Gateway,
    readonly client: Client,
  ) {}

  /**
   * A gateway configured as a user would (loadConfig over the environment), with only `enabled`
   * backends on: default profile, read-only.
   */
  static async start(
    gatewayEnv: Record<string, string>,
    enabled: readonly BackendName[] | undefined,
    mode: ProfileMode = 'tools',
  ): Promise<ProfileClient> {
    const on = (name: 'mlflow' | 'prefect' | 'wandb') =>
      !enabled || enabled.includes(name) || (name === 'wandb' && enabled.includes('weave'));
    const env = {
      ...gatewayEnv,
      MLOPS_MCP_MLFLOW: on('mlflow') ? 'true' : 'false',
      MLOPS_MCP_PREFECT: on('prefect') ? 'true' : 'false',
      MLOPS_MCP_WANDB: on('wandb') ? 'true' : 'false',
      // Code mode: just mlops_execute and mlops_api.
      ...(mode === 'code' ? { MLOPS_MCP_TOOLSETS: 'code' } : {}),
    };
    const gateway = createGateway(loadConfig([], env).config);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await gateway.createServer().connect(serverSide);
    const client = new Client({ name: 'mlops-mcp-evals', version: '1.0.0' });
    await client.connect(clientSide);
    return new ProfileClient(gateway, client);
  }

  listedTools(): Promise<string[]> {
    this.toolNames ??= this.client.listTools().then(({ tools }) => tools.map((tool) => tool.name));
    return this.toolNames;
  }

  /** A fresh agent whose calls are counted separately. */
  agent(): CountingAgent {
    return new CountingAgent(this);
  }

  async close(): Promise<void> {
    await this.client.close();
    await this.gateway.close();
  }
}

/** The task's view of the gateway: counts calls and the response tokens of their text content. */
export class CountingAgent implements Agent {
  readonly calls: CallLog[] = [];

  constructor(private readonly profile: ProfileClient) {}

  get responseTokens(): number {
    return this.calls.reduce((sum, call) => sum + call.tokens, 0);
  }

  async call(tool: string, args: Record<string, unknown>): Promise<ToolAnswer> {
    const result = await this.profile.client.callTool({ name: tool, arguments: args });
    const content = (result.content ?? []) as { type: string; text?: string }[];
    const text = content
      .filter((item) => item.type === 'text' && typeof item.text === 'string')
      .map((item) => item.text)
      .join('\n');
    const isError = result.isError === true;
    const structured =
      (result.structuredContent as Record<string, unknown> | undefined) ?? parseError(text);
    const tokens = estimateTokens(text);
    this.calls.push({ tool, args, isError, tokens, preview: text.slice(0, 300), text });
    return { structured, isError, text };
  }

  listedTools(): Promise<string[]> {
    return this.profile.listedTools();
  }
}

/** An error result without structuredContent (e.g. the SDK's own validation errors): its text. */
function parseError(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // plain text
  }
  return { error: { kind: 'unstructured', message: text } };
}

/** The default tool profile, or code mode (`--toolsets code`). */
export type ProfileMode = 'tools' | 'code';

/** One cached ProfileClient per distinct set of enabled backends and mode. */
export class Profiles {
  private readonly clients = new Map<string, Promise<ProfileClient>>();

  constructor(private readonly gatewayEnv: Record<string, string>) {}

  get(
    enabled: readonly BackendName[] | undefined,
    mode: ProfileMode = 'tools',
  ): Promise<ProfileClient> {
    const key = `${mode}:${enabled ? [...enabled].sort().join(',') : '*'}`;
    let client = this.clients.get(key);
    if (!client) {
      client = ProfileClient.start(this.gatewayEnv, enabled, mode);
      this.clients.set(key, client);
    }
    return client;
  }

  async close(): Promise<void> {
    const settled = await Promise.allSettled(this.clients.values());
    await Promise.all(
      settled.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)),
    );
  }
}

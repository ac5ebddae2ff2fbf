import { estimateTokens, toCompactJson } from '@mlops-mcp/core';
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { Agent } from 'undici';
import type { Backends } from './backends.js';
import { sendDirect } from './direct-call.js';
import { callText, libraryGateway } from './library-gateway.js';
import { recordingDispatcher } from './record-requests.js';
import type { TaskTokens, ToolListProfile } from './results-schema.js';
import type { Task } from './tasks.js';

/** A gateway configuration whose tools/list is measured. */
interface Profile {
  profile: string;
  settings: string;
  env: Record<string, string>;
}

function profiles(env: Record<string, string>): Profile[] {
  // Name the other backends off explicitly: auto-detection would otherwise read files in HOME.
  const off = { MLOPS_MCP_MLFLOW: 'false', MLOPS_MCP_WANDB: 'false', MLOPS_MCP_PREFECT: 'false' };
  const alone: [string, Record<string, string>][] = [
    ['MLflow', { ...off, MLOPS_MCP_MLFLOW: 'auto', MLFLOW_TRACKING_URI: env.MLFLOW_TRACKING_URI! }],
    [
      'W&B',
      {
        ...off,
        MLOPS_MCP_WANDB: 'auto',
        WANDB_API_KEY: env.WANDB_API_KEY!,
        WANDB_BASE_URL: env.WANDB_BASE_URL!,
        WF_TRACE_SERVER_URL: env.WF_TRACE_SERVER_URL!,
      },
    ],
    ['Prefect', { ...off, MLOPS_MCP_PREFECT: 'auto', PREFECT_API_URL: env.PREFECT_API_URL! }],
  ];
  const writes = { MLOPS_MCP_READ_ONLY: 'false' };
  return [
    {
      profile: 'all tools, writes on',
      settings: 'three backends, --toolsets all, MLOPS_MCP_READ_ONLY=false',
      env: { ...toolset(env, 'all'), ...writes },
    },
    {
      profile: 'all tools, read-only',
      settings: 'three backends, --toolsets all',
      env: toolset(env, 'all'),
    },
    { profile: 'default profile', settings: 'three backends, nothing named', env },
    {
      profile: 'default profile, writes on',
      settings: 'three backends, MLOPS_MCP_READ_ONLY=false',
      env: { ...env, ...writes },
    },
    ...alone.map(([name, backendEnv]) => ({
      profile: `${name} alone, default`,
      settings: `only ${name} configured`,
      env: backendEnv,
    })),
    ...alone.map(([name, backendEnv]) => ({
      profile: `${name} alone, all tools`,
      settings: `only ${name} configured, --toolsets all`,
      env: toolset(backendEnv, 'all'),
    })),
    { profile: 'toolset runs', settings: '--toolsets runs', env: toolset(env, 'runs') },
    { profile: 'toolset traces', settings: '--toolsets traces', env: toolset(env, 'traces') },
    {
      profile: 'toolset flow-runs',
      settings: '--toolsets flow-runs',
      env: toolset(env, 'flow-runs'),
    },
  ];
}

function toolset(env: Record<string, string>, name: string): Record<string, string> {
  return { ...env, MLOPS_MCP_TOOLSETS: name };
}

/**
 * What a model reads of a listed tool: its name, description and input schema. Clients show it
 * neither the title, the annotations nor the output schema (docs/ARCHITECTURE.md).
 */
function visibleTokens(tool: { name: string; description?: string; inputSchema: unknown }): number {
  return estimateTokens(
    toCompactJson({
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
    }),
  );
}

/**
 * Estimated tokens (core's estimateTokens on compact JSON) of the `tools/list` result an MCP
 * client receives, and of what a model reads of it, per gateway profile, through a real MCP
 * client and server in memory.
 */
export async function measureToolList(env: Record<string, string>): Promise<ToolListProfile[]> {
  const measured: Omit<ToolListProfile, 'ratioToAll'>[] = [];
  for (const profile of profiles(env)) {
    const gateway = libraryGateway(profile.env);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const server = gateway.createServer();
    await server.connect(serverSide);
    const client = new Client({ name: 'mlops-mcp-bench', version: '1.0.0' });
    await client.connect(clientSide);
    const listed = await client.listTools();
    const visible = listed.tools.map(visibleTokens).sort((a, b) => a - b);
    measured.push({
      profile: profile.profile,
      settings: profile.settings,
      tools: listed.tools.length,
      visibleTokens: visible.reduce((sum, tokens) => sum + tokens, 0),
      medianVisible: visible[Math.floor((visible.length - 1) / 2)] ?? 0,
      tokens: estimateTokens(toCompactJson(listed)),
    });
    await client.close();
    await server.close();
    await gateway.close();
  }
  const all = measured[0]!.tokens;
  return measured.map((entry) => ({ ...entry, ratioToAll: entry.tokens / all }));
}

/**
 * Response tokens per task: the tool result text the agent reads, next to the raw backend
 * responses to the very same requests (recorded from the call, then sent directly).
 */
export async function measureTaskTokens(
  env: Backends['env'],
  tasks: readonly Task[],
): Promise<TaskTokens[]> {
  const recorder = recordingDispatcher();
  // Every tool, so tasks may use tools outside the default profile.
  const gateway = libraryGateway(toolset(env, 'all'), recorder.dispatcher);
  const direct = new Agent();
  try {
    const results: TaskTokens[] = [];
    for (const task of tasks) {
      const text = await callText(gateway, task.tool, task.args);
      const requests = recorder.take();
      const bodies = await sendDirect(direct, requests);
      const gatewayTokens = estimateTokens(text);
      const rawTokens = bodies.reduce((sum, body) => sum + estimateTokens(body), 0);
      results.push({
        task: task.name,
        tool: task.tool,
        backendRequests: requests.length,
        gatewayTokens,
        rawTokens,
        ratio: gatewayTokens / rawTokens,
      });
    }
    return results;
  } finally {
    await Promise.allSettled([gateway.close(), recorder.close(), direct.close()]);
  }
}

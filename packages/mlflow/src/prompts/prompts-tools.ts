import type { AnyToolDefinition } from '@mlops-mcp/core';
import type { MlflowAdapter } from '../mlflow-adapter.js';
import { getPromptTool } from './get-prompt.js';
import { getPromptVersionTool } from './get-prompt-version.js';
import { registerPromptTool } from './register-prompt.js';
import { searchPromptsTool } from './search-prompts.js';
import { setPromptAliasTool } from './set-prompt-alias.js';

/** Prompt registry tools, reads first. */
export const promptsTools: readonly AnyToolDefinition<MlflowAdapter>[] = [
  searchPromptsTool,
  getPromptTool,
  getPromptVersionTool,
  registerPromptTool,
  setPromptAliasTool,
];

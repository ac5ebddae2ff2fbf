import { toolListingTokens } from '../../docs/tool-cost.js';
import type { Gateway, ServingGateway } from '../../gateway.js';

/** One line per exposed tool (name, access, tools/list tokens, title) and a total. */
export function listTools(gateway: Gateway | ServingGateway): string {
  let total = 0;
  const lines = gateway.tools.map((tool) => {
    const tokens = toolListingTokens(tool);
    total += tokens;
    return `${tool.name.padEnd(40)} ${tool.access.padEnd(5)} ${String(tokens).padStart(5)}  ${tool.title}`;
  });
  lines.push(`${gateway.tools.length} tools, about ${total} tokens in tools/list`);
  return `${lines.join('\n')}\n`;
}

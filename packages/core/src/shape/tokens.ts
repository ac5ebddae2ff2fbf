/** Serialises for a model: compact JSON, no pretty-printing. */
export function toCompactJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/**
 * Rough token count of a JSON text: about 4 characters per token for JSON-heavy English, which
 * is what budgets need (an order of magnitude, fast, no tokenizer dependency).
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

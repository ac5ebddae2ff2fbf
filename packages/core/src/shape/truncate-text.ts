/**
 * Shortens free text from a backend (run names, trace inputs, log lines) to `maxChars`, marking
 * the cut so the model knows the text is partial.
 */
export function truncateText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const omitted = text.length - maxChars;
  return { text: `${text.slice(0, maxChars)}… [${omitted} more chars]`, truncated: true };
}

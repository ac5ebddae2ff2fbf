import { truncateText } from '@mlops-mcp/core';

/** Descriptions in list results are cut to this many characters; single gets keep more. */
export const LIST_DESCRIPTION_CHARS = 300;
export const GET_DESCRIPTION_CHARS = 8000;

/**
 * Sets `description` (cut to `maxChars`, flagged with `descriptionTruncated`) on `target` when
 * the backend sent a non-empty one. Registry descriptions are free-form Markdown of any length.
 */
export function setDescription(
  target: { description?: string | undefined; descriptionTruncated?: boolean | undefined },
  text: string | undefined,
  maxChars: number,
): void {
  if (!text) return;
  const cut = truncateText(text, maxChars);
  target.description = cut.text;
  if (cut.truncated) target.descriptionTruncated = true;
}

import { type CappedBytes, truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { decodeUtf8 } from '../artifacts/artifact-content.js';

/** What a model sees of an attachment's bytes. */
export const TraceAttachmentContentSchema = z.object({
  contentType: z.string().describe('MIME type: as given, else recognised from the bytes.'),
  sizeBytes: z.number().optional().describe('Size of the whole attachment, when known.'),
  bytesRead: z.number(),
  truncated: z.boolean().describe('True when only the start of the attachment is shown.'),
  text: z.string().optional().describe('The content, when it is UTF-8 text.'),
  base64: z.string().optional().describe('The bytes read, base64-encoded (binary, on request).'),
  message: z.string().optional().describe('Why no content is shown, or what was cut.'),
});
export type TraceAttachmentContent = z.infer<typeof TraceAttachmentContentSchema>;

/** Magic numbers of the binary formats attachments usually hold. */
const SIGNATURES: [type: string, test: (bytes: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))],
  ['image/jpeg', (b) => b.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex'))],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['application/pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['image/webp', (b) => riff(b, 'WEBP')],
  ['audio/wav', (b) => riff(b, 'WAVE')],
  ['audio/mpeg', (b) => b.subarray(0, 3).toString('latin1') === 'ID3'],
];

function riff(bytes: Buffer, kind: string): boolean {
  return (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === kind
  );
}

/** The MIME type the bytes start like, else undefined. */
export function sniffContentType(bytes: Buffer): string | undefined {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0];
}

/**
 * Shows UTF-8 attachments as text (cut to `maxChars`), and binary ones as a size and type, plus
 * their bytes in base64 when asked for. The server sends every attachment as
 * application/octet-stream, so the type comes from the caller (the reference URI) or the bytes.
 */
export function describeAttachment(
  read: CappedBytes,
  options: { contentType?: string | undefined; maxChars: number; includeBase64: boolean },
): TraceAttachmentContent {
  const sniffed = sniffContentType(read.bytes);
  const declared = options.contentType;
  const textual = !sniffed && (!declared || /^text\/|json|xml|yaml|csv/i.test(declared));
  const text = textual ? decodeUtf8(read.bytes, read.truncated) : undefined;
  const base = {
    bytesRead: read.bytes.length,
    truncated: read.truncated,
    ...(read.totalBytes !== undefined ? { sizeBytes: read.totalBytes } : {}),
  };
  if (text !== undefined) {
    const cut = truncateText(text, options.maxChars);
    return {
      contentType: declared ?? 'text/plain',
      ...base,
      truncated: read.truncated || cut.truncated,
      text: cut.text,
      ...(read.truncated
        ? { message: 'Only the start is shown; raise maxBytes to read more.' }
        : {}),
    };
  }
  const contentType = declared ?? sniffed ?? 'application/octet-stream';
  if (options.includeBase64) {
    return {
      contentType,
      ...base,
      base64: read.bytes.toString('base64'),
      ...(read.truncated ? { message: 'base64 holds only the first bytesRead bytes.' } : {}),
    };
  }
  const size = read.totalBytes ?? read.bytes.length;
  return {
    contentType,
    ...base,
    truncated: false,
    message: `Binary attachment (${contentType}, ${size} bytes); pass includeBase64 to get its bytes.`,
  };
}

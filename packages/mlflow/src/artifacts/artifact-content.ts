import { type CappedBytes, truncateText } from '@mlops-mcp/core';
import { z } from 'zod';
import { parseCsvHead } from './artifact-csv.js';

/** What an artifact's bytes were shown as. */
export const ArtifactFormatSchema = z.enum([
  'json',
  'yaml',
  'csv',
  'tsv',
  'markdown',
  'text',
  'binary',
]);
export type ArtifactFormat = z.infer<typeof ArtifactFormatSchema>;

/** The readable part of an artifact, shaped for a model. */
export const ArtifactContentSchema = z.object({
  format: ArtifactFormatSchema,
  sizeBytes: z.number().optional().describe('Size of the whole file, when the server said it.'),
  bytesRead: z.number().describe('Bytes downloaded to build this answer.'),
  truncated: z
    .boolean()
    .describe('True when only the start of the file is shown (size cap or response budget).'),
  parsed: z
    .unknown()
    .optional()
    .describe('JSON/YAML content parsed, when the whole file was read and parsed.'),
  parseError: z
    .string()
    .optional()
    .describe('Why JSON/YAML parsing failed; `text` has the raw text.'),
  table: z
    .object({
      columns: z.array(z.string()),
      rows: z.array(z.array(z.string())),
      moreRows: z.boolean().describe('True when the file has rows after these.'),
    })
    .optional()
    .describe('CSV/TSV: the header and the first rows.'),
  text: z.string().optional().describe('The text (or its start when truncated).'),
  message: z.string().optional().describe('Why no content is shown (binary file) or what was cut.'),
});
export type ArtifactContent = z.infer<typeof ArtifactContentSchema>;

const EXTENSION_FORMAT: Record<string, ArtifactFormat> = {
  json: 'json',
  jsonl: 'text',
  yml: 'yaml',
  yaml: 'yaml',
  csv: 'csv',
  tsv: 'tsv',
  md: 'markdown',
  markdown: 'markdown',
};

/** Extensions whose files are binary whatever their first bytes look like. */
const BINARY_EXTENSIONS = new Set(
  (
    'png jpg jpeg gif bmp webp tif tiff ico pdf zip gz tgz bz2 xz zst 7z tar rar whl jar ' +
    'parquet feather arrow avro orc pkl pickle joblib pt pth ckpt bin safetensors onnx pb ' +
    'tflite h5 hdf5 npy npz mlmodel so dylib dll exe mp3 wav flac ogg mp4 mov avi mkv webm ' +
    'woff woff2 ttf otf db sqlite'
  ).split(' '),
);

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** True when the extension alone says the file is binary (no need to download its content). */
export function isBinaryPath(path: string): boolean {
  return BINARY_EXTENSIONS.has(extensionOf(path));
}

/**
 * Decodes bytes as UTF-8, or returns undefined when they look binary (a NUL byte, or invalid
 * UTF-8 apart from a multi-byte character cut by the size cap).
 */
export function decodeUtf8(bytes: Buffer, truncated: boolean): string | undefined {
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // A cap can split the last character: drop up to 3 trailing bytes before giving up.
  for (let cut = 0; cut <= (truncated ? Math.min(3, bytes.length) : 0); cut++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // not valid UTF-8 with this many bytes dropped; try one more
    }
  }
  return undefined;
}

/**
 * Builds what a model sees of an artifact: parsed JSON/YAML when the whole file was read, a
 * CSV/TSV header plus first rows, text otherwise (cut to `maxChars`), and for binary content a
 * message with the size instead of bytes.
 */
export async function describeArtifactContent(
  path: string,
  read: CappedBytes,
  options: { maxRows: number; maxChars: number; downloadUrl: string },
): Promise<ArtifactContent> {
  const base = {
    bytesRead: read.bytes.length,
    ...(read.totalBytes !== undefined ? { sizeBytes: read.totalBytes } : {}),
  };
  const text = isBinaryPath(path) ? undefined : decodeUtf8(read.bytes, read.truncated);
  if (text === undefined) {
    const size = read.totalBytes !== undefined ? `${read.totalBytes} bytes` : 'size unknown';
    return {
      format: 'binary',
      ...base,
      truncated: false,
      message:
        `Binary file (${size}${read.contentType ? `, ${read.contentType}` : ''}); its content is not shown. ` +
        `Download it from ${options.downloadUrl}`,
    };
  }
  const format = EXTENSION_FORMAT[extensionOf(path)] ?? 'text';
  const cutNote = read.truncated
    ? `Showing the first ${read.bytes.length} of ${read.totalBytes ?? 'more'} bytes; raise maxBytes to read more.`
    : undefined;

  if (format === 'csv' || format === 'tsv') {
    const { header, rows, moreRows } = parseCsvHead(text, {
      separator: format === 'csv' ? ',' : '\t',
      maxRows: options.maxRows,
      complete: !read.truncated,
    });
    // Keep as many rows as fit the response budget (wide rows, e.g. prompts, add up fast).
    let room = options.maxChars - JSON.stringify(header).length;
    const shownRows: string[][] = [];
    for (const row of rows) {
      room -= JSON.stringify(row).length + 1;
      if (room < 0) break;
      shownRows.push(row);
    }
    const cutRows = shownRows.length < rows.length;
    const message =
      cutNote ?? (cutRows ? 'Rows cut to fit the response budget; lower maxRows.' : undefined);
    return {
      format,
      ...base,
      truncated: read.truncated || moreRows || cutRows,
      table: { columns: header, rows: shownRows, moreRows: moreRows || cutRows },
      ...(message ? { message } : {}),
    };
  }

  if ((format === 'json' || format === 'yaml') && !read.truncated) {
    // The YAML parser (~70 modules) loads on the first YAML artifact, not when the server starts.
    const parseYaml = format === 'yaml' ? (await import('yaml')).parse : undefined;
    try {
      const parsed =
        format === 'json'
          ? JSON.parse(text)
          : parseYaml!(text, { maxAliasCount: 100, logLevel: 'error' });
      if ((JSON.stringify(parsed) ?? '').length <= options.maxChars) {
        return { format, ...base, truncated: false, parsed };
      }
    } catch (error) {
      const shown = truncateText(text, options.maxChars);
      return {
        format,
        ...base,
        truncated: shown.truncated,
        parseError: (error instanceof Error ? error.message : String(error)).slice(0, 300),
        text: shown.text,
      };
    }
  }

  const shown = truncateText(text, options.maxChars);
  const truncated = read.truncated || shown.truncated;
  const message =
    cutNote ??
    (shown.truncated
      ? 'Text cut to fit the response budget; lower maxBytes to read less.'
      : undefined);
  return { format, ...base, truncated, text: shown.text, ...(message ? { message } : {}) };
}

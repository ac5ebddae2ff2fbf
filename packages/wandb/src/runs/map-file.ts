import { stripUserinfo } from '@mlops-mcp/core';
import { isoFromWandb } from '../shared/wandb-time.js';
import type { WandbFile } from './wandb-file.js';

/** A run file node as the files document selects it. */
export interface FileNode {
  name: string;
  sizeBytes?: number | null | undefined;
  mimetype?: string | null | undefined;
  updatedAt?: string | null | undefined;
  md5?: string | null | undefined;
  url?: string | null | undefined;
}

/**
 * Maps a run file. The URL is shown without userinfo and without a query string: signed
 * storage URLs carry their credential in the query (X-Goog-Signature, X-Amz-Signature), and
 * W&B's own API URL needs none.
 */
export function mapFile(node: FileNode): WandbFile {
  const file: WandbFile = { name: node.name };
  if (typeof node.sizeBytes === 'number') file.sizeBytes = node.sizeBytes;
  if (node.mimetype) file.mimetype = node.mimetype;
  const updatedAt = isoFromWandb(node.updatedAt);
  if (updatedAt) file.updatedAt = updatedAt;
  if (node.md5) file.md5 = node.md5;
  if (node.url) file.url = withoutCredentials(node.url);
  return file;
}

/** A URL with userinfo, query string and fragment removed. */
export function withoutCredentials(url: string): string {
  const bare = stripUserinfo(url);
  try {
    const parsed = new URL(bare);
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return bare.split(/[?#]/, 1)[0] ?? '';
  }
}

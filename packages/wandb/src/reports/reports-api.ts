import { type CallOptions, InvalidInputError, type Page } from '@mlops-mcp/core';
import { nodesPage } from '../graphql/connection-page.js';
import { CreateReportDocument } from '../graphql/documents/create-report.js';
import { GetReportDocument } from '../graphql/documents/get-report.js';
import { ListReportsDocument } from '../graphql/documents/list-reports.js';
import type { WandbContext } from '../shared/context.js';
import { itemNotFound, projectNotFound } from '../shared/not-found.js';
import { fetchProjectPage, type ProjectPageParams } from '../shared/project-page.js';
import { mapReport } from './map-report.js';
import type { WandbReport } from './wandb-report.js';

/** One page of a project's reports (views of type "runs"; drafts and workspaces are not reports). */
export async function listReports(
  ctx: WandbContext,
  params: ProjectPageParams,
  options?: CallOptions,
): Promise<Page<WandbReport>> {
  const { project, start } = await fetchProjectPage(ctx, ListReportsDocument, params, options);
  const where = { ...params, appUrl: ctx.appUrl };
  return nodesPage(project.allViews, start, (node) => mapReport(node, where));
}

/**
 * One report with its spec text. `id` is the view id or a report URL, whose last "--" part is
 * the id with its base64 padding removed (wandb/apis/reports/report.py `_url_to_report_id`).
 */
export async function getReport(
  ctx: WandbContext,
  id: string,
  options?: CallOptions,
): Promise<{ report: WandbReport; spec?: string | undefined }> {
  const viewId = reportIdFrom(id);
  const data = await ctx.graphql.execute(GetReportDocument, { id: viewId }, options);
  const view = data.view;
  if (!view) {
    throw itemNotFound(
      'report',
      viewId,
      'this W&B server',
      'Report ids come from wandb_list_reports (or the part after "--" in a report URL).',
    );
  }
  const where = {
    entity: view.project?.entityName ?? '',
    project: view.project?.name ?? '',
    appUrl: ctx.appUrl,
  };
  return { report: mapReport(view, where), spec: view.spec ?? undefined };
}

/** The minimal report spec the SDK starts from (wandb/apis/reports/report.py `_default_viewspec`). */
const EMPTY_REPORT_SPEC = {
  version: 5,
  panelSettings: {},
  blocks: [],
  width: 'readable',
  authors: [],
  discussionThreads: [],
  ref: {},
};

/** Creates a published report with a title and description and no blocks yet. */
export async function createReport(
  ctx: WandbContext,
  params: { entity: string; project: string; title: string; description?: string | undefined },
  options?: CallOptions,
): Promise<{ report: WandbReport; inserted: boolean }> {
  const data = await ctx.graphql.execute(
    CreateReportDocument,
    {
      entityName: params.entity,
      projectName: params.project,
      name: randomViewName(),
      displayName: params.title,
      description: params.description ?? '',
      spec: JSON.stringify(EMPTY_REPORT_SPEC),
    },
    options,
  );
  const view = data.upsertView?.view;
  if (!view) throw projectNotFound(params.entity, params.project);
  return {
    report: mapReport(view, { ...params, appUrl: ctx.appUrl }),
    inserted: data.upsertView?.inserted ?? true,
  };
}

/** The view id in a report id or URL, with base64 padding restored. */
export function reportIdFrom(text: string): string {
  const trimmed = text.trim();
  let id = trimmed;
  if (/^https?:\/\//i.test(trimmed) || trimmed.includes('--')) {
    const path = trimmed.split(/[?#]/, 1)[0] ?? '';
    id = path.replace(/---/g, '--').split('--').at(-1) ?? '';
  }
  try {
    id = decodeURIComponent(id);
  } catch {
    // A stray "%" is not URL-encoding; the character check below rejects it with a clear error.
  }
  if (!/^[A-Za-z0-9+/=_-]+$/.test(id)) {
    throw new InvalidInputError('That is not a W&B report id or report URL.', {
      backend: 'wandb',
      field: 'report',
      hint: 'Report ids come from wandb_list_reports.',
    });
  }
  const unpadded = id.replace(/=+$/, '');
  return unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4);
}

/** A view name like the SDK's `generate_name()`: 12 random lowercase letters and digits. */
function randomViewName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let name = '';
  for (let i = 0; i < 12; i++) name += alphabet[Math.floor(Math.random() * alphabet.length)];
  return name;
}

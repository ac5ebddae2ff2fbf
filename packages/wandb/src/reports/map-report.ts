import type { ViewNode } from '../graphql/documents/view-fields.js';
import { appPath } from '../shared/app-url.js';
import { isoFromWandb } from '../shared/wandb-time.js';
import type { WandbReport } from './wandb-report.js';

/** A report view as the list and get documents select it. */
type ReportNode = Omit<ViewNode, 'spec' | 'type' | 'project'> &
  Partial<Pick<ViewNode, 'type' | 'project'>>;

/**
 * Maps a report view. The URL follows the SDK (wandb/apis/public/reports.py `BetaReport.url`):
 * `<app>/<entity>/<project>/reports/<title with non-word runs as "-">--<id without "=">`.
 */
export function mapReport(
  node: ReportNode,
  where: { entity: string; project: string; appUrl: string },
): WandbReport {
  const entity = node.project?.entityName ?? where.entity;
  const project = node.project?.name ?? where.project;
  const report: WandbReport = { id: node.id, entity, project };
  if (node.displayName) report.title = node.displayName;
  if (node.name) report.name = node.name;
  if (node.description) report.description = node.description;
  if (node.type) report.type = node.type;
  if (node.user?.username) report.author = node.user.username;
  const createdAt = isoFromWandb(node.createdAt);
  if (createdAt) report.createdAt = createdAt;
  const updatedAt = isoFromWandb(node.updatedAt);
  if (updatedAt) report.updatedAt = updatedAt;
  const slug = (node.displayName ?? 'report')
    .replace(/\W/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  report.url = `${appPath(where.appUrl, entity, project, 'reports')}/${encodeURIComponent(slug)}--${node.id.replace(/=/g, '')}`;
  return report;
}

import type { TimelineSpan } from './trace-timeline-input.js';

/** A span in display order with its depth in the call tree. */
export interface SpanRow {
  span: TimelineSpan;
  depth: number;
  /** Row index of the parent among the rows shown; undefined for roots. */
  parentRow?: number;
}

/** Rows to draw and what was left out. */
export interface SpanRows {
  rows: SpanRow[];
  hidden: number;
  hiddenErrors: number;
}

/**
 * Orders spans as a call tree (each parent followed by its children, siblings by start time)
 * and keeps at most `maxRows`. When it must cut, error spans and their ancestors are kept
 * first, because the failure is usually why someone looks at a trace; the rest fill up in tree
 * order. Spans whose parent is missing, or that sit in a parent cycle, become roots.
 */
export function spanRows(spans: readonly TimelineSpan[], maxRows: number): SpanRows {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const children = new Map<string, TimelineSpan[]>();
  const roots: TimelineSpan[] = [];
  for (const span of spans) {
    const parent =
      span.parentId !== undefined && span.parentId !== span.id ? span.parentId : undefined;
    if (parent !== undefined && byId.has(parent)) {
      const siblings = children.get(parent) ?? [];
      siblings.push(span);
      children.set(parent, siblings);
    } else {
      roots.push(span);
    }
  }
  const order = (a: TimelineSpan, b: TimelineSpan) => a.startMs - b.startMs || a.endMs - b.endMs;
  const ordered: { span: TimelineSpan; depth: number; parent?: TimelineSpan }[] = [];
  const seen = new Set<TimelineSpan>();
  const visit = (span: TimelineSpan, depth: number, parent?: TimelineSpan) => {
    // An explicit stack would do too; trees deeper than the call stack are not traces.
    if (seen.has(span)) return;
    seen.add(span);
    ordered.push(parent ? { span, depth, parent } : { span, depth });
    for (const child of [...(children.get(span.id) ?? [])].sort(order))
      visit(child, depth + 1, span);
  };
  for (const root of [...roots].sort(order)) visit(root, 0);
  // Spans only reachable through a cycle were never visited: show them as roots.
  for (const span of [...spans].sort(order)) visit(span, 0);

  const keep = chooseRows(ordered, maxRows);
  const rows: SpanRow[] = [];
  const rowOf = new Map<TimelineSpan, number>();
  for (const entry of ordered) {
    if (!keep.has(entry.span)) continue;
    const parentRow = entry.parent ? rowOf.get(entry.parent) : undefined;
    rowOf.set(entry.span, rows.length);
    rows.push(
      parentRow === undefined
        ? { span: entry.span, depth: entry.depth }
        : { span: entry.span, depth: entry.depth, parentRow },
    );
  }
  const hiddenSpans = ordered.filter((entry) => !keep.has(entry.span));
  return {
    rows,
    hidden: hiddenSpans.length,
    hiddenErrors: hiddenSpans.filter((entry) => entry.span.status === 'error').length,
  };
}

function chooseRows(
  ordered: readonly { span: TimelineSpan; parent?: TimelineSpan }[],
  maxRows: number,
): Set<TimelineSpan> {
  const keep = new Set<TimelineSpan>();
  if (ordered.length <= maxRows) return new Set(ordered.map((entry) => entry.span));
  const parentOf = new Map(ordered.map((entry) => [entry.span, entry.parent]));
  for (const entry of ordered) {
    if (entry.span.status !== 'error') continue;
    const chain: TimelineSpan[] = [];
    for (
      let at: TimelineSpan | undefined = entry.span;
      at && !keep.has(at);
      at = parentOf.get(at)
    ) {
      chain.push(at);
    }
    if (keep.size + chain.length > maxRows) break;
    for (const span of chain) keep.add(span);
  }
  for (const entry of ordered) {
    if (keep.size >= maxRows) break;
    keep.add(entry.span);
  }
  return keep;
}

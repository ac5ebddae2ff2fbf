import { fixed, ratioCell, spreadCell } from './format.js';
import type { BenchResults, ToolListProfile } from './results-schema.js';

/** One table of the results: a title, a header and rows of cells. */
export interface ResultTable {
  title: string;
  header: string[];
  rows: string[][];
}

/** The results as tables, shared by the terminal report and docs/BENCHMARKS.md. */
export function resultTables(results: BenchResults): ResultTable[] {
  return [
    {
      title: 'Overhead: gateway ÷ direct latency, median (min–max) over rounds',
      header: [
        'task (tool)',
        'direct p50 / p99 ms',
        'in-process p50 ×',
        'HTTP p50 / p99 ms',
        'HTTP p50 ×',
        'HTTP p99 ×',
        'stdio p50 / p99 ms',
        'stdio p50 ×',
        'stdio p99 ×',
        'gateway CPU ms/call (HTTP / stdio)',
      ],
      rows: results.overhead.map((o) => [
        `${o.task} (\`${o.tool}\`)`,
        `${fixed(o.arms.direct.p50, 2)} / ${fixed(o.arms.direct.p99, 2)}`,
        ratioCell(o.ratios.library.p50),
        `${fixed(o.arms.http.p50, 2)} / ${fixed(o.arms.http.p99, 2)}`,
        ratioCell(o.ratios.http.p50),
        ratioCell(o.ratios.http.p99),
        `${fixed(o.arms.stdio.p50, 2)} / ${fixed(o.arms.stdio.p99, 2)}`,
        ratioCell(o.ratios.stdio.p50),
        ratioCell(o.ratios.stdio.p99),
        `${fixed(o.gatewayCpuMsPerCall.http, 2)} / ${fixed(o.gatewayCpuMsPerCall.stdio, 2)}`,
      ]),
    },
    {
      title: `Throughput over HTTP: \`${results.throughput.tool}\` against ${results.throughput.backend}`,
      header: [
        'clients',
        'gateway calls/s',
        'direct calls/s',
        'gateway ÷ direct',
        'gateway CPU ms/call',
        'gateway RSS MiB (median / max)',
        'errors',
      ],
      rows: results.throughput.levels.map((level) => [
        String(level.clients),
        fixed(level.gatewayCallsPerSecond, 0),
        fixed(level.directCallsPerSecond, 0),
        ratioCell(level.ratio),
        spreadCell(level.gatewayCpuMsPerCall, 2),
        `${fixed(level.gatewayRssMiB.median, 0)} / ${fixed(level.gatewayRssMiB.max, 0)}`,
        String(level.errors),
      ]),
    },
    {
      title: `Where the HTTP gateway's CPU goes: \`${results.throughput.tool}\`, ${results.gatewayProfile.clients} clients, ${results.gatewayProfile.calls} calls, ${fixed(results.gatewayProfile.busyMsPerCall, 2)} ms busy per call (V8 sampling profiler, start-up excluded)`,
      header: ['layer', 'share of busy time'],
      rows: results.gatewayProfile.shares.map((share) => [
        share.category,
        `${fixed(share.percent)} %`,
      ]),
    },
    {
      title: `Cold start over stdio: spawn → first tools/list answer (${results.coldStart.runs} runs each)`,
      header: ['process', 'ms, median (min–max)', 'tools listed'],
      rows: [
        [
          'gateway (built binary)',
          spreadCell(results.coldStart.gatewayMs, 0),
          String(results.coldStart.tools),
        ],
        ['bare Node stdio JSON-RPC server', spreadCell(results.coldStart.bareNodeMs, 0), '0'],
        ['gateway ÷ bare', ratioCell(results.coldStart.ratio), ''],
      ],
    },
    {
      title: 'Memory (RSS from /proc/<pid>/status)',
      header: ['state', 'RSS MiB'],
      rows: [
        [
          'stdio, idle after the first tools/list: gateway ÷ bare Node',
          `${spreadCell(results.coldStart.gatewayRssMiB, 0)} ÷ ${spreadCell(results.coldStart.bareNodeRssMiB, 0)} = ${ratioCell(results.coldStart.rssRatio)}`,
        ],
        ['HTTP, idle, fresh', fixed(results.memory.idleMiB, 0)],
        ...Object.entries(results.memory.underLoadMaxMiB).map(([clients, mib]) => [
          `HTTP, under load, ${clients} clients (max)`,
          fixed(mib, 0),
        ]),
        ['HTTP, idle after the load', fixed(results.memory.afterLoadMiB, 0)],
      ],
    },
    toolListTable(results.tokens.toolList),
    {
      title: `Response tokens per task: gateway result ÷ raw backend responses, ${ratioCell(results.tokens.ratio)} over tasks`,
      header: ['task', 'tool', 'backend requests', 'raw tokens', 'gateway tokens', 'gateway ÷ raw'],
      rows: results.tokens.tasks.map((t) => [
        t.task,
        `\`${t.tool}\``,
        String(t.backendRequests),
        String(t.rawTokens),
        String(t.gatewayTokens),
        `${fixed(t.ratio, 2)}×`,
      ]),
    },
  ];
}

/**
 * tools/list per profile: what a model reads (name, description, input schema of each tool) and
 * the whole answer, against the budgets of issue 13 (also held by apps/server/test/profiles.test.ts).
 */
export function toolListTable(toolList: readonly ToolListProfile[]): ResultTable {
  return {
    title:
      'tools/list size per profile (estimated tokens; budgets: default profile ≤ 4,000 visible and ≤ 6,000 ' +
      'tools/list, all tools ≤ 18,000 visible, median tool ≤ 100 visible)',
    header: [
      'profile',
      'settings',
      'tools',
      'visible',
      'median tool, visible',
      'tools/list',
      '÷ all tools, writes on',
    ],
    rows: toolList.map((p) => [
      p.profile,
      p.settings,
      String(p.tools),
      p.visibleTokens === undefined ? '—' : String(p.visibleTokens),
      p.medianVisible === undefined ? '—' : String(p.medianVisible),
      String(p.tokens),
      `${fixed(p.ratioToAll, 2)}×`,
    ]),
  };
}

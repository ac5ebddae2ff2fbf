/**
 * Seeds a Prefect server through its own REST API, for tests that need state of their own (the
 * shared seed's counts are asserted elsewhere).
 */
export class PrefectRest {
  constructor(readonly apiUrl: string) {}

  async call<T = Record<string, unknown>>(
    path: string,
    body?: unknown,
    method?: string,
  ): Promise<T> {
    // A busy server (SQLite locked while another request writes) answers 503: ask again.
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${this.apiUrl}/${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status === 503 && attempt < 5) continue;
      if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    }
  }

  async flow(name: string): Promise<string> {
    return (await this.call<{ id: string }>('flows/', { name })).id;
  }

  async deployment(
    flowId: string,
    name: string,
    extra: Record<string, unknown> = {},
  ): Promise<string> {
    return (await this.call<{ id: string }>('deployments/', { flow_id: flowId, name, ...extra }))
      .id;
  }

  /** A flow run forced into `type` (e.g. FAILED) with an optional message. */
  async flowRun(
    flowId: string,
    name: string,
    type: string,
    opts: { message?: string; deploymentId?: string; stateName?: string } = {},
  ): Promise<string> {
    const run = await this.call<{ id: string }>('flow_runs/', {
      flow_id: flowId,
      name,
      ...(opts.deploymentId ? { deployment_id: opts.deploymentId } : {}),
    });
    await this.setState(run.id, type, opts);
    return run.id;
  }

  async setState(id: string, type: string, opts: { message?: string; stateName?: string } = {}) {
    await this.call(`flow_runs/${id}/set_state`, {
      state: { type, ...(opts.stateName ? { name: opts.stateName } : {}), message: opts.message },
      force: true,
    });
  }

  async logs(
    flowRunId: string,
    lines: { level: number; message: string; secondsAgo: number; taskRunId?: string }[],
  ) {
    const now = Date.now();
    await this.call(
      'logs/',
      lines.map((l) => ({
        name: 'prefect.flow_runs',
        level: l.level,
        message: l.message,
        timestamp: new Date(now - l.secondsAgo * 1000).toISOString(),
        flow_run_id: flowRunId,
        ...(l.taskRunId ? { task_run_id: l.taskRunId } : {}),
      })),
    );
  }

  async automation(
    name: string,
    trigger: Record<string, unknown>,
    enabled = true,
  ): Promise<string> {
    return (
      await this.call<{ id: string }>('automations/', {
        name,
        enabled,
        trigger: { type: 'event', posture: 'Reactive', threshold: 1, within: 0, ...trigger },
        actions: [{ type: 'do-nothing' }],
      })
    ).id;
  }

  /** Waits until the event store holds `event` about the resource (events are written in batches). */
  async waitForEvent(resourceId: string, event: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const page = await this.call<{ events: { event: string }[] }>('events/filter', {
        filter: {
          occurred: { since: new Date(Date.now() - 86_400_000).toISOString() },
          resource: { id: [resourceId] },
          event: { name: [event] },
        },
        limit: 5,
      });
      if (page.events.some((e) => e.event === event)) return;
      if (Date.now() > deadline) throw new Error(`no ${event} event on ${resourceId}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

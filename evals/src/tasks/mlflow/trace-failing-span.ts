import { runSnippet } from '../../harness/code-mode.js';
import { defineTask } from '../../task.js';
import { expectEqual } from './mlflow-rest.js';
import { ERROR_TRACES_TRUTH, SEED_TRACES } from './traces-python.js';

interface FailedSpan {
  traceId: string | undefined;
  span: string | undefined;
  errorType: string | undefined;
  errorMessage: string | undefined;
}

/** One of five agent requests failed: which trace, which span (step) failed, and with what error. */
export const traceFailingSpan = defineTask({
  id: 'mlflow-trace-failing-span',
  question: (v: { experiment: string }) =>
    `One request to our support bot failed today (MLflow experiment "${v.experiment}"). Which trace is it, which step (span) failed, and with what error?`,
  tags: ['common'],
  backends: ['mlflow'],
  async seed(ctx) {
    const experiment = `${ctx.prefix}-support-bot`;
    const spec = {
      experiment,
      startMsAgo: 3_600_000,
      requests: [
        { question: 'How do I reset my password?' },
        { question: 'Where is my invoice?' },
        {
          question: 'Cancel my subscription',
          fail: 'call_llm',
          error: 'LLM endpoint timed out after 30s',
        },
        { question: 'Change my email address' },
        { question: 'What plans do you offer?' },
      ],
    };
    const { experimentId } = await ctx.python<{ experimentId: string }>(SEED_TRACES, {
      TRACE_SPEC: JSON.stringify(spec),
    });
    return { visible: { experiment }, hidden: { experimentId } };
  },
  async truth(ctx, { hidden }): Promise<FailedSpan> {
    const { errors } = await ctx.python<{ errors: FailedSpan[] }>(ERROR_TRACES_TRUTH, {
      EXPERIMENT_ID: hidden.experimentId,
    });
    if (errors.length !== 1)
      throw new Error(`expected one error trace, MLflow has ${errors.length}`);
    return errors[0]!;
  },
  async plan(agent, { experiment }): Promise<FailedSpan> {
    const found = await agent.call('mlops_search_traces', { experiment, status: 'error' });
    if (found.isError) throw new Error(found.text);
    // The question is about MLflow: Weave traces of the default W&B project are merged in too.
    const [item] = (found.structured.items as { backend: string; uri: string }[]).filter(
      (trace) => trace.backend === 'mlflow',
    );
    if (!item)
      return { traceId: undefined, span: undefined, errorType: undefined, errorMessage: undefined };
    const trace = await agent.call('mlflow_get_trace', { traceId: item.uri });
    if (trace.isError) throw new Error(trace.text);
    return readFailure(trace.structured);
  },
  codePlan: (agent, { experiment }) =>
    runSnippet(
      agent,
      `const found = await mlops.searchTraces({ experiment: ${JSON.stringify(experiment)}, status: 'error' });
const item = found.items.find((trace) => trace.backend === 'mlflow');
if (!item) return { traceId: undefined, span: undefined, errorType: undefined, errorMessage: undefined };
const t = await mlflow.getTrace({ traceId: item.uri });
const raisedIn = (t.errors ?? []).filter((e) => e.message === t.error).at(-1);
const match = t.error?.match(/^([A-Za-z_][\\w.]*): (.*)$/s);
return { traceId: t.id, span: raisedIn?.spanName, errorType: match?.[1], errorMessage: match?.[2] };`,
    ),
  check(answer, truth) {
    const problems: string[] = [];
    expectEqual(problems, 'trace', answer.traceId, truth.traceId);
    expectEqual(problems, 'failed span', answer.span, truth.span);
    expectEqual(problems, 'error type', answer.errorType, truth.errorType);
    expectEqual(problems, 'error message', answer.errorMessage, truth.errorMessage);
    return problems;
  },
});

/** The failure mlflow_get_trace surfaces at the top: "Type: message", and the span that raised it. */
export function readFailure(structured: Record<string, unknown>): FailedSpan {
  const error = structured.error as string | undefined;
  const errors = (structured.errors ?? []) as { spanName: string; message: string }[];
  // Where the exception started: the innermost span reporting the same error.
  const raisedIn = errors.filter((e) => e.message === error).at(-1);
  const match = error?.match(/^([A-Za-z_][\w.]*): (.*)$/s);
  return {
    traceId: structured.id as string | undefined,
    span: raisedIn?.spanName,
    errorType: match?.[1],
    errorMessage: match?.[2],
  };
}

/**
 * Python seeding and truth for MLflow traces (the tracing client has no simple REST equivalent):
 * scripts for SeedContext.python, which prints one JSON line last.
 */

/** Logs agent traces: each request is answer_question → retrieve_docs → call_llm. */
export const SEED_TRACES = String.raw`
import json, os, sys, time
import mlflow
from mlflow.entities import SpanEvent, SpanStatusCode

spec = json.loads(os.environ["TRACE_SPEC"])
exp_id = mlflow.set_experiment(spec["experiment"]).experiment_id
# Traces start at spec["startMsAgo"] before now (explicit times), one second apart.
start_ns = (time.time_ns() - int(spec.get("startMsAgo", 0)) * 1_000_000)

def fail(span, exc_type, message, at_ns):
    # What @mlflow.trace records when an exception leaves a span: an exception event, then ERROR.
    span.add_event(SpanEvent("exception", timestamp=at_ns, attributes={
        "exception.type": exc_type, "exception.message": message,
        "exception.stacktrace": f"Traceback (most recent call last):\n{exc_type}: {message}",
    }))
    span.end(status=SpanStatusCode.ERROR, end_time_ns=at_ns)

for i, req in enumerate(spec["requests"]):
    t0 = start_ns + i * 1_000_000_000
    root = mlflow.start_span_no_context("answer_question", span_type="AGENT",
                                        inputs={"question": req["question"]}, start_time_ns=t0)
    retrieve = mlflow.start_span_no_context("retrieve_docs", span_type="RETRIEVER", parent_span=root,
                                            inputs={"query": req["question"]}, start_time_ns=t0 + 1_000_000)
    failing = req.get("fail")
    if failing == "retrieve_docs":
        fail(retrieve, "ConnectionError", req["error"], t0 + 50_000_000)
        fail(root, "ConnectionError", req["error"], t0 + 60_000_000)
        continue
    retrieve.end(outputs=[{"doc": "kb-12"}], end_time_ns=t0 + 50_000_000)
    llm = mlflow.start_span_no_context("call_llm", span_type="LLM", parent_span=root,
                                       inputs={"prompt": req["question"]}, start_time_ns=t0 + 51_000_000)
    if failing == "call_llm":
        fail(llm, "TimeoutError", req["error"], t0 + 900_000_000)
        fail(root, "TimeoutError", req["error"], t0 + 910_000_000)
        continue
    llm.end(outputs={"answer": "Sure."}, end_time_ns=t0 + 400_000_000)
    root.end(outputs={"answer": "Sure."}, end_time_ns=t0 + 410_000_000)

flush = getattr(mlflow, "flush_trace_async_logging", None)
if flush:
    flush()
print(json.dumps({"experimentId": exp_id}))
`;

/** The experiment's error traces and, per trace, its innermost failed span and exception. */
export const ERROR_TRACES_TRUTH = `
import json, os
from mlflow import MlflowClient

client = MlflowClient()
traces = client.search_traces(locations=[os.environ["EXPERIMENT_ID"]], filter_string="trace.status = 'ERROR'", max_results=500)
out = []
for trace in traces:
    spans = trace.data.spans
    failed = [s for s in spans if s.status.status_code == "ERROR"]
    parents = {s.parent_id for s in failed}
    innermost = [s for s in failed if s.span_id not in parents]
    span = innermost[0]
    exc = [e for e in span.events if e.name == "exception"]
    out.append({
        "traceId": trace.info.trace_id,
        "span": span.name,
        "errorType": exc[0].attributes.get("exception.type") if exc else None,
        "errorMessage": exc[0].attributes.get("exception.message") if exc else None,
    })
print(json.dumps({"errors": sorted(out, key=lambda e: e["traceId"])}))
`;

"""Seed a Weave trace server with agent traces, feedback and objects through the real weave SDK.

Usage: WF_TRACE_SERVER_URL=http://127.0.0.1:PORT WANDB_API_KEY=<key> python seed_weave.py

`weave.init` cannot run offline: it always asks W&B's GraphQL API for the username
(`get_username()` → `wandb.Api().username()` in weave/trace/weave_init.py) and, with the default
`ensure_project_exists=True`, creates the project there. So the seed builds what `init_weave`
builds, minus those two calls: the SDK's own `RemoteHTTPTraceServer` (batching, calls_complete
mode) with `api:<key>` basic auth, a `WeaveClient` with `ensure_project_exists=False`, set as the
global client. Everything after that is ordinary SDK use: `@weave.op` functions, `op.call`,
`client.create_call`/`finish_call` with explicit times (how the SDK backfills history),
`call.feedback`, `weave.publish`, `weave.Evaluation.evaluate`.

Prints exactly one JSON manifest line on stdout; everything else goes to stderr.
"""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import sys
from typing import Any

# Overridable so one W&B configuration (key + entity) can cover a stand-in and this server.
ENTITY = os.environ.get("WEAVE_SEED_ENTITY", "mlops-test")
PROJECT = "agent-traces"

DOCS = [
    "Weave traces every call of a decorated function.",
    "A trace is the tree of calls under one root call.",
    "Feedback can be attached to any call.",
]

# Agent questions run now, with how each one ends.
LIVE_QUESTIONS: list[tuple[str, str | None]] = [
    ("What does Weave trace?", None),
    ("What is a trace?", None),
    ("Can calls get feedback?", None),
    ("How are ops versioned?", None),
    ("What is a root call?", None),
    ("overload: summarise the docs", "RuntimeError"),
    ("overload: list every op", "RuntimeError"),
    ("timeout: search the archive", "TimeoutError"),
    ("   ", "ValueError"),
]

# Agent traces backfilled over the last day and a half: (hours ago, latency in ms).
HISTORY = [(30, 4000), (26, 2500), (20, 1500), (12, 900), (6, 700), (2, 3000)]

# Size of the input and output of the one oversized call (characters).
BIG_INPUT_CHARS = 60_000
BIG_OUTPUT_CHARS = 120_000


def log(msg: str) -> None:
    print(f"seed_weave: {msg}", file=sys.stderr, flush=True)


def connect() -> Any:
    """The global WeaveClient, wired as init_weave wires it but without W&B's GraphQL API."""
    from weave.trace import weave_client
    from weave.trace.context import weave_client_context
    from weave.trace_server_bindings.remote_http_trace_server import RemoteHTTPTraceServer

    server = RemoteHTTPTraceServer(
        os.environ["WF_TRACE_SERVER_URL"],
        should_batch=True,
        auth=("api", os.environ["WANDB_API_KEY"]),
    )
    client = weave_client.WeaveClient(ENTITY, PROJECT, server, ensure_project_exists=False)
    weave_client_context.set_weave_client_global(client)
    return client


def main(out: Any) -> None:
    import weave

    client = connect()

    @weave.op
    def retrieve(query: str, k: int = 2) -> list[str]:
        if query.startswith("timeout"):
            raise TimeoutError("vector store timed out after 5s")
        return DOCS[:k]

    @weave.op
    def llm_call(prompt: str, model: str = "gpt-4o-mini") -> dict[str, Any]:
        if "overload" in prompt:
            raise RuntimeError("model overloaded (HTTP 529), retry later")
        prompt_tokens = len(prompt.split()) * 4
        completion_tokens = 42
        return {
            "model": model,
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
            "text": f"Answer based on {len(prompt)} characters of context.",
        }

    @weave.op
    def agent(question: str) -> str:
        if not question.strip():
            raise ValueError("empty question")
        docs = retrieve(question)
        reply = llm_call(prompt=question + "\n" + "\n".join(docs))
        return reply["text"]

    @weave.op
    def summarize_document(document: str) -> str:
        return "summary " * (BIG_OUTPUT_CHARS // len("summary "))

    traces: list[dict[str, Any]] = []
    calls: dict[str, Any] = {}

    # Live traces: real op calls, nested retrieve -> llm_call under agent.
    for question, failure in LIVE_QUESTIONS:
        _result, call = agent.call(question)
        calls[call.id] = call
        traces.append(
            {
                "id": call.id,
                "traceId": call.trace_id,
                "error": failure,
                "question": question,
            }
        )
    log(f"traced {len(LIVE_QUESTIONS)} live agent calls")

    # Backfilled traces: same ops, explicit start/end times over the last 30 hours.
    now = datetime.datetime.now(tz=datetime.timezone.utc)
    for hours_ago, latency_ms in HISTORY:
        started = now - datetime.timedelta(hours=hours_ago)
        ended = started + datetime.timedelta(milliseconds=latency_ms)
        question = f"history question {hours_ago}h ago"
        root = client.create_call(agent, {"question": question}, started_at=started)
        child1 = client.create_call(
            retrieve, {"query": question, "k": 2}, parent=root, started_at=started
        )
        client.finish_call(child1, DOCS[:2], ended_at=started + datetime.timedelta(milliseconds=50))
        child2 = client.create_call(
            llm_call,
            {"prompt": question, "model": "gpt-4o-mini"},
            parent=root,
            started_at=started + datetime.timedelta(milliseconds=60),
        )
        reply = {
            "model": "gpt-4o-mini",
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
            "text": "An answer from history.",
        }
        client.finish_call(child2, reply, ended_at=ended - datetime.timedelta(milliseconds=10))
        client.finish_call(root, reply["text"], ended_at=ended)
        traces.append(
            {
                "id": root.id,
                "traceId": root.trace_id,
                "error": None,
                "question": question,
                "startedAt": started.isoformat(),
                "latencyMs": latency_ms,
            }
        )
    log(f"backfilled {len(HISTORY)} agent traces")

    _summary, big_call = summarize_document.call("lorem ipsum " * (BIG_INPUT_CHARS // 12))

    # Feedback: a reaction, a note and a scorer-style payload on one good call; two on a failure.
    good = next(t for t in traces if t["error"] is None)
    bad = next(t for t in traces if t["error"] == "TimeoutError")
    good_call = calls[good["id"]]
    bad_call = calls[bad["id"]]
    feedback = [
        {"callId": good["id"], "type": "wandb.reaction.1", "id": good_call.feedback.add_reaction("👍")},
        {
            "callId": good["id"],
            "type": "wandb.note.1",
            "id": good_call.feedback.add_note("Cites the docs; good answer."),
        },
        {
            "callId": good["id"],
            "type": "correctness",
            "id": good_call.feedback.add("correctness", {"score": 0.9, "reason": "matches reference"}),
        },
        {"callId": bad["id"], "type": "wandb.reaction.1", "id": bad_call.feedback.add_reaction("👎")},
        {
            "callId": bad["id"],
            "type": "wandb.note.1",
            "id": bad_call.feedback.add_note("Timed out; retry with a smaller k."),
        },
    ]
    log(f"added {len(feedback)} feedback items")

    # Objects: two versions of a dataset and of a prompt, a model, and an evaluation of it.
    rows = [
        {"question": "What does Weave trace?", "expected": "calls"},
        {"question": "What is a trace?", "expected": "a tree of calls"},
        {"question": "Can calls get feedback?", "expected": "yes"},
    ]
    dataset_v0 = weave.publish(weave.Dataset(name="qa-dataset", rows=rows[:2]))
    dataset_v1 = weave.publish(weave.Dataset(name="qa-dataset", rows=rows))
    prompt_v0 = weave.publish(weave.StringPrompt("You are a helpful assistant."), name="system-prompt")
    prompt_v1 = weave.publish(weave.StringPrompt("You are a concise assistant."), name="system-prompt")

    class RagModel(weave.Model):
        model_name: str
        system_prompt: str

        @weave.op
        def predict(self, question: str) -> str:
            return "calls" if "trace" in question else "yes"

    model = RagModel(name="rag-model", model_name="gpt-4o-mini", system_prompt="Be brief.")
    model_ref = weave.publish(model, name="rag-model")

    @weave.op
    def exact_match(expected: str, output: str) -> dict[str, bool]:
        return {"correct": expected == output}

    evaluation = weave.Evaluation(
        name="qa-eval", dataset=dataset_v1.get(), scorers=[exact_match]
    )
    eval_summary = asyncio.run(evaluation.evaluate(model))
    eval_ref = weave.publish(evaluation, name="qa-eval")
    log("published datasets, prompts, model and evaluation")

    client.flush()

    def ref(r: Any) -> dict[str, str]:
        return {"name": r.name, "digest": r.digest, "uri": r.uri()}

    manifest = {
        "entity": ENTITY,
        "project": PROJECT,
        "projectId": f"{ENTITY}/{PROJECT}",
        "agentTraces": traces,
        "errorTraceIds": [t["id"] for t in traces if t["error"]],
        "bigCallId": big_call.id,
        "bigOutputChars": BIG_OUTPUT_CHARS,
        "feedback": feedback,
        "objects": {
            "dataset": [ref(dataset_v0), ref(dataset_v1)],
            "prompt": [ref(prompt_v0), ref(prompt_v1)],
            "model": ref(model_ref),
            "evaluation": ref(eval_ref),
        },
        "evaluationSummary": eval_summary,
    }
    out.write(json.dumps(manifest, separators=(",", ":"), default=str) + "\n")
    out.flush()


if __name__ == "__main__":
    # The SDK prints banners and call links on stdout; keep stdout for the manifest alone.
    manifest_out = sys.stdout
    sys.stdout = sys.stderr
    main(manifest_out)

"""Seed MLflow GenAI traces and assessments through the official tracing API (extras.traces).

Runs a small, fake RAG pipeline (`rag_pipeline` -> `retrieve` + `generate`, no LLM calls) a few
times into its own experiment: four OK traces (one with a large retrieved document, one inside a
run), one ERROR trace whose `generate` span raises, and a scratch experiment whose traces tests may
delete. Adds trace tags, human and LLM-judge feedback, an expectation, and a three-record
evaluation dataset linked to the experiment. Deterministic apart from the ids MLflow assigns and
wall-clock timestamps; prints nothing on stdout.
"""

from __future__ import annotations

import time

import mlflow
from mlflow.entities import AssessmentSource, AssessmentSourceType, SpanType
from mlflow.genai.datasets import create_dataset
from mlflow.tracking import MlflowClient

EXPERIMENT = "rag-chatbot"
SCRATCH_EXPERIMENT = "rag-chatbot-scratch"
DATASET = "rag-chatbot-eval"
ERROR_MESSAGE = "context window exceeded: 9120 > 8192 tokens"

CORPUS = {
    "capital": "Paris is the capital and most populous city of France.",
    "mlflow": "MLflow is an open source platform for the machine learning lifecycle.",
    "tracing": "MLflow Tracing records the inputs, outputs and metadata of each step of a GenAI app.",
}

# (question, tags, document override). The long document makes span outputs exceed any budget.
QUESTIONS: list[tuple[str, dict[str, str], str | None]] = [
    ("What is the capital of France?", {"env": "prod", "topic": "geography"}, None),
    ("What is MLflow?", {"env": "prod", "topic": "mlops"}, None),
    ("Summarise the tracing docs.", {"env": "staging", "topic": "mlops"}, "tracing " * 2500),
    ("How do traces relate to runs?", {"env": "staging", "topic": "mlops"}, None),
]
ERROR_QUESTION = "Explain every page of the manual at once."


@mlflow.trace(span_type=SpanType.RETRIEVER)
def retrieve(question: str, override: str | None = None) -> list[dict[str, object]]:
    span = mlflow.get_current_active_span()
    if span:
        span.set_attributes({"retriever.top_k": 2, "retriever.index": "docs-v1"})
    words = set(question.lower().replace("?", "").split())
    docs = [
        {"id": key, "text": text, "score": round(0.5 + 0.1 * len(words & set(text.lower().split())), 2)}
        for key, text in CORPUS.items()
    ]
    docs.sort(key=lambda doc: (-float(doc["score"]), str(doc["id"])))
    # Real retrieval and generation take time; without it a fast machine records 0 ms spans
    # (MLflow keeps millisecond precision) and durations stop meaning anything.
    time.sleep(0.004)
    if override is not None:
        docs[0] = {"id": "long", "text": override, "score": 0.99}
    return docs[:2]


@mlflow.trace(span_type=SpanType.LLM)
def generate(question: str, docs: list[dict[str, object]], fail: bool = False) -> str:
    span = mlflow.get_current_active_span()
    if span:
        span.set_attributes({"llm.model": "fake-llm-1", "llm.temperature": 0.0})
    time.sleep(0.006)
    if fail:
        raise ValueError(ERROR_MESSAGE)
    return f"Answer to '{question}' based on {docs[0]['id']}: {str(docs[0]['text'])[:80]}"


@mlflow.trace(name="rag_pipeline", span_type=SpanType.CHAIN)
def rag_pipeline(question: str, override: str | None = None, fail: bool = False) -> str:
    docs = retrieve(question, override)
    return generate(question, docs, fail)


def run_pipeline(question: str, tags: dict[str, str], override: str | None = None, fail: bool = False) -> str:
    """Runs the pipeline once and returns the trace id it produced."""
    try:
        rag_pipeline(question, override, fail)
    except ValueError:
        pass
    trace_id = mlflow.get_last_active_trace_id()
    assert trace_id, "tracing produced no trace"
    # Tags go through the client, as a reviewer would add them, once the trace is exported
    # (traces are sent asynchronously; tagging one not yet on the server would fail).
    mlflow.flush_trace_async_logging()
    for key, value in tags.items():
        mlflow.set_trace_tag(trace_id, key, value)
    return trace_id


def seed(client: MlflowClient, manifest: dict) -> dict:
    mlflow.set_tracking_uri(client.tracking_uri)
    experiment_id = client.create_experiment(EXPERIMENT, tags={"team": "genai"})
    scratch_id = client.create_experiment(SCRATCH_EXPERIMENT, tags={"team": "genai"})

    mlflow.set_experiment(experiment_id=experiment_id)
    ok_ids = [run_pipeline(q, tags, override) for q, tags, override in QUESTIONS[:3]]
    # One trace made inside a run, so it carries the run link.
    with mlflow.start_run(run_name="rag-eval-session") as run:
        question, tags, override = QUESTIONS[3]
        ok_ids.append(run_pipeline(question, tags, override))
    error_id = run_pipeline(ERROR_QUESTION, {"env": "prod", "topic": "manual"}, fail=True)

    mlflow.set_experiment(experiment_id=scratch_id)
    scratch_ids = [run_pipeline(f"scratch question {i}", {"env": "scratch"}) for i in range(3)]
    # Later seed modules must not log into this experiment by accident.
    mlflow.set_experiment(experiment_id="0")

    human = AssessmentSource(AssessmentSourceType.HUMAN, "reviewer@example.com")
    judge = AssessmentSource(AssessmentSourceType.LLM_JUDGE, "judge-gpt-v1")
    correct = mlflow.log_feedback(
        trace_id=ok_ids[0], name="correctness", value=True, source=human,
        rationale="Matches the reference answer.",
    )
    incorrect = mlflow.log_feedback(
        trace_id=ok_ids[1], name="correctness", value=False, source=human,
        rationale="Does not say what MLflow is used for.",
    )
    relevance = mlflow.log_feedback(
        trace_id=ok_ids[0], name="relevance", value=0.8, source=judge,
        rationale="The retrieved passage answers the question directly.",
    )
    expectation = mlflow.log_expectation(
        trace_id=ok_ids[0], name="expected_answer", value="Paris", source=human,
    )
    dataset = create_dataset(name=DATASET, experiment_id=[experiment_id], tags={"team": "genai"})
    dataset.merge_records([
        {"inputs": {"question": q}, "expectations": {"expected_answer": a}, "tags": {"topic": t}}
        for q, a, t in [
            ("What is the capital of France?", "Paris", "geography"),
            ("What is MLflow?", "An open source MLOps platform.", "mlops"),
            ("How do traces relate to runs?", "A trace logged inside a run links to it.", "mlops"),
        ]
    ])
    return {
        "experimentId": experiment_id,
        "scratchExperimentId": scratch_id,
        "traceIds": ok_ids + [error_id],
        "okTraceIds": ok_ids,
        "errorTraceId": error_id,
        "errorMessage": ERROR_MESSAGE,
        "largeTraceId": ok_ids[2],
        "runTraceId": ok_ids[3],
        "runId": run.info.run_id,
        "scratchTraceIds": scratch_ids,
        "dataset": {"id": dataset.dataset_id, "name": DATASET, "records": 3},
        "assessments": {
            "correctTrue": correct.assessment_id,
            "correctFalse": incorrect.assessment_id,
            "relevance": relevance.assessment_id,
            "expectation": expectation.assessment_id,
        },
    }

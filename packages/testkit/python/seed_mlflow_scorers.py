"""Seed registered GenAI scorers through the official Python API (extras.scorers).

Registers, in an experiment of their own, built-in LLM-judge scorers that need no model call to
register: a `Guidelines` judge in two versions, `RelevanceToQuery`, an instructions judge made
with `make_judge`, and two `Guidelines` judges (scratch_*) that tests may delete. Registration only
serializes the scorer definition; nothing is evaluated, so this is offline.

Code-based `@scorer` functions are not seeded: the server refuses to register them (their
serialized form carries `call_source`, which it would exec) unless it runs with
MLFLOW_SERVER_ENABLE_CUSTOM_SCORERS=true (handlers.py `_validate_serialized_scorer_payload`).
Prints nothing on stdout.
"""

from __future__ import annotations

import mlflow
from mlflow.genai.judges import make_judge
from mlflow.genai.scorers import Guidelines, RelevanceToQuery
from mlflow.tracking import MlflowClient

EXPERIMENT = "rag-chatbot-judges"
POLITE_V1 = ["The response must be polite."]
POLITE_V2 = ["The response must be polite.", "The response must avoid jargon."]


def seed(client: MlflowClient, manifest: dict) -> dict:
    # Scorer.register talks to the fluent API's tracking server, not to `client`'s.
    mlflow.set_tracking_uri(client.tracking_uri)
    experiment_id = client.create_experiment(EXPERIMENT, tags={"team": "genai"})
    Guidelines(name="polite", guidelines=POLITE_V1).register(experiment_id=experiment_id)
    Guidelines(name="polite", guidelines=POLITE_V2).register(experiment_id=experiment_id)
    RelevanceToQuery().register(experiment_id=experiment_id)
    make_judge(
        name="tone",
        instructions="Is the response in {{ outputs }} friendly? Answer yes or no.",
        model="openai:/gpt-4o-mini",
        feedback_value_type=bool,
    ).register(experiment_id=experiment_id)
    for rule in ("No emojis.", "No emojis or exclamation marks."):
        Guidelines(name="scratch_guard", guidelines=[rule]).register(experiment_id=experiment_id)
    Guidelines(name="scratch_probe", guidelines=["Cite a source."]).register(experiment_id=experiment_id)
    return {
        "experimentId": experiment_id,
        "scorers": {
            "polite": {"versions": 2, "kind": "Guidelines", "guidelinesByVersion": [POLITE_V1, POLITE_V2]},
            "relevance_to_query": {"versions": 1, "kind": "RelevanceToQuery"},
            "tone": {"versions": 1, "kind": "judge", "model": "openai:/gpt-4o-mini"},
            "scratch_guard": {"versions": 2, "kind": "Guidelines"},
            "scratch_probe": {"versions": 1, "kind": "Guidelines"},
        },
    }

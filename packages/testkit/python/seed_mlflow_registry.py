"""Seed MLflow 3 logged models and a prompt for the registry area's tests.

Loaded by seed_mlflow.py (`seed(client, manifest)`); the result appears as `extras.registry`.

Logged models: two in the llama-finetune experiment, both produced by the lr=1e-4 SFT run, with
params, tags and a metric linked to the model. One is finalized READY, the other left PENDING
(an upload that never finished). Prompts: one prompt with two versions (text templates with
{{variables}}) and a `production` alias on version 1, so alias reads differ from "latest".
Offline and deterministic apart from the ids MLflow assigns.
"""

from __future__ import annotations

from mlflow.entities import LoggedModelStatus
from mlflow.tracking import MlflowClient

PROMPT = "summarize-ticket"
PROMPT_V1 = "Summarize this support ticket in one sentence:\n\n{{ticket}}"
PROMPT_V2 = (
    "You are a support lead. Summarize the ticket below for {{audience}} in at most "
    "{{max_words}} words, naming the product and the customer's ask.\n\n{{ticket}}"
)


def seed(client: MlflowClient, manifest: dict) -> dict:
    experiment_id = next(e["id"] for e in manifest["experiments"] if e["name"] == "llama-finetune")
    source_run = next(
        r for r in manifest["runs"] if r["name"] == "sft-llama-3-8b-lr1e-4" and r["status"] == "FINISHED"
    )
    run_id = source_run["id"]

    ready = client.create_logged_model(
        experiment_id,
        name="llama-3-8b-lora",
        source_run_id=run_id,
        params={"lora_r": "16", "learning_rate": "0.0001", "base_model": "meta-llama/Meta-Llama-3-8B"},
        tags={"stage": "sft", "owner": "ana"},
        model_type="transformers",
    )
    # A metric logged on the run and linked to the model shows up in the model's data.metrics.
    client.log_metric(run_id, "eval/accuracy", 0.6123, step=0, model_id=ready.model_id)
    client.finalize_logged_model(ready.model_id, LoggedModelStatus.READY)

    pending = client.create_logged_model(
        experiment_id,
        name="llama-3-8b-lora-draft",
        source_run_id=run_id,
        params={"lora_r": "8"},
        tags={"stage": "draft"},
        model_type="transformers",
    )

    client.register_prompt(PROMPT, PROMPT_V1, commit_message="First draft", tags={"team": "support"})
    client.register_prompt(PROMPT, PROMPT_V2, commit_message="Audience and word limit")
    client.set_prompt_alias(PROMPT, "production", 1)

    return {
        "experimentId": experiment_id,
        "sourceRunId": run_id,
        "loggedModels": [
            {"id": ready.model_id, "name": "llama-3-8b-lora", "status": "READY"},
            {"id": pending.model_id, "name": "llama-3-8b-lora-draft", "status": "PENDING"},
        ],
        "prompt": {
            "name": PROMPT,
            "versions": [
                {"version": "1", "template": PROMPT_V1, "commitMessage": "First draft"},
                {"version": "2", "template": PROMPT_V2, "commitMessage": "Audience and word limit"},
            ],
            "aliases": {"production": "1"},
        },
    }

"""Seed an MLflow tracking server with realistic data through the official Python client.

Usage: MLFLOW_TRACKING_URI=http://127.0.0.1:PORT python seed_mlflow.py

Creates three experiments, ten runs (FINISHED, one FAILED, one left RUNNING) with params, tags
and metric histories, evaluation-launcher style artifacts on the eval runs (several runs in two
experiments share one invocation_id), and a registered model with two versions and a
`champion` alias. Prints exactly one JSON manifest line on stdout; everything else goes to
stderr. Deterministic apart from the ids MLflow assigns and wall-clock timestamps.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mlflow.entities import Metric, Param, RunStatus, RunTag
from mlflow.tracking import MlflowClient

INVOCATION_ID = "a1b2c3d4e5f60718"
OTHER_INVOCATION_ID = "9f8e7d6c5b4a3210"
REGISTERED_MODEL = "llama-3-8b-ft"

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS

EXPERIMENTS = {
    "llama-finetune": {"team": "llm", "project": "llama3-sft"},
    "eval-harness": {"team": "eval", "framework": "nemo-evaluator"},
    "baseline-sklearn": {"team": "classic-ml", "dataset": "california-housing"},
}

# Evaluation tasks: (task, harness, metric name, score, stderr, samples)
EVAL_TASKS = {
    "mmlu": ("lm-evaluation-harness", "acc", 0.6623, 0.0038, 14042),
    "gsm8k": ("lm-evaluation-harness", "exact_match", 0.7741, 0.0115, 1319),
    "humaneval": ("bigcode-evaluation-harness", "pass@1", 0.6159, 0.0381, 164),
    "ifeval": ("lm-evaluation-harness", "prompt_level_strict_acc", 0.7412, 0.0188, 541),
}


def log(msg: str) -> None:
    print(f"seed_mlflow: {msg}", file=sys.stderr, flush=True)


def curve(steps: int, start: float, end: float, noise: float, rng: random.Random) -> list[float]:
    """An exponentially decaying (or rising) curve from start to end with a little noise."""
    out = []
    for i in range(steps):
        frac = 1 - math.exp(-4 * i / max(steps - 1, 1))
        out.append(round(start + (end - start) * frac + rng.uniform(-noise, noise), 5))
    return out


def history(key: str, values: list[float], t0: int, every_ms: int, step_stride: int = 1) -> list[Metric]:
    return [Metric(key, v, t0 + i * every_ms, i * step_stride) for i, v in enumerate(values)]


def params(d: dict[str, object]) -> list[Param]:
    return [Param(k, str(v)) for k, v in d.items()]


def tags(d: dict[str, str]) -> list[RunTag]:
    return [RunTag(k, v) for k, v in d.items()]


class Seeder:
    def __init__(self, client: MlflowClient) -> None:
        self.client = client
        self.rng = random.Random(20240611)
        self.now = int(time.time() * 1000)
        self.experiments: list[dict[str, str]] = []
        self.exp_ids: dict[str, str] = {}
        self.runs: list[dict[str, object]] = []

    def experiment(self, name: str, exp_tags: dict[str, str]) -> str:
        exp_id = self.client.create_experiment(name, tags=exp_tags)
        self.exp_ids[name] = exp_id
        self.experiments.append({"id": exp_id, "name": name})
        return exp_id

    def run(
        self,
        experiment: str,
        name: str,
        *,
        start: int,
        duration_ms: int | None,
        status: str,
        run_params: dict[str, object],
        run_tags: dict[str, str],
        metrics: list[Metric],
        invocation_id: str | None = None,
    ) -> str:
        """Create a run, log everything in one batch, and set its final status."""
        run = self.client.create_run(
            self.exp_ids[experiment], start_time=start, run_name=name, tags=run_tags
        )
        run_id = run.info.run_id
        # log_batch accepts at most 1000 metrics per call.
        for i in range(0, max(len(metrics), 1), 1000):
            self.client.log_batch(
                run_id,
                metrics=metrics[i : i + 1000],
                params=params(run_params) if i == 0 else [],
            )
        if status != "RUNNING":
            end = start + (duration_ms or 0)
            self.client.set_terminated(run_id, status=status, end_time=end)
        entry: dict[str, object] = {
            "id": run_id,
            "name": name,
            "experimentId": self.exp_ids[experiment],
            "status": status,
        }
        if invocation_id:
            entry["invocationId"] = invocation_id
        self.runs.append(entry)
        return run_id

    # --- training runs -------------------------------------------------------------------

    def finetune(self, lr: float, *, diverge: bool, day: int) -> str:
        lr_s = f"{lr:.0e}".replace("e-0", "e-")
        name = f"sft-llama-3-8b-lr{lr_s}"
        start = self.now - day * DAY_MS
        steps = 50 if not diverge else 23
        final_loss = {1e-4: 0.92, 3e-4: 0.81}.get(lr, 0.85)
        loss = curve(steps, 2.45, final_loss, 0.03, self.rng)
        if diverge:
            loss = loss[:18] + [round(loss[17] * (1.6**k), 4) for k in range(1, 6)]
        val_points = steps // 5
        acc = curve(val_points, 0.31, 0.61 if lr == 3e-4 else 0.57, 0.01, self.rng)
        metrics = (
            history("train/loss", loss, start + 60_000, 120_000, 20)
            + history("train/learning_rate", [lr] * steps, start + 60_000, 120_000, 20)
            + history("val/accuracy", acc, start + 600_000, 600_000, 100)
        )
        if not diverge:
            metrics.append(Metric("val/perplexity", round(math.exp(loss[-1]), 4), start + 6_000_000, 1000))
        run_params = {
            "model": "meta-llama/Meta-Llama-3-8B",
            "learning_rate": lr,
            "batch_size": 64,
            "epochs": 3,
            "lora_r": 16,
            "lora_alpha": 32,
            "max_seq_len": 4096,
            "optimizer": "adamw_torch",
            "dataset": "ultrachat_200k",
        }
        run_tags = {
            "mlflow.user": "ana",
            "mlflow.source.name": "train_sft.py",
            "mlflow.source.type": "LOCAL",
            "gpu": "8xH100",
            "stage": "sft",
        }
        if diverge:
            run_tags["failure_reason"] = "loss diverged (NaN guard tripped at step 440)"
        return self.run(
            "llama-finetune",
            name,
            start=start,
            duration_ms=steps * 120_000 + 300_000,
            status="FAILED" if diverge else "FINISHED",
            run_params=run_params,
            run_tags=run_tags,
            metrics=metrics,
        )

    def log_model_stub(self, run_id: str, lr: float) -> None:
        """A tiny MLmodel file so registered versions point at real artifacts."""
        mlmodel = {
            "artifact_path": "model",
            "flavors": {"transformers": {"task": "text-generation", "peft": {"lora_r": 16}}},
            "run_id": run_id,
            "model_uuid": hashlib.md5(f"{run_id}:{lr}".encode()).hexdigest(),
            "utc_time_created": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
        }
        self.client.log_text(run_id, yaml.safe_dump(mlmodel, sort_keys=False), "model/MLmodel")

    # --- evaluation runs (nemo-evaluator-launcher MLflow exporter layout) ----------------

    def eval_run(
        self,
        experiment: str,
        task: str,
        invocation_id: str,
        job_index: int,
        model_id: str,
        *,
        day: int,
        delta: float = 0.0,
        status: str = "FINISHED",
    ) -> str:
        harness, metric, score, stderr, samples = EVAL_TASKS[task]
        score = round(score + delta, 4)
        start = self.now - day * DAY_MS + job_index * 90_000
        job_id = f"{invocation_id}.{job_index}"
        ts = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(start / 1000))
        run_tags = {
            "invocation_id": invocation_id,
            "job_id": job_id,
            "task_name": task,
            "benchmark": task,
            "harness": harness,
            "executor": "slurm",
            "model": model_id,
        }
        run_params = {"invocation_id": invocation_id, "executor": "slurm", "timestamp": ts}
        key = metric.replace("@", "_at_")  # MLflow metric names may not contain "@"
        metrics: list[Metric] = []
        if status != "RUNNING":
            metrics = [
                Metric(f"{task}_{key}", score, start + HOUR_MS, 0),
                Metric(f"{task}_{key}_stderr", stderr, start + HOUR_MS, 0),
            ]
        else:
            # A live eval reports progress only.
            metrics = history("progress/samples_done", [100.0 * k for k in range(1, 8)], start, 60_000)
        run_id = self.run(
            experiment,
            f"eval-{invocation_id}-{task}",
            start=start,
            duration_ms=HOUR_MS + 120_000,
            status=status,
            run_params=run_params,
            run_tags=run_tags,
            metrics=metrics,
            invocation_id=invocation_id,
        )
        if status != "RUNNING":
            self.eval_artifacts(run_id, task, harness, metric, score, stderr, samples, model_id, invocation_id)
        return run_id

    def eval_artifacts(
        self,
        run_id: str,
        task: str,
        harness: str,
        metric: str,
        score: float,
        stderr: float,
        samples: int,
        model_id: str,
        invocation_id: str,
    ) -> None:
        target = {
            "api_endpoint": {
                "model_id": model_id,
                "type": "chat",
                "url": "http://nim.internal:8000/v1/chat/completions",
            }
        }
        config = {
            "config": {
                "type": task,
                "output_dir": f"/results/{invocation_id}/{task}",
                "params": {
                    "limit_samples": None,
                    "max_new_tokens": 1024,
                    "parallelism": 16,
                    "temperature": 0.0,
                    "top_p": 1e-05,
                    "request_timeout": 300,
                    "max_retries": 5,
                },
                "supported_endpoint_types": ["chat", "completions"],
            },
            "target": target,
            "execution": {"type": "slurm", "invocation_id": invocation_id},
        }
        results = {
            "command": f"{harness} --task {task} --model {model_id}",
            "config": config["config"],
            "git_hash": "3f2c9e1",
            "results": {
                "tasks": {
                    task: {
                        "metrics": {
                            metric: {
                                "scores": {
                                    metric: {"value": score, "stats": {"stderr": stderr, "count": samples}}
                                }
                            }
                        }
                    }
                }
            },
            "target": target,
        }
        factory_metrics = {
            "response_stats": {
                "count": samples,
                "successful_count": samples - 3,
                "avg_latency_ms": 812.4,
                "max_latency_ms": 9120.0,
                "avg_prompt_tokens": 611.2,
                "avg_completion_tokens": 214.9,
                "finish_reason": {"stop": samples - 41, "length": 41},
            },
            "retry_stats": {"retries": 7, "failed_after_retries": 3},
            "timing": {"evaluation_seconds": 3412.7, "setup_seconds": 48.1},
            "model": model_id,
            "task": task,
            "score": score,
        }
        with tempfile.TemporaryDirectory() as tmp:
            art = Path(tmp) / "artifacts"
            art.mkdir()
            (art / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
            (art / "results.yml").write_text(yaml.safe_dump(results, sort_keys=False))
            (art / "eval_factory_metrics.json").write_text(json.dumps(factory_metrics, indent=2))
            self.client.log_artifacts(run_id, str(art), "artifacts")

    # --- classic ML baselines ------------------------------------------------------------

    def baseline(self, name: str, estimator: str, hp: dict[str, object], rmse: float, day: int) -> str:
        start = self.now - day * DAY_MS
        folds = [round(rmse + self.rng.uniform(-0.03, 0.03), 4) for _ in range(5)]
        metrics = history("cv/rmse", folds, start + 5_000, 4_000) + [
            Metric("rmse", rmse, start + 30_000, 0),
            Metric("r2", round(1 - rmse**2 / 1.33, 4), start + 30_000, 0),
            Metric("mae", round(rmse * 0.68, 4), start + 30_000, 0),
        ]
        return self.run(
            "baseline-sklearn",
            name,
            start=start,
            duration_ms=40_000,
            status="FINISHED",
            run_params={"estimator": estimator, "cv_folds": 5, "random_state": 42, **hp},
            run_tags={"mlflow.user": "sam", "framework": "scikit-learn", "sklearn_version": "1.5.2"},
            metrics=metrics,
        )

    # --- registry ------------------------------------------------------------------------

    def register(self, run_ids: list[str]) -> list[dict[str, object]]:
        self.client.create_registered_model(
            REGISTERED_MODEL,
            tags={"task": "text-generation", "base_model": "meta-llama/Meta-Llama-3-8B"},
            description="Llama 3 8B supervised fine-tune (LoRA r=16) on ultrachat_200k.",
        )
        versions: list[dict[str, object]] = []
        for run_id in run_ids:
            mv = self.client.create_model_version(
                REGISTERED_MODEL,
                source=f"runs:/{run_id}/model",
                run_id=run_id,
                tags={"validated": "true"},
                await_creation_for=0,
            )
            versions.append({"version": str(mv.version), "runId": run_id, "aliases": []})
        self.client.set_registered_model_alias(REGISTERED_MODEL, "champion", versions[-1]["version"])
        versions[-1]["aliases"] = ["champion"]
        return versions

    def seed(self) -> dict[str, object]:
        for name, exp_tags in EXPERIMENTS.items():
            self.experiment(name, exp_tags)

        ft_a = self.finetune(1e-4, diverge=False, day=6)
        ft_b = self.finetune(3e-4, diverge=False, day=5)
        self.finetune(1e-3, diverge=True, day=5)
        self.log_model_stub(ft_a, 1e-4)
        self.log_model_stub(ft_b, 3e-4)

        ft_model = "llama-3-8b-ft"
        # One invocation fanned out over four tasks, exported into two experiments.
        self.eval_run("llama-finetune", "mmlu", INVOCATION_ID, 0, ft_model, day=4)
        self.eval_run("eval-harness", "gsm8k", INVOCATION_ID, 1, ft_model, day=4)
        self.eval_run("eval-harness", "humaneval", INVOCATION_ID, 2, ft_model, day=4)
        # A second invocation against the base model for comparison.
        self.eval_run(
            "eval-harness", "mmlu", OTHER_INVOCATION_ID, 0, "meta-llama/Meta-Llama-3-8B", day=3, delta=-0.0412
        )
        # An evaluation still in progress.
        self.eval_run("eval-harness", "ifeval", INVOCATION_ID, 3, ft_model, day=0, status="RUNNING")

        self.baseline("rf-baseline", "RandomForestRegressor", {"n_estimators": 300, "max_depth": 12}, 0.5043, 9)
        self.baseline("ridge-baseline", "Ridge", {"alpha": 1.0}, 0.7281, 9)

        versions = self.register([ft_a, ft_b])
        manifest: dict[str, object] = {
            "experiments": self.experiments,
            "runs": self.runs,
            "invocationId": INVOCATION_ID,
            "otherInvocationId": OTHER_INVOCATION_ID,
            "registeredModel": REGISTERED_MODEL,
            "modelVersions": versions,
        }
        manifest["extras"] = seed_extras(self.client, manifest)
        return manifest


def seed_extras(client: MlflowClient, manifest: dict[str, object]) -> dict[str, object]:
    """Runs every seed_mlflow_<area>.py beside this file (sorted by name).

    Each module defines `seed(client, manifest) -> dict`; its result lands in the manifest under
    extras.<area>. Areas (traces, logged models, ...) add seed data without editing this file.
    """
    import importlib.util

    extras: dict[str, object] = {}
    for path in sorted(Path(__file__).parent.glob("seed_mlflow_*.py")):
        area = path.stem.removeprefix("seed_mlflow_")
        spec = importlib.util.spec_from_file_location(f"seed_mlflow_{area}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.monotonic()
        extras[area] = module.seed(client, manifest)
        log(f"seeded extras.{area} in {time.monotonic() - started:.1f} s")
    return extras


def main() -> int:
    uri = os.environ.get("MLFLOW_TRACKING_URI")
    if not uri:
        log("MLFLOW_TRACKING_URI is not set")
        return 2
    # The MLflow client prints "View run ... at: <url>" on stdout; keep stdout for the manifest
    # alone by pointing fd 1 at stderr while seeding.
    manifest_out = os.fdopen(os.dup(1), "w")
    sys.stdout.flush()
    os.dup2(2, 1)
    started = time.monotonic()
    manifest = Seeder(MlflowClient(tracking_uri=uri)).seed()
    log(f"seeded {len(manifest['runs'])} runs in {time.monotonic() - started:.1f} s")
    sys.stdout.flush()
    manifest_out.write(json.dumps(manifest, separators=(",", ":")) + "\n")
    manifest_out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

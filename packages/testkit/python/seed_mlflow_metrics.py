"""Seed data for the metric-history, artifact and summary tools (extras.metrics).

One run in its own experiment (so the shared seed's per-experiment run counts stay as they are)
with a 4,000-point metric history, a short history, a NaN point, and artifacts: a CSV, a
Markdown file, two binary files (one recognisable only by its bytes), a 540 KB log (to exercise
read caps), and a nested directory with more files and levels than the listing caps.
Deterministic; no network besides the tracking server; prints nothing on stdout.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from mlflow.entities import Metric
from mlflow.tracking import MlflowClient

EXPERIMENT = "metrics-long-history"
LONG_KEY = "long/loss"
SHORT_KEY = "long/lr"
NAN_KEY = "long/grad_norm"
LONG_POINTS = 4000
SPIKE_STEP = 1234
T0 = 1_717_000_000_000


def _long_values() -> list[float]:
    """A decaying, oscillating curve with one spike: downsampling must keep the spike and the end."""
    values = []
    for i in range(LONG_POINTS):
        v = 3.0 * math.exp(-i / 900) + 0.25 * math.sin(i / 37) + 0.5
        if i == SPIKE_STEP:
            v = 9.5
        values.append(round(v, 6))
    values[-1] = 0.123456  # a distinctive last value
    return values


def seed(client: MlflowClient, manifest: dict) -> dict:
    experiment_id = client.create_experiment(EXPERIMENT, tags={"team": "platform"})
    run = client.create_run(experiment_id, start_time=T0, run_name="long-history", tags={"stage": "stress"})
    run_id = run.info.run_id

    values = _long_values()
    metrics = [Metric(LONG_KEY, v, T0 + i * 1000, i) for i, v in enumerate(values)]
    metrics += [Metric(SHORT_KEY, 1e-4 * (k + 1), T0 + k * 1000, k * 10) for k in range(5)]
    grad = [1.5, 1.2, float("nan"), 0.9]
    metrics += [Metric(NAN_KEY, v, T0 + k * 1000, k) for k, v in enumerate(grad)]
    # log_batch accepts at most 1000 metrics per call.
    for i in range(0, len(metrics), 1000):
        client.log_batch(run_id, metrics=metrics[i : i + 1000])

    nested_files = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows = ["id,prompt,label,score"] + [
            f'{i},"question {i}, with a comma",{"yes" if i % 3 else "no"},{i / 100:.2f}' for i in range(100)
        ]
        (root / "predictions.csv").write_text("\n".join(rows) + "\n")
        (root / "README.md").write_text("# Long history run\n\nStress data for the metric tools.\n")
        (root / "weights.bin").write_bytes(bytes(range(256)) * 16)
        # No telling extension: only the NUL bytes show it is binary.
        (root / "blob.dat").write_bytes(b"HEAD" + bytes(range(256)) * 4)
        log_lines = [f"2024-06-01T00:00:{i % 60:02d}Z step={i} loss={values[i % LONG_POINTS]:.4f}" for i in range(12_000)]
        (root / "train.log").write_text("\n".join(log_lines) + "\n")
        log_bytes = (root / "train.log").stat().st_size
        first_log_line = log_lines[0]
        samples = root / "samples"
        for shard in ("a", "b", "c"):
            (samples / shard).mkdir(parents=True)
            for k in range(8):
                (samples / shard / f"sample_{k:02d}.txt").write_text(f"{shard}-{k}\n")
                nested_files += 1
        deep = samples / "d1" / "d2" / "d3" / "d4"
        deep.mkdir(parents=True)
        (deep / "bottom.txt").write_text("deepest\n")
        nested_files += 1
        client.log_artifacts(run_id, str(root))

    client.set_terminated(run_id, status="FINISHED", end_time=T0 + LONG_POINTS * 1000)
    return {
        "experimentId": experiment_id,
        "runId": run_id,
        "longKey": LONG_KEY,
        "longPoints": LONG_POINTS,
        "longMin": min(values),
        "longMax": max(values),
        "longLast": values[-1],
        "longFirst": values[0],
        "longMean": sum(values) / len(values),
        "spikeStep": SPIKE_STEP,
        "shortKey": SHORT_KEY,
        "shortPoints": 5,
        "nanKey": NAN_KEY,
        "nestedDir": "samples",
        "nestedFiles": nested_files,
        "csvPath": "predictions.csv",
        "csvRows": 100,
        "binaryPath": "weights.bin",
        "binaryBytes": 256 * 16,
        "logPath": "train.log",
        "logBytes": log_bytes,
        "firstLogLine": first_log_line,
        "blobPath": "blob.dat",
        "markdownPath": "README.md",
    }

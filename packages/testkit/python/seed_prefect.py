"""Seed a Prefect server with a realistic, slightly unhealthy workspace through the official client.

Usage: PREFECT_API_URL=http://127.0.0.1:PORT/api python seed_prefect.py

Creates flows and deployments (one paused, one with its own concurrency limit), three work
pools (one with no worker, one with a concurrency limit of 1 and a live worker heartbeat, one
paused), a queue with a limit, a paused queue, tag-based and global concurrency limits (one at
capacity), flow runs in every state (a FAILED one with task runs and logs ending in a traceback,
a CRASHED one, Late ones), variables, a Secret block, an automation and custom events. Prints
exactly one JSON manifest line on stdout; everything else goes to stderr.
"""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from prefect import task
from prefect.blocks.system import Secret
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import (
    GlobalConcurrencyLimitCreate,
    VariableCreate,
    WorkPoolCreate,
)
from prefect.client.schemas.objects import StateType
from prefect.events.actions import DoNothing
from prefect.events.schemas.automations import AutomationCore, EventTrigger, Posture
from prefect.states import State
from prefect_seeding import flow_run_makers, iso, seed_main

SECRET_VALUE = "sk-live-9f1c2e7a4b5d6e8f-never-show-me"
FAILED_MESSAGE = "Flow run encountered an exception: RuntimeError: upstream API answered 503"
CRASHED_MESSAGE = "Execution was cancelled by the runtime: concurrency lease renewal failed"
TRACEBACK = (
    "Encountered exception during execution:\n"
    "Traceback (most recent call last):\n"
    '  File "/opt/flows/etl.py", line 42, in extract\n'
    "    response.raise_for_status()\n"
    '  File "/usr/lib/python3.11/site-packages/httpx/_models.py", line 829, in raise_for_status\n'
    "    raise HTTPStatusError(message, request=request, response=self)\n"
    "RuntimeError: upstream API answered 503 Service Unavailable for url "
    "'https://api.example.com/v1/orders'"
)
LOG_COUNT = 240  # more than the server's 200-per-request cap, so paging is exercised


def log(msg: str) -> None:
    print(f"seed_prefect: {msg}", file=sys.stderr, flush=True)


@task(name="extract")
def extract() -> None:  # only its metadata is used: task runs are created, never executed
    pass


@task(name="transform")
def transform() -> None:
    pass


async def seed() -> dict[str, Any]:
    now = datetime.now(timezone.utc)
    async with get_client() as client:
        # Work pools: no worker; limit 1 with a live worker; paused.
        await client.create_work_pool(WorkPoolCreate(name="k8s-no-worker", type="process"))
        await client.create_work_pool(
            WorkPoolCreate(name="etl-pool", type="process", concurrency_limit=1)
        )
        await client.create_work_pool(
            WorkPoolCreate(name="paused-pool", type="process", is_paused=True)
        )
        await client.create_work_queue(
            name="gpu-queue", work_pool_name="etl-pool", concurrency_limit=1, priority=2
        )
        await client.create_work_queue(
            name="paused-queue", work_pool_name="k8s-no-worker", is_paused=True
        )
        await client.send_worker_heartbeat(
            work_pool_name="etl-pool", worker_name="etl-worker-1", heartbeat_interval_seconds=3600
        )

        flows = {
            name: await client.create_flow_from_name(name)
            for name in ("nightly-etl", "train-model", "weekly-report")
        }
        deployments = {
            "nightly-etl/prod": await client.create_deployment(
                flows["nightly-etl"],
                "prod",
                work_pool_name="etl-pool",
                work_queue_name="default",
                tags=["etl", "prod"],
                parameters={"date": "today"},
                description="Nightly orders ETL",
            ),
            "train-model/gpu": await client.create_deployment(
                flows["train-model"],
                "gpu",
                work_pool_name="k8s-no-worker",
                tags=["ml"],
                concurrency_limit=2,
            ),
            "weekly-report/paused": await client.create_deployment(
                flows["weekly-report"], "paused", work_pool_name="paused-pool", paused=True
            ),
        }

        run_in, scheduled_in = flow_run_makers(client, deployments)

        past = now - timedelta(hours=2)
        runs = {
            "completed": await run_in(
                "nightly-etl/prod", State(type=StateType.COMPLETED), "completed-run"
            ),
            "failed": await run_in(
                "nightly-etl/prod",
                State(type=StateType.FAILED, message=FAILED_MESSAGE),
                "failed-run",
                tags=["orders"],
            ),
            "crashed": await run_in(
                "train-model/gpu",
                State(type=StateType.CRASHED, message=CRASHED_MESSAGE),
                "crashed-run",
            ),
            "cancelled": await run_in(
                "nightly-etl/prod", State(type=StateType.CANCELLED), "cancelled-run"
            ),
            # Holds etl-pool's single slot, so the Late run in that pool cannot start.
            "running": await run_in(
                "nightly-etl/prod",
                State(type=StateType.RUNNING),
                "running-run",
                work_queue_name="gpu-queue",
            ),
            "pending": await run_in(
                "train-model/gpu", State(type=StateType.PENDING), "pending-run"
            ),
            # Late in a pool that has no worker at all.
            "late": await scheduled_in("train-model/gpu", "late-run", past, "Late"),
            # Late in a pool whose concurrency limit is full.
            "lateLimited": await scheduled_in(
                "nightly-etl/prod", "late-limited-run", past, "Late"
            ),
            "scheduled": await scheduled_in(
                "nightly-etl/prod", "future-run", now + timedelta(days=1), "Scheduled"
            ),
        }
        # A second run that can be cancelled by the tests (the other PENDING one is read-only).
        runs["cancellable"] = await run_in(
            "train-model/gpu", State(type=StateType.PENDING), "cancellable-run"
        )

        # Task runs of the failed flow run: one completed, one failed.
        failed_id = uuid.UUID(runs["failed"])
        ok_task = await client.create_task_run(
            extract,
            flow_run_id=failed_id,
            dynamic_key="0",
            name="extract-0",
            state=State(type=StateType.COMPLETED)
        )
        bad_task = await client.create_task_run(
            transform,
            flow_run_id=failed_id,
            dynamic_key="0",
            name="transform-0",
            state=State(type=StateType.FAILED, message="RuntimeError: upstream API answered 503"),
        )

        # Logs of the failed run: many INFO lines, a warning, then the traceback last.
        start = now - timedelta(minutes=30)
        logs: list[dict[str, Any]] = []
        for i in range(LOG_COUNT - 2):
            logs.append(
                {
                    "name": "prefect.flow_runs",
                    "level": 20,
                    "message": f"Processed batch {i} of orders",
                    "timestamp": iso(start + timedelta(seconds=i)),
                    "flow_run_id": runs["failed"],
                    "task_run_id": str(ok_task.id),
                }
            )
        logs.append(
            {
                "name": "prefect.flow_runs",
                "level": 30,
                "message": "Retrying request to https://api.example.com/v1/orders after HTTP 503",
                "timestamp": iso(start + timedelta(seconds=LOG_COUNT)),
                "flow_run_id": runs["failed"],
                "task_run_id": str(bad_task.id),
            }
        )
        logs.append(
            {
                "name": "prefect.flow_runs",
                "level": 40,
                "message": TRACEBACK + "\n" + ("context line\n" * 400),
                "timestamp": iso(start + timedelta(seconds=LOG_COUNT + 1)),
                "flow_run_id": runs["failed"],
                "task_run_id": str(bad_task.id),
            }
        )
        await client.create_logs(logs)

        # Concurrency: a tag limit, a global limit at capacity and one with room.
        await client.create_concurrency_limit(tag="warehouse", concurrency_limit=2)
        await client.create_global_concurrency_limit(
            GlobalConcurrencyLimitCreate(name="openai-api", limit=2, active_slots=2)
        )
        await client.create_global_concurrency_limit(
            GlobalConcurrencyLimitCreate(name="db-connections", limit=10, active_slots=3)
        )

        await client.create_variable(
            VariableCreate(name="etl_batch_size", value={"size": 500, "mode": "fast"})
        )
        await client.create_variable(VariableCreate(name="region", value="eu-west-1"))

        secret_id = await Secret(value=SECRET_VALUE).save("warehouse-password")

        automation_id = await client.create_automation(
            AutomationCore(
                name="alert-on-repeated-failures",
                description="Three failed flow runs within an hour",
                trigger=EventTrigger(
                    expect={"prefect.flow-run.Failed"},
                    match={"prefect.resource.id": "prefect.flow-run.*"},
                    posture=Posture.Reactive,
                    threshold=3,
                    within=timedelta(hours=1),
                ),
                actions=[DoNothing()],
            )
        )

        event_ids = await emit_events(client, now, runs["failed"])

    return {
        "flows": {name: str(flow_id) for name, flow_id in flows.items()},
        "deployments": {name: str(dep_id) for name, dep_id in deployments.items()},
        "workPools": {
            "noWorker": "k8s-no-worker",
            "limited": "etl-pool",
            "paused": "paused-pool",
        },
        "queue": "gpu-queue",
        "pausedQueue": "paused-queue",
        "worker": "etl-worker-1",
        "flowRuns": runs,
        "taskRuns": {"completed": str(ok_task.id), "failed": str(bad_task.id)},
        "logCount": LOG_COUNT,
        "tagLimit": "warehouse",
        "globalLimits": {"full": "openai-api", "free": "db-connections"},
        "variables": ["etl_batch_size", "region"],
        "secretBlock": {"name": "warehouse-password", "id": str(secret_id), "value": SECRET_VALUE},
        "automation": {"id": str(automation_id), "name": "alert-on-repeated-failures"},
        "events": event_ids,
        "failedMessage": FAILED_MESSAGE,
        "crashedMessage": CRASHED_MESSAGE,
    }


async def emit_events(client: Any, now: datetime, flow_run_id: str) -> dict[str, Any]:
    """POST custom events and wait until the server's persister has stored them."""
    events = []
    for i in range(60):  # more than the server's 50-per-page cap
        events.append(
            {
                "id": str(uuid.uuid4()),
                "occurred": iso(now - timedelta(minutes=60 - i)),
                "event": "acme.orders.batch.processed",
                "resource": {"prefect.resource.id": f"acme.orders.batch.{i}"},
                "payload": {"batch": i},
            }
        )
    events.append(
        {
            "id": str(uuid.uuid4()),
            "occurred": iso(now - timedelta(minutes=5)),
            "event": "acme.warehouse.unreachable",
            "resource": {"prefect.resource.id": "acme.warehouse.main"},
            "related": [
                {"prefect.resource.id": f"prefect.flow-run.{flow_run_id}", "prefect.resource.role": "flow-run"}
            ],
            "payload": {"status": 503},
        }
    )
    response = await client._client.post("/events", json=events)
    response.raise_for_status()
    deadline = time.monotonic() + 60
    body = {
        "filter": {
            "occurred": {"since": iso(now - timedelta(hours=2)), "until": iso(now + timedelta(hours=1))},
            "event": {"prefix": ["acme."]},
        },
        "limit": 1,
    }
    while True:
        page = (await client._client.post("/events/filter", json=body)).json()
        if page["total"] >= len(events):
            break
        if time.monotonic() > deadline:
            raise RuntimeError(f"events not persisted in time ({page['total']}/{len(events)})")
        await asyncio.sleep(0.2)
    return {"batchProcessed": 60, "warehouse": 1, "prefix": "acme."}


if __name__ == "__main__":
    seed_main("seed_prefect", seed)

"""Add the scenarios the Prefect diagnosis tools explain, on top of seed_prefect.py's workspace.

Usage: PREFECT_API_URL=http://127.0.0.1:PORT/api python seed_prefect_diagnoses.py

Run it after seed_prefect.py against the same server. It only adds: new pools, queues,
deployments (on the existing flows), runs and limits, and no FAILED run (the seeded automation
must keep seeing exactly one prefect.flow-run.Failed event). Kept out of seed_prefect.py because
the adapter's listing tests assert exact counts of its workspace (late runs, pools, limits).

Scenarios, each isolated in its own pool, queue or deployment so that one cause explains it:
- stale-pool: its only worker heartbeats once with a 1 s interval, so it is offline by the time
  anything reads it; a run of nightly-etl/stale is stuck RUNNING there, last log 40 min ago.
- diag-pool (online worker, no pool limit):
  - queue reports-queue (limit 1) held by a RUNNING run, with a Late run waiting behind it;
  - deployment nightly-etl/limited (limit 1) held by a RUNNING run's lease, with a Late run;
  - tag limit gpu (1) held by a RUNNING task run; a RUNNING flow run whose gpu-tagged task run
    is PENDING behind it; and a Late run of nightly-etl/tagged carrying the gpu tag.
- a Late run behind each pause: of seed_prefect.py's paused-pool, of diag-pool's paused queue
  held-queue, and of the paused deployment nightly-etl/paused.
- healthy-pool (online worker): weekly-report/healthy with a completed run and one due tomorrow,
  and no late run.

Prints exactly one JSON manifest line on stdout; everything else goes to stderr.
"""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from prefect import task
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.client.schemas.objects import StateType
from prefect.states import State
from prefect_seeding import flow_run_makers, iso, seed_main

STALE_HEARTBEAT_INTERVAL = 1  # seconds; Prefect deems a worker offline after 3 missed beats
STUCK_LAST_LOG = "Loading partition 7 of 12 into the warehouse"
LEASE_SECONDS = 24 * 3600  # the longest lease Prefect grants


def log(msg: str) -> None:
    print(f"seed_prefect_diagnoses: {msg}", file=sys.stderr, flush=True)


@task(name="load")
def load() -> None:  # only its metadata is used: task runs are created, never executed
    pass


@task(name="train", tags=["gpu"])
def train() -> None:
    pass


async def seed() -> dict[str, Any]:
    now = datetime.now(timezone.utc)
    async with get_client() as client:
        # First, so that its single heartbeat is already stale when the tests read it.
        await client.create_work_pool(WorkPoolCreate(name="stale-pool", type="process"))
        await client.send_worker_heartbeat(
            work_pool_name="stale-pool",
            worker_name="stale-worker",
            heartbeat_interval_seconds=STALE_HEARTBEAT_INTERVAL,
        )
        heartbeat_at = time.monotonic()

        for pool, worker in (("diag-pool", "diag-worker"), ("healthy-pool", "healthy-worker")):
            await client.create_work_pool(WorkPoolCreate(name=pool, type="process"))
            await client.send_worker_heartbeat(
                work_pool_name=pool, worker_name=worker, heartbeat_interval_seconds=3600
            )
        await client.create_work_queue(
            name="reports-queue", work_pool_name="diag-pool", concurrency_limit=1
        )
        await client.create_work_queue(name="held-queue", work_pool_name="diag-pool", is_paused=True)

        # Existing flows: create_flow_from_name returns the id of a flow that already exists.
        etl = await client.create_flow_from_name("nightly-etl")
        report = await client.create_flow_from_name("weekly-report")
        deployments = {
            "nightly-etl/stale": await client.create_deployment(
                etl, "stale", work_pool_name="stale-pool"
            ),
            "weekly-report/queued": await client.create_deployment(
                report, "queued", work_pool_name="diag-pool", work_queue_name="reports-queue"
            ),
            "nightly-etl/limited": await client.create_deployment(
                etl, "limited", work_pool_name="diag-pool", concurrency_limit=1
            ),
            "nightly-etl/tagged": await client.create_deployment(
                etl, "tagged", work_pool_name="diag-pool", tags=["gpu"]
            ),
            "weekly-report/healthy": await client.create_deployment(
                report, "healthy", work_pool_name="healthy-pool"
            ),
            # paused-pool comes from seed_prefect.py.
            "weekly-report/held": await client.create_deployment(
                report, "held", work_pool_name="paused-pool"
            ),
            "weekly-report/held-queue": await client.create_deployment(
                report, "held-queue", work_pool_name="diag-pool", work_queue_name="held-queue"
            ),
            "nightly-etl/paused": await client.create_deployment(
                etl, "paused", work_pool_name="diag-pool", paused=True
            ),
        }

        run_in, scheduled_in = flow_run_makers(client, deployments)

        past = now - timedelta(hours=2)
        runs: dict[str, str] = {}

        # Stuck RUNNING in the pool whose worker went silent, after three quick completed runs.
        for i in range(3):
            done = await run_in("nightly-etl/stale", State(type=StateType.RUNNING), f"stale-ok-{i}")
            await client.set_flow_run_state(
                uuid.UUID(done), State(type=StateType.COMPLETED), force=True
            )
        runs["stuckRunning"] = await run_in(
            "nightly-etl/stale", State(type=StateType.RUNNING), "stuck-running-run"
        )
        await client.create_logs(
            [
                {
                    "name": "prefect.flow_runs",
                    "level": 20,
                    "message": message,
                    "timestamp": iso(now - timedelta(minutes=minutes)),
                    "flow_run_id": runs["stuckRunning"],
                }
                for minutes, message in (
                    (45, "Starting load of 12 partitions"),
                    (42, "Loading partition 6 of 12 into the warehouse"),
                    (40, STUCK_LAST_LOG),
                )
            ]
        )

        # A queue whose single slot is taken, and a Late run behind it.
        runs["queueHolder"] = await run_in(
            "weekly-report/queued", State(type=StateType.RUNNING), "queue-holder-run"
        )
        runs["lateQueue"] = await scheduled_in("weekly-report/queued", "late-queue-run", past, "Late")

        # A deployment whose limit of 1 is held by its running run, and a Late run behind it.
        runs["deploymentHolder"] = await run_in(
            "nightly-etl/limited", State(type=StateType.RUNNING), "deployment-holder-run"
        )
        # A forced state skips the orchestration rule that takes the slot, so take it as a
        # worker's run would: a lease on the deployment's limit held by that run.
        await increment_with_lease(
            client,
            f"deployment:{deployments['nightly-etl/limited']}",
            {"type": "flow_run", "id": runs["deploymentHolder"]},
        )
        runs["lateDeployment"] = await scheduled_in(
            "nightly-etl/limited", "late-deployment-run", past, "Late"
        )

        # The gpu tag limit (1) held by a running task; a flow run whose gpu task waits for it.
        await client.create_concurrency_limit(tag="gpu", concurrency_limit=1)
        runs["tagHolder"] = await run_in(
            "nightly-etl/tagged", State(type=StateType.RUNNING), "tag-holder-run"
        )
        holder_task = await client.create_task_run(
            train,
            flow_run_id=uuid.UUID(runs["tagHolder"]),
            dynamic_key="0",
            name="train-0",
            state=State(type=StateType.PENDING),
        )
        await increment_with_lease(
            client, "tag:gpu", {"type": "task_run", "id": str(holder_task.id)}
        )
        await client.set_task_run_state(holder_task.id, State(type=StateType.RUNNING), force=True)
        runs["tagBlocked"] = await run_in(
            "nightly-etl/tagged", State(type=StateType.RUNNING), "tag-blocked-run"
        )
        await client.create_task_run(
            load,
            flow_run_id=uuid.UUID(runs["tagBlocked"]),
            dynamic_key="0",
            name="load-0",
            state=State(type=StateType.COMPLETED),
        )
        blocked_task = await client.create_task_run(
            train,
            flow_run_id=uuid.UUID(runs["tagBlocked"]),
            dynamic_key="1",
            name="train-1",
            state=State(type=StateType.PENDING),
        )
        runs["lateTagged"] = await scheduled_in("nightly-etl/tagged", "late-tagged-run", past, "Late")

        # Late behind a paused pool, a paused queue and a paused deployment.
        runs["latePausedPool"] = await scheduled_in(
            "weekly-report/held", "late-paused-pool-run", past, "Late"
        )
        runs["latePausedQueue"] = await scheduled_in(
            "weekly-report/held-queue", "late-paused-queue-run", past, "Late"
        )
        runs["latePausedDeployment"] = await scheduled_in(
            "nightly-etl/paused", "late-paused-deployment-run", past, "Late"
        )

        # A healthy pool and deployment: one completed run, one due tomorrow, nothing late.
        runs["healthyCompleted"] = await run_in(
            "weekly-report/healthy", State(type=StateType.COMPLETED), "healthy-completed-run"
        )
        runs["healthyScheduled"] = await scheduled_in(
            "weekly-report/healthy", "healthy-next-run", now + timedelta(days=1), "Scheduled"
        )

        # Workers poll their queues; do it once so the queues read as polled (READY).
        for pool in ("diag-pool", "healthy-pool"):
            response = await client._client.post(
                f"/work_pools/{pool}/get_scheduled_flow_runs", json={"limit": 1}
            )
            response.raise_for_status()

        # Prefect deems a worker offline after 3 missed heartbeats: make sure they are missed.
        wait = 3 * STALE_HEARTBEAT_INTERVAL + 1 - (time.monotonic() - heartbeat_at)
        if wait > 0:
            await asyncio.sleep(wait)

    return {
        "deployments": {name: str(dep_id) for name, dep_id in deployments.items()},
        "workPools": {"stale": "stale-pool", "diag": "diag-pool", "healthy": "healthy-pool"},
        "workers": {"stale": "stale-worker", "diag": "diag-worker", "healthy": "healthy-worker"},
        "queue": "reports-queue",
        "tagLimit": "gpu",
        "flowRuns": runs,
        "taskRuns": {"tagHolder": str(holder_task.id), "tagBlocked": str(blocked_task.id)},
        "stuckLastLog": STUCK_LAST_LOG,
    }


async def increment_with_lease(client: Any, limit_name: str, holder: dict[str, str]) -> None:
    """Takes one slot of a v2 limit for a day, held by `holder`, as the engine does."""
    response = await client._client.post(
        "/v2/concurrency_limits/increment-with-lease",
        json={
            "names": [limit_name],
            "slots": 1,
            "mode": "concurrency",
            "lease_duration": LEASE_SECONDS,
            "holder": holder,
        },
    )
    response.raise_for_status()


if __name__ == "__main__":
    seed_main("seed_prefect_diagnoses", seed)

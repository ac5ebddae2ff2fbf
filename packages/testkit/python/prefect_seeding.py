"""What seed_prefect.py and seed_prefect_diagnoses.py share: timestamps, flow run makers, main.

Imported from the script's own folder (python puts it first on sys.path).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable

from prefect.client.schemas.objects import StateType
from prefect.states import State


def iso(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def flow_run_makers(client: Any, deployments: dict[str, Any]) -> tuple[Any, Any]:
    """`run_in` (a run of a deployment forced into a state) and `scheduled_in` (a run due at)."""

    async def run_in(deployment: str, state: State, name: str, **kwargs: Any) -> str:
        flow_run = await client.create_flow_run_from_deployment(
            deployments[deployment], name=name, **kwargs
        )
        await client.set_flow_run_state(flow_run.id, state, force=True)
        return str(flow_run.id)

    async def scheduled_in(deployment: str, name: str, at: datetime, state_name: str) -> str:
        # Created in its SCHEDULED state so that expected_start_time is `at`; forcing the
        # state afterwards would only move next_scheduled_start_time.
        state = State(
            type=StateType.SCHEDULED, name=state_name, state_details={"scheduled_time": at}
        )
        flow_run = await client.create_flow_run_from_deployment(
            deployments[deployment], name=name, state=state
        )
        return str(flow_run.id)

    return run_in, scheduled_in


def seed_main(name: str, seed: Callable[[], Awaitable[dict[str, Any]]]) -> None:
    """Runs `seed` against PREFECT_API_URL and prints its manifest as one JSON line on stdout."""
    if not os.environ.get("PREFECT_API_URL"):
        sys.exit(f"{name}: PREFECT_API_URL is not set")
    started = time.monotonic()
    manifest = asyncio.run(seed())
    print(f"{name}: seeded in {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
    print(json.dumps(manifest, separators=(",", ":")), flush=True)

"""A Weave trace server for tests: Weave's own SQLite reference server behind HTTP.

weave 0.52.42 ships the storage side of the trace server (`SqliteTraceServer`, plus the
`ExternalTraceServer` adapter that W&B's hosted server puts in front of ClickHouse to turn
`entity/project` ids and `weave:///` refs into internal ones) but not its HTTP layer, which
lives in W&B's closed-source service. This module is that layer, kept as thin as possible:
every route is one the SDK's client (`weave/trace_server_bindings/remote_http_trace_server.py`)
calls, each body is parsed with the request model from `trace_server_interface.py`, handed to
the server method of the same name, and the response model is returned as JSON
(`calls/stream_query` and `threads/stream_query` as JSON lines, as the client reads them).
Errors use the status codes of Weave's own registry (`trace_server/errors.py`).

Auth mirrors W&B: HTTP basic with the API key as password (the SDK sends `api:<key>`);
`/health` and `/server_info` are open. The server fills `wb_user_id` from the login, as the
hosted one does.

Usage: python weave_server.py --port 8123 --db /tmp/weave.db   (key in WEAVE_TEST_API_KEY)
"""

from __future__ import annotations

import argparse
import base64
import binascii
import email.parser
import email.policy
import importlib.util
import json
import logging
import os
import re
import sys
import threading
import types
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# --- Stand-ins for server-only imports the weave wheel does not declare -----------------------
# sqlite_trace_server imports `ddtrace` (Datadog APM: span decorators and statsd counters),
# `clickhouse_connect` (a type annotation in ttl_settings.py) and `emoji` (reaction aliases in
# feedback.py). None is a dependency of `weave`; `weave[trace-server]` lists ddtrace and emoji
# only. The real package is used whenever it is installed; otherwise a stand-in is registered:
# the first two do nothing observable, the emoji one derives aliases from Unicode names.


class _NoopSpan:
    def set_tag(self, *_args: Any, **_kwargs: Any) -> None: ...
    def set_tags(self, *_args: Any, **_kwargs: Any) -> None: ...
    def set_metric(self, *_args: Any, **_kwargs: Any) -> None: ...
    def set_metrics(self, *_args: Any, **_kwargs: Any) -> None: ...


class _NoopTracer:
    def wrap(self, *_args: Any, **_kwargs: Any) -> Callable[[Any], Any]:
        return lambda fn: fn

    @contextmanager
    def trace(self, *_args: Any, **_kwargs: Any) -> Iterator[_NoopSpan]:
        yield _NoopSpan()

    def current_span(self) -> None:
        return None

    def current_root_span(self) -> None:
        return None


class _NoopStatsd:
    def __getattr__(self, _name: str) -> Callable[..., None]:
        return lambda *_args, **_kwargs: None


def _module(name: str, **attrs: Any) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    sys.modules[name] = module
    return module


def _missing(name: str) -> bool:
    return importlib.util.find_spec(name) is None


if _missing("ddtrace"):
    _module("ddtrace", tracer=_NoopTracer())
    _module("ddtrace.internal")
    _module("ddtrace.internal.agent", config=types.SimpleNamespace(dogstatsd_url=""))
    _module("ddtrace.internal.dogstatsd", get_dogstatsd_client=lambda _url: _NoopStatsd())

if _missing("clickhouse_connect"):
    _module("clickhouse_connect")
    _module("clickhouse_connect.driver")
    _module("clickhouse_connect.driver.client", Client=type("Client", (), {}))

if _missing("emoji"):
    # Emoji presentation modifiers that belong to the previous character, not a new emoji.
    _JOINERS = {"\u200d", "\ufe0f", "\ufe0e"}

    def _is_emoji_char(ch: str) -> bool:
        code = ord(ch)
        return unicodedata.category(ch) == "So" or 0x1F000 <= code <= 0x1FAFF

    def _is_modifier(ch: str) -> bool:
        return ch in _JOINERS or 0x1F3FB <= ord(ch) <= 0x1F3FF

    def _emoji_count(text: str) -> int:
        count, joined = 0, False
        for ch in text:
            if ch == "\u200d":
                joined = True
            elif _is_modifier(ch):
                continue
            elif _is_emoji_char(ch):
                count += 0 if joined else 1
                joined = False
        return count

    def _demojize(text: str) -> str:
        out = []
        for ch in text:
            if _is_emoji_char(ch) or 0x1F3FB <= ord(ch) <= 0x1F3FF:
                name = unicodedata.name(ch, "").lower().replace(" ", "_").replace("-", "_")
                out.append(f":{name}:" if name else ch)
            elif ch not in _JOINERS:
                out.append(ch)
        return "".join(out)

    def _emojize(text: str) -> str:
        def lookup(match: re.Match[str]) -> str:
            try:
                return unicodedata.lookup(match.group(1).replace("_", " "))
            except KeyError:
                return match.group(0)

        return re.sub(r":([a-z0-9_]+):", lookup, text)

    def _analyze(text: str, non_emoji: bool = False) -> Iterator[Any]:
        for ch in text:
            if _is_emoji_char(ch):
                yield types.SimpleNamespace(value=types.SimpleNamespace(emoji=ch))
            elif non_emoji:
                yield types.SimpleNamespace(value=ch)

    _module(
        "emoji",
        emoji_count=_emoji_count,
        demojize=_demojize,
        emojize=_emojize,
        analyze=_analyze,
    )

# --- The server -------------------------------------------------------------------------------

import uvicorn  # noqa: E402
from fastapi import FastAPI, Request  # noqa: E402
from fastapi.responses import JSONResponse, Response, StreamingResponse  # noqa: E402
from pydantic import BaseModel, ValidationError  # noqa: E402
from starlette.concurrency import run_in_threadpool  # noqa: E402

from weave.trace_server import errors as ts_errors  # noqa: E402
from weave.trace_server import http_service_interface as his  # noqa: E402
from weave.trace_server import trace_server_interface as tsi  # noqa: E402
from weave.trace_server.external_to_internal_trace_server_adapter import (  # noqa: E402
    ExternalTraceServer,
    IdConverter,
)
from weave.trace_server.service_interface import (  # noqa: E402
    ProjectsInfoReq,
    ProjectsInfoRes,
    ServerInfoRes,
)
from weave.trace_server.sqlite_trace_server import SqliteTraceServer  # noqa: E402

log = logging.getLogger("weave_server")

# The one user every valid key logs in as (W&B user ids are opaque base64 strings).
USER_ID = "VXNlcjox"


class Base64IdConverter(IdConverter):
    """Internal project ids are base64 of `entity/project`, as in weave's own test suite."""

    def ext_to_int_project_id(self, project_id: str) -> str:
        return base64.b64encode(project_id.encode()).decode()

    def int_to_ext_project_id(self, project_id: str) -> str | None:
        return base64.b64decode(project_id.encode()).decode()

    def ext_to_int_run_id(self, run_id: str) -> str:
        return run_id

    def int_to_ext_run_id(self, run_id: str) -> str:
        return run_id

    def ext_to_int_user_id(self, user_id: str) -> str:
        return user_id

    def int_to_ext_user_id(self, user_id: str) -> str:
        return user_id


# Status codes from weave's ErrorRegistry (trace_server/errors.py `_setup_common_errors`),
# which cannot be instantiated here because it imports clickhouse_connect's real exceptions.
# Most specific classes first.
ERROR_STATUS: list[tuple[type[BaseException], int]] = [
    (ts_errors.ObjectDeletedError, 404),
    (ts_errors.CallsCompleteModeRequired, 400),
    (ts_errors.InvalidRequest, 400),
    (ts_errors.InvalidExternalRef, 400),
    (ts_errors.DigestMismatchError, 409),
    (ts_errors.QueryNoCommonTypeError, 400),
    (ts_errors.InvalidIdFormat, 400),
    (ts_errors.InvalidFieldError, 403),
    (ts_errors.QueryIllegalTypeofArgumentError, 403),
    (ts_errors.BadQueryParameterError, 403),
    (ts_errors.NotFoundError, 404),
    (ts_errors.ProjectNotFound, 404),
    (ts_errors.RunNotFound, 404),
    (ts_errors.InsertTooLarge, 413),
    (ts_errors.RequestTooLarge, 413),
    (ts_errors.LightweightUpdateNotAllowedError, 501),
    (ts_errors.QueryMemoryLimitExceededError, 502),
    (ts_errors.QueryTimeoutExceededError, 504),
    (ValueError, 400),
]


def error_response(exc: Exception) -> JSONResponse:
    """The registry's formatting: the message (parsed if it is JSON) under `reason`."""
    for cls, status in ERROR_STATUS:
        if isinstance(exc, cls):
            text = str(exc)
            try:
                body = json.loads(text)
                if not isinstance(body, dict):
                    body = {"reason": text}
            except json.JSONDecodeError:
                body = {"reason": text}
            if hasattr(exc, "error_code"):
                body["error_code"] = exc.error_code
            if isinstance(exc, ts_errors.ObjectDeletedError):
                body["deleted_at"] = exc.deleted_at.isoformat()
            return JSONResponse(body, status_code=status)
    log.exception("unhandled server error", exc_info=exc)
    return JSONResponse({"reason": "Internal server error"}, status_code=500)


def set_user(value: Any) -> None:
    """Fills every empty `wb_user_id` in a request with the logged-in user, as W&B's server does."""
    if isinstance(value, BaseModel):
        if "wb_user_id" in type(value).model_fields and getattr(value, "wb_user_id") is None:
            value.wb_user_id = USER_ID
        for name, field in type(value).model_fields.items():
            if not field.deprecated:
                set_user(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            set_user(item)


def dump(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return json.loads(value.model_dump_json())
    if isinstance(value, list):
        return [dump(item) for item in value]
    return value


class Routes:
    """Binds HTTP routes to the trace server, one request at a time."""

    def __init__(self, app: FastAPI, server: ExternalTraceServer, api_key: str) -> None:
        self.app = app
        self.server = server
        self.api_key = api_key
        # SQLite allows one writer; the SDK sends batches from several threads at once.
        self.lock = threading.Lock()

    def authorized(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            _user, _, password = base64.b64decode(token).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return password == self.api_key

    async def run(
        self,
        request: Request,
        call: Callable[[], Any],
        stream: bool = False,
    ) -> Response:
        if not self.authorized(request):
            return JSONResponse(
                {"reason": "Unauthorized: the API key was rejected."},
                status_code=401,
                headers={"www-authenticate": 'Basic realm="weave"'},
            )
        def locked() -> Any:
            with self.lock:
                result = call()
                # Stream results are materialised under the lock; the body is still sent line
                # by line, so a client that stops reading stops the transfer.
                return list(result) if stream else result

        try:
            result = await run_in_threadpool(locked)
        except ValidationError as exc:
            return JSONResponse({"detail": json.loads(exc.json())}, status_code=422)
        except Exception as exc:  # noqa: BLE001 - mapped like weave's registry does
            return error_response(exc)
        if stream:
            lines = (item.model_dump_json() + "\n" for item in result)
            return StreamingResponse(lines, media_type="application/jsonl")
        if isinstance(result, Response):
            return result
        return JSONResponse(dump(result))

    def post(
        self,
        path: str,
        method: str,
        model: type[BaseModel],
        stream: bool = False,
    ) -> None:
        """POST `path` with a JSON body of `model`, answered by `server.<method>`."""

        async def endpoint(request: Request) -> Response:
            raw = await request.body()

            def call() -> Any:
                req = model.model_validate_json(raw or b"{}")
                set_user(req)
                return getattr(self.server, method)(req)

            return await self.run(request, call, stream)

        self.app.add_api_route(path, endpoint, methods=["POST"], name=method)

    def post_v2(self, suffix: str, method: str, model: type[BaseModel]) -> None:
        """POST `/v2/{entity}/{project}/<suffix>`: the project also sits in the body's items."""

        async def endpoint(request: Request, entity: str, project: str) -> Response:
            raw = await request.body()

            def call() -> Any:
                req = model.model_validate_json(raw or b"{}")
                set_user(req)
                return getattr(self.server, method)(req)

            return await self.run(request, call)

        path = "/v2/{entity}/{project}/" + suffix
        self.app.add_api_route(path, endpoint, methods=["POST"], name=f"{method}_v2")


def build_app(db_path: str, api_key: str) -> FastAPI:
    internal = SqliteTraceServer(db_path)
    internal.setup_tables()
    server = ExternalTraceServer(internal, Base64IdConverter())
    app = FastAPI(title="weave trace server (SQLite, for tests)")
    routes = Routes(app, server, api_key)
    weave_version = _weave_version()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/server_info")
    def server_info() -> dict[str, Any]:
        return ServerInfoRes(
            min_required_weave_python_version="0.0.0",
            trace_server_version=weave_version,
        ).model_dump()

    @app.post("/service/projects_info")
    async def projects_info(request: Request) -> Response:
        raw = await request.body()

        def call() -> list[ProjectsInfoRes]:
            req = ProjectsInfoReq.model_validate_json(raw or b"{}")
            converter = Base64IdConverter()
            return [
                ProjectsInfoRes(
                    external_project_id=pid,
                    internal_project_id=converter.ext_to_int_project_id(pid),
                )
                for pid in req.project_ids
            ]

        return await routes.run(request, call)

    # Calls
    routes.post("/call/start", "call_start", tsi.CallStartReq)
    routes.post("/call/end", "call_end", tsi.CallEndReq)
    routes.post("/call/upsert_batch", "call_start_batch", tsi.CallCreateBatchReq)
    routes.post("/call/read", "call_read", tsi.CallReadReq)
    routes.post("/call/update", "call_update", tsi.CallUpdateReq)
    routes.post("/calls/delete", "calls_delete", tsi.CallsDeleteReq)
    routes.post("/calls/stream_query", "calls_query_stream", tsi.CallsQueryReq, stream=True)
    routes.post("/calls/query_stats", "calls_query_stats", tsi.CallsQueryStatsReq)
    routes.post("/calls/usage", "calls_usage", tsi.CallsUsageReq)
    routes.post("/trace/usage", "trace_usage", tsi.TraceUsageReq)
    routes.post("/threads/stream_query", "threads_query_stream", tsi.ThreadsQueryReq, stream=True)
    routes.post_v2("calls/complete", "calls_complete", tsi.CallsUpsertCompleteReq)
    routes.post_v2("call/start", "call_start_v2", tsi.CallStartV2Req)
    routes.post_v2("call/end", "call_end_v2", tsi.CallEndV2Req)
    # Objects and tables
    routes.post("/obj/create", "obj_create", tsi.ObjCreateReq)
    routes.post("/obj/read", "obj_read", tsi.ObjReadReq)
    routes.post("/objs/query", "objs_query", tsi.ObjQueryReq)
    routes.post("/obj/delete", "obj_delete", tsi.ObjDeleteReq)
    routes.post("/table/create", "table_create", tsi.TableCreateReq)
    routes.post("/table/update", "table_update", tsi.TableUpdateReq)
    routes.post("/table/query", "table_query", tsi.TableQueryReq)
    routes.post("/table/query_stats", "table_query_stats", tsi.TableQueryStatsReq)
    routes.post("/table/query_stats_batch", "table_query_stats_batch", tsi.TableQueryStatsBatchReq)
    routes.post(
        "/table/create_from_digests", "table_create_from_digests", tsi.TableCreateFromDigestsReq
    )
    routes.post("/refs/read_batch", "refs_read_batch", tsi.RefsReadBatchReq)
    routes.post("/files/stats", "files_stats", tsi.FilesStatsReq)
    # Feedback
    routes.post("/feedback/create", "feedback_create", tsi.FeedbackCreateReq)
    routes.post("/feedback/batch/create", "feedback_create_batch", tsi.FeedbackCreateBatchReq)
    routes.post("/feedback/query", "feedback_query", tsi.FeedbackQueryReq)
    routes.post("/feedback/purge", "feedback_purge", tsi.FeedbackPurgeReq)
    routes.post("/feedback/replace", "feedback_replace", tsi.FeedbackReplaceReq)
    routes.post("/feedback/stats", "feedback_stats", tsi.FeedbackStatsReq)
    routes.post("/feedback/payload_schema", "feedback_payload_schema", tsi.FeedbackPayloadSchemaReq)
    # Costs, projects, actions, LLM playground
    routes.post("/cost/create", "cost_create", tsi.CostCreateReq)
    routes.post("/cost/query", "cost_query", tsi.CostQueryReq)
    routes.post("/cost/purge", "cost_purge", tsi.CostPurgeReq)
    routes.post("/project/stats", "project_stats", tsi.ProjectStatsReq)
    routes.post(
        "/project/ttl_settings/read", "project_ttl_settings_read", tsi.ProjectTTLSettingsReadReq
    )
    routes.post(
        "/project/ttl_settings/update",
        "project_ttl_settings_update",
        tsi.ProjectTTLSettingsUpdateReq,
    )
    routes.post("/actions/execute_batch", "actions_execute_batch", tsi.ActionsExecuteBatchReq)
    routes.post("/completions/create", "completions_create", tsi.CompletionsCreateReq)
    routes.post("/image/create", "image_create", tsi.ImageGenerationCreateReq)

    # Files are multipart uploads (project_id, expected_digest and the file itself).
    @app.post("/files/create")
    async def files_create(request: Request) -> Response:
        raw = await request.body()
        content_type = request.headers.get("content-type", "")

        def call() -> Any:
            fields, name, content = _parse_multipart(content_type, raw)
            req = tsi.FileCreateReq(
                project_id=fields.get("project_id", ""),
                name=name,
                content=content,
                expected_digest=fields.get("expected_digest"),
            )
            return server.file_create(req)

        return await routes.run(request, call)

    @app.post("/files/content")
    async def files_content(request: Request) -> Response:
        raw = await request.body()

        def call() -> Response:
            req = tsi.FileContentReadReq.model_validate_json(raw or b"{}")
            res = server.file_content_read(req)
            return Response(res.content, media_type="application/octet-stream")

        return await routes.run(request, call)

    # Tags and aliases carry the object (and version) in the path.
    def object_write(raw: bytes, body_type: Any, make_req: Any, apply: Any) -> Any:
        """The call of a tag or alias write: body parsed, request built with the path, user set."""

        def call() -> Any:
            req = make_req(body_type.model_validate_json(raw))
            set_user(req)
            return apply(req)

        return call

    async def obj_tags(
        request: Request, object_id: str, digest: str, req_type: Any, apply: Any
    ) -> Response:
        def req(body: Any) -> Any:
            return req_type(
                project_id=body.project_id, object_id=object_id, digest=digest, tags=body.tags
            )

        call = object_write(await request.body(), his.ObjTagsBody, req, apply)
        return await routes.run(request, call)

    @app.put("/objs/{object_id}/versions/{digest}/tags")
    async def obj_add_tags(request: Request, object_id: str, digest: str) -> Response:
        return await obj_tags(request, object_id, digest, tsi.ObjAddTagsReq, server.obj_add_tags)

    @app.post("/objs/{object_id}/versions/{digest}/tags/remove")
    async def obj_remove_tags(request: Request, object_id: str, digest: str) -> Response:
        return await obj_tags(
            request, object_id, digest, tsi.ObjRemoveTagsReq, server.obj_remove_tags
        )

    @app.put("/objs/{object_id}/aliases")
    async def obj_set_aliases(request: Request, object_id: str) -> Response:
        def req(body: Any) -> Any:
            return tsi.ObjSetAliasesReq(
                project_id=body.project_id,
                object_id=object_id,
                digest=body.digest,
                aliases=body.aliases,
            )

        raw = await request.body()
        call = object_write(raw, his.ObjSetAliasesBody, req, server.obj_set_aliases)
        return await routes.run(request, call)

    @app.post("/objs/{object_id}/aliases/remove")
    async def obj_remove_aliases(request: Request, object_id: str) -> Response:
        def req(body: Any) -> Any:
            return tsi.ObjRemoveAliasesReq(
                project_id=body.project_id, object_id=object_id, aliases=body.aliases
            )

        raw = await request.body()
        call = object_write(raw, his.ObjRemoveAliasesBody, req, server.obj_remove_aliases)
        return await routes.run(request, call)

    @app.get("/tags")
    async def tags_list(request: Request, project_id: str) -> Response:
        return await routes.run(
            request, lambda: server.tags_list(tsi.TagsListReq(project_id=project_id))
        )

    @app.get("/aliases")
    async def aliases_list(request: Request, project_id: str) -> Response:
        return await routes.run(
            request, lambda: server.aliases_list(tsi.AliasesListReq(project_id=project_id))
        )

    return app


def _parse_multipart(content_type: str, raw: bytes) -> tuple[dict[str, str], str, bytes]:
    """Form fields, file name and file bytes of a multipart/form-data body (stdlib parser)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + raw
    )
    if not message.is_multipart():
        raise ValueError("/files/create expects multipart/form-data")
    fields: dict[str, str] = {}
    name, content = "", b""
    for part in message.iter_parts():
        field = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            name, content = filename, payload
        elif isinstance(field, str):
            fields[field] = payload.decode()
    return fields, name, content


def _weave_version() -> str:
    from importlib.metadata import version

    return version("weave")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True, help="SQLite file (created if missing)")
    args = parser.parse_args()
    api_key = os.environ.get("WEAVE_TEST_API_KEY", "")
    if not api_key:
        parser.error("set WEAVE_TEST_API_KEY to the key clients must present")
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    uvicorn.run(build_app(args.db, api_key), host=args.host, port=args.port, log_level="warning")


if __name__ == "__main__":
    main()

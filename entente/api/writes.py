"""Write endpoints (bearer token required): add a document, extract pending documents.

A document comes as JSON `{"text", "title", "url", "date", "name"}` or as multipart form data
with a `file` (read by the reader its extension names, exactly as `entente ingest` reads it)
or a `text` field. Uploaded bytes go to a temporary folder, never to a path the client names.
"""

from __future__ import annotations

import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from entente import jobs
from entente.api.deps import require_token, settings
from entente.api.errors import JSON, ApiError
from entente.api.settings import Settings
from entente.api.views import document_summary
from entente.errors import InputProblem
from entente.ingest import iter_inputs, known_extensions, reader_for
from entente.ingest.common import make_document
from entente.ingest.files import content_problem
from entente.model import Document
from entente.store import Store
from entente.values import parse_date

router = APIRouter(prefix="/api", default_response_class=JSON, tags=["writes"],
                   dependencies=[Depends(require_token)])

CHUNK = 64 * 1024
_write_lock = threading.Lock()  # one write job at a time (per process)


class DocumentIn(BaseModel):
    """An article given as text."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article text.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000, description="http:// or https:// only.")
    date: str | None = Field(None, max_length=100, description="Publication date, e.g. 2024-09-12.")
    name: str | None = Field(None, max_length=200, description="Short name (default: api-<id>).")

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        if value and not re.match(r"^https?://[^\s]+$", value.strip(), re.IGNORECASE):
            raise ValueError("must be an http:// or https:// address")
        return value

    @field_validator("date")
    @classmethod
    def _readable_date(cls, value: str | None) -> str | None:
        if value and value.strip() and parse_date(value) is None:
            raise ValueError(f"cannot read {value!r} as a date (give YYYY, YYYY-MM or YYYY-MM-DD)")
        return value


_DOCUMENT_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": DocumentIn.model_json_schema()},
        "multipart/form-data": {"schema": {
            "type": "object",
            "properties": {
                "file": {"type": "string", "format": "binary",
                         "description": "An article file: " + " ".join(known_extensions())},
                "text": {"type": "string"}, "title": {"type": "string"},
                "url": {"type": "string"}, "date": {"type": "string"},
                "name": {"type": "string"},
            }}},
    },
}


@router.post("/documents", status_code=201, openapi_extra={"requestBody": _DOCUMENT_BODY},
             summary="Add a document (text or an uploaded file), idempotently by its text.",
             description="201 when a document was added, 200 when it was already stored. "
                         "With `extract=true` the pending documents are extracted at once. "
                         "Bodies over the server's limit (ENTENTE_MAX_UPLOAD) get 413 unread.")
async def add_document(request: Request,
                       extract: bool = Query(False, description="Extract pending documents now.")):
    config = settings(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        docs, problems = [_text_document(_json_body(await request.body()), config)], []
    elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        docs, problems = await _form_documents(request, config)
    else:
        raise ApiError(415, "send JSON {\"text\": ...} (application/json), a file as "
                            "multipart/form-data, or a form with a text field")
    if not docs:
        raise ApiError(400, "no document could be read: " + "; ".join(problems), problems)
    result = await run_in_threadpool(_store, config, docs, extract)
    result["problems"] = problems
    return JSON(result, status_code=201 if result["added"] else 200)


@router.post("/extract", summary="Extract every stored document not yet extracted "
             "(`entente extract` without paths).")
def extract(request: Request):
    with _write_lock, Store(settings(request).db) as store:
        report = jobs.extract_pending(store)
    return _extract_report(report)


# -- reading the request -----------------------------------------------------------------------
def _json_body(raw: bytes) -> DocumentIn:
    try:
        return DocumentIn.model_validate_json(raw or b"{}")
    except ValidationError as exc:
        raise ApiError(400, _first_errors(exc)) from None


def _first_errors(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "body"
        message = "malformed JSON" if err["type"] == "json_invalid" else err["msg"]
        parts.append(f"{where}: {message.removeprefix('Value error, ')}")
    return "; ".join(parts)


def _validated(**fields: str) -> DocumentIn:
    try:
        return DocumentIn(**fields)
    except ValidationError as exc:
        raise ApiError(400, _first_errors(exc)) from None


def _text_document(data: DocumentIn, config: Settings) -> Document:
    encoded = data.text.encode("utf-8")
    if len(encoded) > config.max_upload:
        raise ApiError(413, f"text: larger than the limit of {config.max_upload} bytes")
    problem = content_problem(encoded)
    if problem:
        raise ApiError(400, f"text: {problem}")
    doc_id = Document.make_id(data.text)
    return make_document(data.text, path=Path("api"), source_format="api",
                         name=(data.name or "").strip() or f"api-{doc_id[:8]}",
                         title=data.title, url=data.url, date=data.date)


async def _form_documents(request: Request, config: Settings) -> tuple[list[Document], list[str]]:
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=config.max_upload)
    except StarletteHTTPException as exc:  # Starlette's 400 for a field over max_part_size
        if "exceeded maximum size" not in str(exc.detail):
            raise
        raise ApiError(413, f"a form field is larger than the limit of {config.max_upload} bytes "
                            "(the server's ENTENTE_MAX_UPLOAD)") from None
    try:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        upload = form.get("file")
        if isinstance(upload, UploadFile):
            unknown = set(fields) - {"title", "url", "date", "name"}
            if unknown:
                raise ApiError(400, f"unknown form fields: {', '.join(sorted(unknown))}")
            return await _upload_documents(upload, fields, config)
        if "text" in fields:
            return [_text_document(_validated(**fields), config)], []
        raise ApiError(400, "the form has neither a 'file' nor a 'text' field")
    finally:
        await form.close()


def _safe_name(filename: str | None) -> str:
    """The client's file name as a plain name: no folders, no odd characters."""
    base = re.split(r"[\\/]", filename or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip("._")
    return base[:120] or "upload"


async def _upload_documents(upload: UploadFile, fields: dict[str, str], config: Settings
                            ) -> tuple[list[Document], list[str]]:
    name = _safe_name(upload.filename)
    if reader_for(Path(name)) is None:
        raise ApiError(400, f"{name}: unknown file type ({Path(name).suffix or 'no extension'}); "
                            f"known: {', '.join(known_extensions())}")
    overrides = _validated(text="-", **{k: v for k, v in fields.items() if k != "name"}) \
        if fields else None
    with tempfile.TemporaryDirectory(prefix="entente-upload-") as folder:
        path = Path(folder) / name
        size = 0
        with path.open("wb") as handle:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > config.max_upload:
                    raise ApiError(413, f"{name}: larger than the limit of {config.max_upload} bytes")
                handle.write(chunk)
        found = await run_in_threadpool(lambda: list(iter_inputs([path], max_bytes=config.max_upload)))
    problems = [str(_renamed(p, path, name)) for p in found if isinstance(p, InputProblem)]
    docs = [d.model_copy(update={"source_path": f"upload:{name}"})
            for d in found if isinstance(d, Document)]
    if overrides is not None and docs:
        docs = _override(docs, overrides, fields, name)
    return docs, problems


def _renamed(problem: InputProblem, path: Path, name: str) -> InputProblem:
    """Problems name the uploaded file, never the temporary path."""
    return InputProblem(problem.path.replace(str(path), name), problem.reason.replace(str(path), name),
                        problem.line)


def _override(docs: list[Document], data: DocumentIn, fields: dict[str, str], name: str
              ) -> list[Document]:
    if len(docs) > 1:
        raise ApiError(400, f"title, url, date and name apply to one article; {name} holds {len(docs)}")
    update: dict[str, Any] = {}
    if data.title:
        update["title"] = " ".join(data.title.split())
    if data.url:
        update["url"] = data.url.strip()
    if data.date and (parsed := parse_date(data.date)):
        update["published"], update["published_precision"] = parsed
    if fields.get("name", "").strip():
        update["name"] = fields["name"].strip()[:200]
    return [docs[0].model_copy(update=update)]


# -- storing -----------------------------------------------------------------------------------
def _store(config: Settings, docs: list[Document], extract: bool) -> dict[str, Any]:
    with _write_lock, Store(config.db) as store:
        added, known = store.add_documents(docs)
        report = jobs.extract_pending(store) if extract else None
    return {"added": added, "already_stored": known,
            "documents": [document_summary(d) for d in docs],
            "extracted": _extract_report(report) if report else None}


def _extract_report(report: jobs.ExtractReport) -> dict[str, int]:
    return {"documents": report.documents, "events_added": report.events_added,
            "events_already_stored": report.events_already_stored}

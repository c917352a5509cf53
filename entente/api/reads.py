"""Read endpoints: each calls one library function and returns what the CLI prints as JSON."""

from __future__ import annotations

from itertools import islice
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam

from entente.api import params
from entente.api.deps import get_store
from entente.api.errors import JSON, ApiError
from entente.api.views import document_summary, document_view, paging_headers
from entente.store import EventFilter, Store

router = APIRouter(prefix="/api", default_response_class=JSON)
StoreDep = Annotated[Store, Depends(get_store)]
Period = Literal["week", "month", "quarter", "year"]
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page (1–1000).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="Rows to skip.")]


@router.get("/stats", tags=["store"], summary="Counts of what the store holds "
            "(`entente stats --format json`).")
def stats(store: StoreDep):
    return store.stats()


@router.get("/events", tags=["events"], summary="Stored events, filtered and paged "
            "(`entente events --format jsonl`, as a list).",
            description="A list of event records (docs/schema.md). When more rows follow, the "
                        "response has an `X-Next-Offset` header and a `Link: <...>; rel=\"next\"`.")
def events(request: Request, store: StoreDep, actor: params.Code = None,
           dyad: params.Dyad = None, type: params.EventType = None,
           status: Annotated[str | None, Query(max_length=16, description="e.g. reported.")] = None,
           since: params.Since = None, until: params.Until = None,
           item: Annotated[str | None, Query(max_length=200, description="Item name or words.")] = None,
           doc: Annotated[str | None, Query(max_length=300, description="Document name or id.")] = None,
           limit: Limit = 100, offset: Offset = 0):
    since, until = params.date_window(since, until)
    where = EventFilter(actor=actor, dyad=params.dyad(dyad), type=params.event_type(type),
                        status=params.status(status), since=since, until=until,
                        item=params.free_text(item, "item"), doc=params.free_text(doc, "doc", 300),
                        limit=limit + 1, offset=offset)
    found = store.events(where)
    headers = paging_headers(request.url.path, dict(request.query_params), limit, offset,
                             len(found) > limit)
    return JSON([e.model_dump(mode="json") for e in found[:limit]], headers=headers)


@router.get("/events/{event_id}", tags=["events"], summary="One event record by id.")
def event(event_id: Annotated[str, PathParam(pattern=params.EVENT_ID)], store: StoreDep):
    found = store.event(event_id)
    if found is None:
        raise ApiError(404, f"no event {event_id} in the store")
    return found.model_dump(mode="json")


@router.get("/documents", tags=["documents"], summary="Stored documents, without their text, "
            "paged like /api/events.")
def documents(request: Request, store: StoreDep, limit: Limit = 100, offset: Offset = 0):
    page = list(islice(store.documents(), offset, offset + limit + 1))
    headers = paging_headers(request.url.path, {}, limit, offset, len(page) > limit)
    return JSON([document_summary(d) for d in page[:limit]], headers=headers)


@router.get("/documents/{doc_id}", tags=["documents"],
            summary="One document by id: its text, its events and the spans of every event's "
                    "trigger, actors and items.")
def document(doc_id: params.DocId, store: StoreDep):
    doc_id = doc_id.lower()
    found = store.document(doc_id)
    if found is None:
        raise ApiError(404, f"no document {doc_id} in the store")
    events = [e for e in store.events(EventFilter(doc=doc_id)) if e.doc_id == doc_id]
    return document_view(found, events)


@router.get("/dyads", tags=["analysis"], summary="The busiest actor pairs, either direction.")
def top_dyads(store: StoreDep, top: Annotated[int, Query(ge=1, le=100)] = 10):
    return [{"a": a, "b": b, "events": n} for a, b, n in store.top_dyads(top)]


@router.get("/dyads/{a}/{b}", tags=["analysis"], summary="Relations between two actors period "
            "by period and where they shifted (`entente dyad A B --format json`).")
def dyad(a: params.PathCode, b: params.PathCode, store: StoreDep, by: Period = "month",
         since: params.Since = None, until: params.Until = None):
    from entente.analyse import dyads, shifts

    since, until = params.date_window(since, until)
    series = dyads.dyad_series(store, a, b, by, since, until)
    found = shifts.dyad_shifts(store, a, b, series=series)
    return {"series": [r.to_dict() for r in series.rows], "shifts": [s.to_dict() for s in found]}


@router.get("/shifts", tags=["analysis"], summary="The largest recent shifts across all dyads "
            "(`entente shifts --format json`).")
def shifts(store: StoreDep, top: Annotated[int, Query(ge=1, le=1000)] = 10,
           since: params.Since = None, by: Period = "month",
           min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 20):
    from entente.analyse.shifts import rank_shifts

    since = params.iso_date(since, "since")
    return [s.to_dict(with_dyad=True) for s in rank_shifts(store, by, since, top, min_events)]


@router.get("/network", tags=["analysis"], summary="The signed network of actors, its two blocs "
            "and its frustrated triangles (`entente network --format json`).")
def network(store: StoreDep, since: params.Since = None, until: params.Until = None,
            weight: Literal["intensity", "count"] = "intensity",
            min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1):
    from entente.analyse.network import analyse_network

    since, until = params.date_window(since, until)
    return analyse_network(store, since, until, weight, min_events).to_dict()


@router.get("/claims", tags=["analysis"], summary="Propositions and who asserts, reports and "
            "denies them (`entente claims --format json`).")
def claims(store: StoreDep, actor: params.Code = None, dyad: params.Dyad = None,
           type: params.EventType = None, since: params.Since = None,
           until: params.Until = None):
    from entente.analyse.claims import claims as find_claims

    since, until = params.date_window(since, until)
    found = find_claims(store, actor, params.dyad(dyad), params.event_type(type), since, until)
    return [c.to_dict() for c in found]


@router.get("/transfers", tags=["analysis"], summary="The arms-transfer register "
            "(`entente transfers --format json`).")
def transfers(store: StoreDep, supplier: params.Code = None, recipient: params.Code = None,
              since: params.Since = None, until: params.Until = None):
    from entente.analyse.transfers import transfers as register

    since, until = params.date_window(since, until)
    return [r.to_dict() for r in register(store, supplier, recipient, since, until)]


@router.get("/check", tags=["analysis"], summary="Check a transfer against arms-control "
            "provisions (`entente check --format json`).",
            description="Give `supplier` and `recipient` (codes or names) with `item` and "
                        "`date`, or `event` (a stored event's id). Like the CLI, one result is "
                        "an object; an event with several items gives a list.")
def check(store: StoreDep,
          supplier: Annotated[str | None, Query(max_length=100, description="ISO3 code or name.")] = None,
          recipient: Annotated[str | None, Query(max_length=100, description="ISO3 code or name.")] = None,
          item: Annotated[str | None, Query(max_length=200, description="e.g. Fath-360.")] = None,
          date: Annotated[str | None, Query(max_length=100, description="YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
          event: Annotated[str | None, Query(pattern=params.EVENT_ID, description="A stored event's id.")] = None):
    from entente.check import check_event, check_transfer

    supplier, recipient = params.free_text(supplier, "supplier", 100), params.free_text(recipient, "recipient", 100)
    item, date = params.free_text(item, "item"), params.free_text(date, "date", 100)
    if event and any((supplier, recipient, item, date)):
        raise ApiError(400, "give event, or supplier/recipient/item/date, not both")
    if not event and not (supplier or recipient):
        raise ApiError(400, "give supplier and recipient (with item and date), or event")
    if event:
        stored = store.event(event)
        if stored is None:
            raise ApiError(404, f"no event {event} in the store")
        results = check_event(stored)
    else:
        results = [check_transfer(supplier, recipient, item, date)]
    data = [r.to_json() for r in results]
    return data[0] if len(data) == 1 else data


# -- sanctions lists (entente/sanctions) -------------------------------------------------------
Threshold = Annotated[float, Query(ge=0, le=100, description="Lowest score (0–100) reported.")]
LISTED_HEADER = "X-Sanctioned-Entities"  # how many listed parties the store holds (0: no list loaded)


def _listed(store: Store) -> dict[str, str]:
    from entente.store import sanctions as table

    return {LISTED_HEADER: str(table.count(store))}


@router.get("/sanctions/match", tags=["sanctions"], summary="Listed parties a name matches, best "
            "first (`entente sanctions match NAME --format json`).",
            description="An empty list when nothing matches or no sanctions list is loaded; the "
                        f"`{LISTED_HEADER}` header says how many listed parties the store holds.")
def sanctions_match(store: StoreDep,
                    name: Annotated[str, Query(description="A name as written, any romanisation.")],
                    threshold: Threshold = 85.0,
                    limit: Annotated[int, Query(ge=1, le=1000, description="Most matches (1–1000).")] = 10):
    from entente.sanctions import match_name

    name = params.free_text(name, "name", 200)
    if name is None:
        raise ApiError(400, "name: give a name to match")
    found = match_name(name, store, threshold, limit)
    return JSON([m.to_dict() for m in found], headers=_listed(store))


@router.get("/sanctions/actors", tags=["sanctions"], summary="Actors named in stored events that "
            "match a listed party (`entente sanctions actors --format json`).",
            description="An empty list when none match or no sanctions list is loaded; the "
                        f"`{LISTED_HEADER}` header says how many listed parties the store holds.")
def sanctions_actors(store: StoreDep, threshold: Threshold = 85.0):
    from entente.sanctions import match_store_actors

    found = match_store_actors(store, threshold)
    return JSON([a.to_dict() for a in found], headers=_listed(store))

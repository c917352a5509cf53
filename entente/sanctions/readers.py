"""Reading sanctions lists: FollowTheMoney JSON Lines (OpenSanctions) and a plain CSV.

Readers yield `SanctionedEntity` or `InputProblem` and never raise for a bad line: one bad
record is named (file and line) and the rest of the file still loads.

FollowTheMoney files hold parties (Person, Company, Vessel, ...) and, in OpenSanctions
exports, separate `Sanction` records pointing at them with the programme and listing date.
A first pass collects those, the second attaches them to their parties.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pycountry

from entente.errors import InputError, InputProblem
from entente.knowledge.actors import load_actors
from entente.sanctions.entity import PARTY_SCHEMATA, SanctionedEntity
from entente.values import parse_date

Read = SanctionedEntity | InputProblem

FTM_SUFFIXES = (".json", ".jsonl", ".ndjson", ".ftm")
CSV_COLUMNS = ("name", "aliases", "country", "program", "listed_on")
_COUNTRY_PROPS = ("country", "nationality", "citizenship", "jurisdiction", "flag", "mainCountry")
_DATE_PROPS = ("listingDate", "startDate", "createdAt")
_PROGRAM_PROPS = ("program", "programId")
_ALIAS_PROPS = ("alias", "previousName")


class SkippedSchema:
    """Counts records of schemata that are not parties (addresses, ownerships, ...)."""

    def __init__(self) -> None:
        self.count = 0


def read_sanctions(path: Path | str, skipped: SkippedSchema | None = None) -> Iterator[Read]:
    """Entities from one file, by its extension: .csv, or FollowTheMoney .json/.jsonl/.ftm."""
    path = Path(path)
    if not path.is_file():
        raise InputError(InputProblem(str(path), "no such file"))
    if path.suffix.lower() == ".csv":
        return read_csv(path)
    if path.suffix.lower() in FTM_SUFFIXES:
        return read_ftm(path, skipped)
    raise InputError(InputProblem(str(path), "unknown format: give a .csv or a FollowTheMoney .json/.jsonl file"))


# -- FollowTheMoney ---------------------------------------------------------------------------

def read_ftm(path: Path, skipped: SkippedSchema | None = None) -> Iterator[Read]:
    listings = _sanction_records(path)
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputProblem(str(path), f"malformed JSON ({exc.msg})", number)
                continue
            if not isinstance(record, dict) or not record.get("schema"):
                yield InputProblem(str(path), "not a FollowTheMoney entity (no `schema`)", number)
                continue
            if record["schema"] not in PARTY_SCHEMATA:
                if skipped is not None and record["schema"] != "Sanction":
                    skipped.count += 1
                continue
            yield _ftm_entity(path, number, record, listings)


def _sanction_records(path: Path) -> dict[str, list[dict]]:
    """Sanction records by the id of the party they list (flat OpenSanctions exports)."""
    found: dict[str, list[dict]] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if '"Sanction"' not in line:
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # reported by the main pass
            if isinstance(record, dict) and record.get("schema") == "Sanction":
                for party in _values(record.get("properties") or {}, "entity"):
                    found.setdefault(party, []).append(record.get("properties") or {})
    return found


def _values(props: dict, *names: str) -> list:
    out = []
    for name in names:
        value = props.get(name) or []
        out += value if isinstance(value, list) else [value]
    return out


def _strings(props: dict, *names: str) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in _values(props, *names) if isinstance(v, str) and v.strip()))


def _ftm_entity(path: Path, number: int, record: dict, listings: dict[str, list[dict]]) -> Read:
    props = record.get("properties") or {}
    if not isinstance(props, dict):
        return InputProblem(str(path), "`properties` must be an object", number)
    names = _strings(props, "name") or ([record["caption"]] if record.get("caption") else [])
    if not names:
        return InputProblem(str(path), f"{record['schema']} without a name", number)
    entity_id = str(record.get("id") or SanctionedEntity.make_id(path.name, str(number)))
    sanctions = listings.get(entity_id, []) + [
        nested.get("properties") or {} for nested in _values(props, "sanctions")
        if isinstance(nested, dict)]
    listed = _earliest([*_strings(props, *_DATE_PROPS),
                        *(d for s in sanctions for d in _strings(s, *_DATE_PROPS)),
                        *([record["first_seen"]] if isinstance(record.get("first_seen"), str) else [])])
    datasets = record.get("datasets") or []
    return SanctionedEntity(
        entity_id=entity_id, entity_schema=record["schema"], name=names[0],
        aliases=[n for n in dict.fromkeys(names[1:] + _strings(props, *_ALIAS_PROPS)) if n != names[0]],
        countries=_countries(_strings(props, *_COUNTRY_PROPS)),
        programs=list(dict.fromkeys(_strings(props, *_PROGRAM_PROPS)
                                    + [p for s in sanctions for p in _strings(s, *_PROGRAM_PROPS)])),
        topics=_strings(props, "topics"),
        listed_on=listed and listed[0], listed_precision=listed and listed[1],
        dataset=", ".join(datasets) if isinstance(datasets, list) else str(datasets),
        source_file=str(path), source_line=number)


def _earliest(dates: list[str]) -> tuple[str, str] | None:
    parsed = [found for text in dates if (found := parse_date(text[:10]))]
    return min(parsed) if parsed else None


def _countries(codes: list[str]) -> list[str]:
    """ISO 3166 alpha-2 (FollowTheMoney) or alpha-3 codes, or names → ISO3; unknown kept upper-case."""
    out = []
    for code in codes:
        country = None
        try:
            if len(code) == 2:
                country = pycountry.countries.get(alpha_2=code.upper())
            elif len(code) == 3:
                country = pycountry.countries.get(alpha_3=code.upper())
            else:
                country = pycountry.countries.lookup(code)
        except LookupError:
            country = None
        out.append(country.alpha_3 if country else _named_state(code) or code.upper())
    return list(dict.fromkeys(out))


def _named_state(name: str) -> str | None:
    """Names pycountry lacks in that form ("Russia", "North Korea"), via the actor dictionary."""
    entry = load_actors().resolve(name)
    return entry.country if entry is not None and entry.kind == "state" else None


# -- CSV --------------------------------------------------------------------------------------

def read_csv(path: Path) -> Iterator[Read]:
    """Columns name, aliases (";" or "|" between them), country, program, listed_on; optional
    id and schema. A row without a name or with a bad date is named and skipped."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        if "name" not in columns:
            yield InputProblem(str(path), f"no `name` column (expected {', '.join(CSV_COLUMNS)})", 1)
            return
        reader.fieldnames = columns
        for row in reader:
            yield _csv_entity(path, reader.line_num, row)


def _csv_entity(path: Path, number: int, row: dict) -> Read:
    if None in row:
        return InputProblem(str(path), "more fields than the header has", number)
    cell = lambda key: (row.get(key) or "").strip()  # noqa: E731
    if not cell("name"):
        return InputProblem(str(path), "no name", number)
    listed = None
    if cell("listed_on"):
        listed = parse_date(cell("listed_on"))
        if listed is None:
            return InputProblem(str(path), f"listed_on {cell('listed_on')!r} is not a date", number)
    split = lambda text: [p.strip() for p in text.replace("|", ";").split(";") if p.strip()]  # noqa: E731
    programs = split(cell("program"))
    return SanctionedEntity(
        entity_id=cell("id") or SanctionedEntity.make_id(cell("name"), cell("country"), cell("program")),
        entity_schema=cell("schema") or "LegalEntity", name=cell("name"),
        aliases=[a for a in split(cell("aliases")) if a != cell("name")],
        countries=_countries(split(cell("country"))), programs=programs,
        topics=split(cell("topics")) or ["sanction"],
        listed_on=listed and listed[0], listed_precision=listed and listed[1],
        dataset=cell("dataset") or path.name, source_file=str(path), source_line=number)

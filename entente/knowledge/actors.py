"""The actor dictionary: who a phrase in the news stands for.

The knowledge is data, in `knowledge/data/actors/`: `states.yaml` (names, adjectives,
demonyms and capitals; codes and official names come from pycountry), `organisations.yaml`
(international bodies, state bodies, armed groups, companies, media, collective actors),
`people.csv` (office-holders with dated offices) and `roles.yaml` (role and office nouns,
collective phrases). `load_actors()` reads and validates them once; a user can overlay
files of the same names from other folders without touching code.

A person speaks for a state only while in office: `resolve("Blinken", "2023-01-01")` is
the USA, `resolve("Blinken", "2026-01-01")` is Blinken with no country.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator,
)

from entente.errors import KnowledgeError
from entente.knowledge._files import read_yaml
from entente.model import Actor

DATA_DIR = Path(__file__).parent / "data" / "actors"

Kind = Literal[
    "state", "igo", "ngo", "state_body", "armed_group", "company", "media", "party", "person",
    "collective", "de_facto_state", "regional_government",
]
# The kinds of actor "the agency", "the Treasury" may refer back to (`body_anaphors` in roles.yaml).
BODY_KINDS = ("igo", "state_body")
SECTORS = (
    "government", "military", "intelligence", "media", "legislature", "judiciary", "police",
    "company", "party", "opposition", "rebels", "armed_group", "civilians",
)
# The closed office vocabulary of people.csv, with the sector each office implies.
# The order is the priority when one person holds several offices on the same day.
OFFICES: dict[str, str] = {
    "supreme_leader": "government",
    "head_of_state": "government",
    "head_of_government": "government",
    "vice_president": "government",
    "foreign_minister": "government",
    "defence_minister": "military",
    "finance_minister": "government",
    "minister": "government",
    "national_security_advisor": "government",
    "security_council_secretary": "government",
    "spokesperson_presidency": "government",
    "spokesperson_government": "government",
    "spokesperson_foreign_ministry": "government",
    "spokesperson": "government",
    "adviser": "government",  # a head of state's or government's adviser who speaks for them
    "ambassador": "government",
    "un_ambassador": "government",
    "speaker": "legislature",
    "military_commander": "military",
    "intelligence_chief": "intelligence",
    "director_of_national_intelligence": "intelligence",
    "un_secretary_general": "government",
    "eu_high_representative": "government",
    "eu_commission_president": "government",
    "european_council_president": "government",
    "nato_secretary_general": "government",
    "iaea_director_general": "government",
    "igo_head": "government",  # the head of another international body: AU Commission, Arab League, OAS, IMF, WHO
    "group_leader": "armed_group",
    "opposition_leader": "opposition",
}
PEOPLE_COLUMNS = ["name", "aliases", "state", "office", "start", "end", "source"]
ISO_CODES = frozenset(c.alpha_3 for c in pycountry.countries)
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$")


# --- What a phrase resolves to -------------------------------------------------------------

class ActorEntry(BaseModel):
    """What a phrase stands for. For a person in office, `actor_id` is the state or body
    they speak for; out of office it is the person's own id and `country` is None."""

    model_config = ConfigDict(frozen=True)

    actor_id: str
    country: str | None = None
    sector: str | None = None
    name: str
    kind: Kind
    adjective: bool = False
    office: str | None = None
    members: tuple[str, ...] = ()

    def to_actor(self) -> Actor:
        return Actor(actor_id=self.actor_id, country=self.country, sector=self.sector, name=self.name)


def out_of_office(entry) -> bool:
    """A person who held none of our offices on the date read: they speak for no one."""
    return getattr(entry, "kind", None) == "person" and not getattr(entry, "office", None)


# --- Dates ----------------------------------------------------------------------------------

def _bounds(iso: str) -> tuple[str, str]:
    """The first and last day a partial ISO date can mean, as strings that sort as dates."""
    parts = iso.split("-")
    if len(parts) == 3:
        return iso, iso
    if len(parts) == 2:
        return f"{iso}-01", f"{iso}-31"
    return f"{iso}-01-01", f"{iso}-12-31"


def _check_date(value: str) -> str:
    if not _DATE.match(value):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if len(value) == 10:
        Date.fromisoformat(value)
    return value


# --- The records of the data files ----------------------------------------------------------

def _one_of(vocabulary: Iterable[str], what: str) -> AfterValidator:
    known = tuple(vocabulary)

    def check(value: str) -> str:
        if value not in known:
            raise ValueError(f"unknown {what} {value!r}; known: {', '.join(known)}")
        return value
    return AfterValidator(check)


Sector = Annotated[str, _one_of(SECTORS, "sector")]
OfficeName = Annotated[str, _one_of(OFFICES, "office")]
IsoDate = Annotated[str, AfterValidator(_check_date)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StateNames(_Record):
    """One entry of states.yaml: the names of a state beyond pycountry's."""

    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str | None = None
    aliases: list[str] = []
    adjectives: list[str] = []
    demonyms: list[str] = []
    metonyms: list[str] = []
    # pycountry names that news uses for another state: bare "Congo" is mostly the DRC
    not_names: list[str] = []
    # seats shared with an organisation ("Brussels" is the EU's too): the state's only in an
    # article that names the state itself
    shared_metonyms: list[str] = []
    # names that are the state's only in an article that also names it otherwise: "the North"
    # in a story that names North Korea (written as in text: they are matched case and all)
    in_context: list[str] = []
    # what news calls the state once it has named it: "the kingdom", "the island"
    styles: list[str] = []
    source: str


class Governs(_Record):
    """A group that became a state's de facto government: from `since` on it acts for `country`."""

    country: str = Field(pattern=r"^[A-Z]{3}$")
    since: Annotated[str, AfterValidator(_check_date)]


class Organisation(_Record):
    """One entry of organisations.yaml. Several entries may share an `id` (EU bodies)."""

    id: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    name: str
    # (a de facto state: a government that holds territory few or no states recognise, such as
    # Somaliland or Transnistria, acting in its own name; a regional government, such as
    # Iraqi Kurdistan's, also acts abroad in its own name)
    kind: Literal["igo", "ngo", "state_body", "armed_group", "company", "media", "party", "collective",
                  "de_facto_state", "regional_government"]
    country: str | None = None
    sector: Sector | None = None
    aliases: list[str] = []
    adjectives: list[str] = []
    governs: Governs | None = None
    members: list[str] = []  # a group of named states ("the E3"): its acts are each member's
    source: str


class RoleNoun(_Record):
    noun: str
    sector: Sector
    source: str


class OfficeNoun(_Record):
    noun: str
    office: OfficeName
    source: str


class CollectivePhrase(_Record):
    phrase: str
    code: str
    source: str


class Office(_Record):
    """One office held: `state` is an ISO3 code or an organisation id (UN, EU, HAMAS)."""

    state: str
    office: OfficeName
    start: IsoDate
    end: IsoDate | None = None
    source: str

    @model_validator(mode="after")
    def _starts_before_it_ends(self) -> Office:
        if self.end and _bounds(self.end)[1] < _bounds(self.start)[0]:
            raise ValueError(f"ends ({self.end}) before it starts ({self.start})")
        return self

    @property
    def sector(self) -> str:
        return OFFICES[self.office]

    def active(self, on: str) -> bool:
        """Held on that date; partial dates (YYYY, YYYY-MM) count if they overlap."""
        first, last = _bounds(on)
        return _bounds(self.start)[0] <= last and (self.end is None or first <= _bounds(self.end)[1])


class PeopleRow(Office):
    """One line of people.csv: an office and who held it; aliases are separated by '|'."""

    name: str = Field(min_length=1)
    aliases: str = ""

    @field_validator("end", mode="before")
    @classmethod
    def _empty_is_open(cls, value: str | None) -> str | None:
        return value or None


class Person(_Record):
    name: str
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()

    @property
    def person_id(self) -> str:
        return re.sub(r"[^A-Z0-9]+", "_", _ascii(self.name).upper()).strip("_")

    def offices_on(self, on: str) -> list[Office]:
        return [o for o in self.offices if o.active(on)]


# --- Phrase keys ----------------------------------------------------------------------------

def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _clean(phrase: str) -> str:
    """Spelling-neutral form: no accents or dots ("U.S." = "US"), no leading "the"."""
    text = _ascii(phrase).replace("\u2019", "'").replace("\u2018", "'").replace(".", "")
    text = re.sub(r"[\s\-\u2010-\u2014]+", " ", text).strip()
    return re.sub(r"^the ", "", text, flags=re.IGNORECASE)


def _is_acronym(text: str) -> bool:
    """ "US", "WHO", "IRGC": matched only in capitals, so "us" and "who" stay words."""
    return text.isupper() and " " not in text


def phrase_key(phrase: str) -> str:
    """The key a known phrase is stored under: acronyms keep their case, all else is case-folded."""
    text = _clean(phrase)
    return text if _is_acronym(text) else text.casefold()


def _lookup_keys(phrase: str) -> list[str]:
    """Keys to try for a phrase from text: "IRGC" as an acronym, "IRAN" also as "iran"."""
    text = _clean(phrase)
    return [text, text.casefold()] if _is_acronym(text) else [text.casefold()]


# --- Reading the files ----------------------------------------------------------------------

def _read_yaml(path: Path, key: str) -> list[dict[str, Any]]:
    """The entries under `key`, each given the file's `source` unless it has its own."""
    data = read_yaml(path)  # the shared reader: syntax errors with their line, schema_version
    if not isinstance(data.get("source"), str):
        raise KnowledgeError(str(path), "needs a top-level `source` note")
    entries = data.get(key) or []
    if not isinstance(entries, list):
        raise KnowledgeError(str(path), f"`{key}` must be a list")
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise KnowledgeError(str(path), "entry is not a mapping", f"{key} #{i}")
        entry.setdefault("source", data["source"])
    return entries


def _parse(model: type[BaseModel], raw: dict[str, Any], path: Path, label: str) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in exc.errors())
        raise KnowledgeError(str(path), problems, label) from exc


def _read_list(path: Path, key: str, model: type[BaseModel], field: str) -> list[Any]:
    """Validated entries of one list of a YAML file; errors name the entry by number and `field`."""
    return [_parse(model, raw, path, f"{key} #{i} ({field}: {raw.get(field)})")
            for i, raw in enumerate(_read_yaml(path, key), 1)]


def _read_people(path: Path) -> list[tuple[PeopleRow, str]]:
    """Rows of people.csv, each with `where` naming its line for error messages."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != PEOPLE_COLUMNS:
            raise KnowledgeError(str(path), f"columns must be {','.join(PEOPLE_COLUMNS)}", "line 1")
        rows = []
        for raw in reader:
            where = f"line {reader.line_num}: {raw.get('name')}"
            if None in raw or None in raw.values():
                raise KnowledgeError(str(path), f"needs exactly {len(PEOPLE_COLUMNS)} columns", where)
            rows.append((_parse(PeopleRow, raw, path, where), where))
        return rows


# --- Loading --------------------------------------------------------------------------------

def load_actors(extra_dirs: list[Path] | None = None) -> ActorDictionary:
    """The actor dictionary from the packaged data, overlaid by files in `extra_dirs`.

    An overlay folder may hold any of states.yaml, organisations.yaml, people.csv and
    roles.yaml, in the packaged format. States merge by code (names are added),
    organisations replace by name, people rows and role nouns are added.
    Without overlays the result is cached.
    """
    if not extra_dirs:
        return _load_default()
    return _load([DATA_DIR, *map(Path, extra_dirs)])


@lru_cache(maxsize=1)
def _load_default() -> ActorDictionary:
    return _load([DATA_DIR])


def _files(dirs: list[Path], name: str) -> list[Path]:
    """The file `name` in each folder that has it; the packaged folder must have it."""
    if not (dirs[0] / name).is_file():
        raise KnowledgeError(str(dirs[0] / name), "missing knowledge file")
    return [d / name for d in dirs if (d / name).is_file()]


def _load(dirs: list[Path]) -> ActorDictionary:
    """Read every file in order, checking what each entry refers to, then build."""
    states = _load_states(dirs)
    known = ISO_CODES | set(states)
    organisations = _load_organisations(dirs, known)
    codes = known | {o.id for o in organisations}
    people = _load_people(dirs, codes)
    roles, offices, collectives = _load_roles(dirs, codes)
    dictionary = ActorDictionary(list(states.values()), organisations, people, roles, offices, collectives)
    # the word lists of roles.yaml, read from every file (all but coded_apart case-folded)
    for key in ("group_anaphors", "body_anaphors", "any_body_anaphors", "state_body_anaphors", "role_anaphors",
                "posted_abroad", "based_for", "document_anaphors", "adopting_verbs", "state_titles", "title_ranks", "honorifics"):
        setattr(dictionary, key, frozenset(w.casefold() for w in _role_words(dirs, key)))
    dictionary.coded_apart = frozenset(_role_words(dirs, "coded_apart"))
    dictionary.member_anaphors = {str(k).casefold(): str(v).casefold() for path in _files(dirs, "roles.yaml")
                                  for k, v in (read_yaml(path).get("member_anaphors") or {}).items()}
    speakers = _role_words(dirs, "speaker_nouns")
    dictionary.acting_nouns = _acting_nouns([r.noun for r in roles] + [o.noun for o in offices] + speakers)
    return dictionary


def _role_words(dirs: list[Path], key: str) -> list[str]:
    """One word list of roles.yaml, over every knowledge directory in order."""
    return [str(n) for path in _files(dirs, "roles.yaml") for n in read_yaml(path).get(key, [])]


def _acting_nouns(nouns: list[str]) -> frozenset[str]:
    """The head word of each role, office and speaker noun, singular and plural ("minister",
    "ministers" from "prime minister"; "head" from "head of state"): a phrase headed by one
    acts for whoever its "of", "in" or "for" phrase names ("the prime minister of Armenia")."""
    heads = set()
    for noun in nouns:
        words = noun.casefold().split()
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        heads |= {head, head + "s"}
    return frozenset(heads)


def _load_states(dirs: list[Path]) -> dict[str, StateNames]:
    states: dict[str, StateNames] = {}
    for path in _files(dirs, "states.yaml"):
        for entry in _read_list(path, "states", StateNames, "code"):
            iso_or_named = entry.code in ISO_CODES or entry.name or entry.code in states
            _expect(bool(iso_or_named), path, "code not in ISO 3166-1: give a `name`", entry.code)
            states[entry.code] = _merge_state(states.get(entry.code), entry)
    return states


def _load_organisations(dirs: list[Path], known: frozenset[str]) -> list[Organisation]:
    """Organisations by name: an overlay entry with a packaged name replaces it."""
    organisations: dict[str, Organisation] = {}
    for path in _files(dirs, "organisations.yaml"):
        for org in _read_list(path, "organisations", Organisation, "name"):
            _expect(org.country is None or org.country in known, path, f"unknown country {org.country!r}", org.name)
            _expect(set(org.members) <= known, path, f"unknown member state in {org.members!r}", org.name)
            organisations[org.name] = org
    return list(organisations.values())


def _load_people(dirs: list[Path], codes: frozenset[str]) -> list[PeopleRow]:
    rows: list[PeopleRow] = []
    for path in _files(dirs, "people.csv"):
        for row, where in _read_people(path):
            _expect(row.state in codes, path, f"unknown state or organisation {row.state!r}", where)
            rows.append(row)
    return rows


def _load_roles(dirs: list[Path], codes: frozenset[str]) -> tuple[list[RoleNoun], list[OfficeNoun], list[CollectivePhrase]]:
    roles: list[RoleNoun] = []
    offices: list[OfficeNoun] = []
    collectives: list[CollectivePhrase] = []
    for path in _files(dirs, "roles.yaml"):
        roles += _read_list(path, "roles", RoleNoun, "noun")
        offices += _read_list(path, "offices", OfficeNoun, "noun")
        for item in _read_list(path, "collectives", CollectivePhrase, "phrase"):
            _expect(item.code in codes, path, f"unknown code {item.code!r}", item.phrase)
            collectives.append(item)
    return roles, offices, collectives


def _expect(condition: bool, path: Path, problem: str, entry: str) -> None:
    if not condition:
        raise KnowledgeError(str(path), problem, entry)


def _merge_state(old: StateNames | None, new: StateNames) -> StateNames:
    if old is None:
        return new
    merged = {f: list(dict.fromkeys(getattr(old, f) + getattr(new, f)))
              for f in ("aliases", "adjectives", "demonyms", "metonyms")}
    return old.model_copy(update={**merged, "name": new.name or old.name})


def _pycountry_names(country: Any) -> list[str]:
    """Common, short and official names; "Korea, Republic of" and "(...)" forms are left out."""
    names = [getattr(country, f, None) for f in ("common_name", "name", "official_name")]
    return [n for n in dict.fromkeys(names) if n and "," not in n and "(" not in n]


# --- The dictionary -------------------------------------------------------------------------

class ActorDictionary:
    """Lookups over the loaded actor data. Build it with `load_actors()`."""

    def __init__(self, states: list[StateNames], organisations: list[Organisation],
                 people_rows: list[PeopleRow], roles: list[RoleNoun],
                 offices: list[OfficeNoun], collectives: list[CollectivePhrase]):
        self._static: dict[str, list[tuple[str, ActorEntry]]] = {}
        self._states: dict[str, ActorEntry] = {}
        self._codes: dict[str, ActorEntry] = {}
        self._governing: dict[str, Governs] = {}
        self._add_states(states)
        self._add_organisations(organisations)
        self._add_collectives(collectives)
        self._people = self._build_people(people_rows)
        self._people_by_key: dict[str, list[Person]] = {}
        for person in self._people.values():
            for key in dict.fromkeys(phrase_key(p) for p in (person.name, *person.aliases)):
                self._people_by_key.setdefault(key, []).append(person)
        self._roles = {_clean(r.noun).casefold(): r.sector for r in roles}
        self._offices = {_clean(o.noun).casefold(): o.office for o in offices}
        self.shared_metonyms = {phrase_key(m): self._states[s.code] for s in states
                                for m in s.shared_metonyms if s.code in self._states}
        self.in_context = {m: self._states[s.code] for s in states for m in s.in_context if s.code in self._states}
        # "the kingdom … the island": the styles each state goes by once named
        self.state_styles: dict[str, frozenset[str]] = {
            s.code: frozenset(w.casefold() for w in s.styles) for s in states if s.styles}
        self.group_anaphors: frozenset[str] = frozenset()  # set by the loader from roles.yaml
        self.body_anaphors: frozenset[str] = frozenset()  # likewise
        self.any_body_anaphors: frozenset[str] = frozenset()  # likewise
        self.member_anaphors: dict[str, str] = {}  # likewise: "judges" -> "court"
        self.state_body_anaphors: frozenset[str] = frozenset()  # likewise
        self.role_anaphors: frozenset[str] = frozenset()  # likewise: "the junta" after "Mali's junta"
        self.posted_abroad: frozenset[str] = frozenset()  # likewise: "the embassy in Stockholm" not Sweden's
        self.based_for: frozenset[str] = frozenset()  # likewise: "Tehran-based firms" are Iran's, a US-based cleric is not the US
        self.document_anaphors: frozenset[str] = frozenset()  # likewise: "the text" its adopter's
        self.adopting_verbs: frozenset[str] = frozenset()  # likewise: "adopted", "issued" a document
        self.coded_apart: frozenset[str] = frozenset()  # likewise: role nouns coded apart from their state
        self.state_titles: frozenset[str] = frozenset()  # likewise: titles whose unknown holder speaks for the state in view
        self.title_ranks: frozenset[str] = frozenset()  # likewise: "deputy", "vice" before such a title
        self.honorifics: frozenset[str] = frozenset()  # likewise: "Sheikh", "Crown Prince" inside a name
        self.acting_nouns: frozenset[str] = frozenset()  # likewise
        # the words of each body's names ("agency", "board" for the IAEA, "treasury" for the US
        # Treasury): what "the agency" may refer back to
        # A court that shares its code with other bodies (the EU's) is told apart: its words
        # are its own name's ("the court" is not the EU's wherever the EU is named).
        self.body_words: dict[str, frozenset[str]] = {}
        ids = Counter(org.id for org in organisations)
        for org in organisations:
            if org.kind in BODY_KINDS:
                words = {w for phrase in (org.name, *org.aliases) for w in re.findall(r"[a-z]+", phrase.casefold())}
                key = org.name if org.sector == "judiciary" and ids[org.id] > 1 else org.id
                self.body_words[key] = self.body_words.get(key, frozenset()) | words
        self.role_nouns: tuple[str, ...] = tuple(r.noun for r in roles)
        self.office_nouns: tuple[str, ...] = tuple(o.noun for o in offices)

    # -- building --

    def _add(self, phrase: str, entry: ActorEntry, where: str) -> None:
        """Index one phrase; a phrase may not name two different actors."""
        key = phrase_key(phrase)
        if not key:
            return
        hits = self._static.setdefault(key, [])
        clash = next((e for _, e in hits if e.actor_id != entry.actor_id), None)
        if clash:
            raise KnowledgeError(where, f"phrase {phrase!r} names both {clash.actor_id} and {entry.actor_id}", entry.name)
        if (phrase, entry) not in hits:
            hits.append((phrase, entry))

    def _add_states(self, states: list[StateNames]) -> None:
        names = {s.code: s for s in states}
        for country in pycountry.countries:
            name = getattr(country, "common_name", None) or country.name
            self._add_state(country.alpha_3, name, _pycountry_names(country), names.pop(country.alpha_3, None))
        for code, extra in names.items():
            self._add_state(code, extra.name or code, [extra.name or code], extra)

    def _add_state(self, code: str, name: str, official: list[str], extra: StateNames | None) -> None:
        entry = ActorEntry(actor_id=code, country=code, name=name, kind="state")
        self._states[code] = self._codes[code] = entry
        where = "states.yaml"
        official = [n for n in official if not extra or n not in extra.not_names]
        for phrase in [*official, *(extra.aliases + extra.demonyms + extra.metonyms if extra else [])]:
            self._add(phrase, entry, where)
        for phrase in extra.adjectives if extra else []:
            self._add(phrase, entry.model_copy(update={"adjective": True}), where)

    def _add_organisations(self, organisations: list[Organisation]) -> None:
        for org in organisations:
            entry = ActorEntry(actor_id=org.id, country=org.country, sector=org.sector, name=org.name, kind=org.kind,
                               members=tuple(org.members))
            if org.governs is not None:
                self._governing[org.id] = org.governs
            self._codes.setdefault(org.id, entry)
            for phrase in (org.name, *org.aliases):
                self._add(phrase, entry, "organisations.yaml")
            for phrase in org.adjectives:
                self._add(phrase, entry.model_copy(update={"adjective": True}), "organisations.yaml")

    def _add_collectives(self, collectives: list[CollectivePhrase]) -> None:
        for item in collectives:
            self._add(item.phrase, self._codes[item.code], "roles.yaml")

    @staticmethod
    def _build_people(rows: list[PeopleRow]) -> dict[str, Person]:
        """One Person per name, with the aliases and offices of all its rows."""
        people: dict[str, Person] = {}
        for row in rows:
            old = people.get(row.name) or Person(name=row.name)
            aliases = (a.strip() for a in row.aliases.split("|"))
            people[row.name] = old.model_copy(update={
                "aliases": tuple(dict.fromkeys((*old.aliases, *(a for a in aliases if a and a != row.name)))),
                "offices": (*old.offices, Office(**row.model_dump(include=set(Office.model_fields)))),
            })
        return people

    # -- lookups --

    def phrases(self) -> Iterator[tuple[str, ActorEntry]]:
        """Every surface phrase with what it stands for, for a spaCy PhraseMatcher.

        Phrases in capitals ("US", "WHO") should be matched case-sensitively. A person's
        entry here is undated: call `resolve(phrase, date)` for whom they speak for then.
        """
        for hits in self._static.values():
            yield from hits
        for person in self._people.values():
            entry = self._person_entry(person, None)
            for phrase in (person.name, *person.aliases):
                yield phrase, entry

    def state(self, code: str) -> ActorEntry | None:
        """The state with this ISO3 code (or XKX for Kosovo)."""
        return self._states.get(code.upper())

    def resolve(self, phrase: str, date: str | None = None) -> ActorEntry | None:
        """What a phrase stands for on a date (ISO, may be YYYY or YYYY-MM).

        Tries names and aliases, then people (by date), then "<state> <role>" compounds
        such as "Iranian officials" or "the Russian foreign minister".
        """
        if date is not None:
            _check_date(date)
        static = self._static_lookup(phrase)
        if static is not None:
            return self.as_of(static, date)
        return self._person_lookup(phrase, date) or self._compound(phrase)

    def as_of(self, entry: ActorEntry, date: str | None) -> ActorEntry:
        """The entry as it stood on a date: a group that has since become a state's government
        ("the Taliban" from 15 August 2021) acts for that state."""
        governs = self._governing.get(entry.actor_id)
        if governs is None or date is None or _bounds(date)[0] < governs.since:
            return entry
        return entry.model_copy(update={"country": governs.country, "sector": "government"})

    def offices_of(self, name: str) -> list[Office]:
        """The offices held by the person with this name or alias, earliest first."""
        person = self._people.get(name)
        people = [person] if person else next(
            (self._people_by_key[k] for k in _lookup_keys(name) if k in self._people_by_key), [])
        return sorted((o for p in people for o in p.offices), key=lambda o: _bounds(o.start)[0])

    def holder(self, state: str, office: str, date: str) -> Person | None:
        """Who held an office of a state (or organisation) on a date; the latest to start wins."""
        _check_date(date)
        held = [(o, p) for p in self._people.values() for o in p.offices
                if o.state == state and o.office == office and o.active(date)]
        return max(held, key=lambda pair: _bounds(pair[0].start)[0])[1] if held else None

    def role(self, noun: str) -> str | None:
        """The sector a role noun ("officials", "forces") or office noun ("foreign minister") implies."""
        key = _clean(noun).casefold()
        office = self._offices.get(key)
        return self._roles.get(key) or (OFFICES[office] if office else None)

    def office(self, noun: str) -> str | None:
        """The office an office noun names: "defense minister" -> "defence_minister"."""
        return self._offices.get(_clean(noun).casefold())

    # -- helpers --

    def _static_lookup(self, phrase: str) -> ActorEntry | None:
        """The noun reading if there is one, else the adjective reading."""
        hits = next((self._static[k] for k in _lookup_keys(phrase) if k in self._static), [])
        nouns = [e for _, e in hits if not e.adjective]
        return (nouns or [e for _, e in hits] or [None])[0]

    def _person_lookup(self, phrase: str, date: str | None) -> ActorEntry | None:
        """A name shared by several people resolves only if exactly one is in office then."""
        people = next((self._people_by_key[k] for k in _lookup_keys(phrase) if k in self._people_by_key), [])
        if len(people) > 1 and date is not None:
            people = [p for p in people if p.offices_on(date)]
        return self._person_entry(people[0], date) if len(people) == 1 else None

    def _person_entry(self, person: Person, date: str | None) -> ActorEntry:
        """In office: the state they speak for. Undated: their state if they only ever had one."""
        offices = person.offices_on(date) if date else list(person.offices)
        if date is None and len({o.state for o in offices}) != 1:
            offices = []
        if not offices:
            return ActorEntry(actor_id=person.person_id, name=person.name, kind="person")
        office = min(offices, key=lambda o: (list(OFFICES).index(o.office), person.offices.index(o)))
        speaks_for = self._codes[office.state]
        return ActorEntry(actor_id=office.state, country=speaks_for.country, sector=office.sector,
                          name=person.name, kind="person", office=office.office)

    def _compound(self, phrase: str) -> ActorEntry | None:
        """ "Iranian officials", "Russia's foreign minister": an actor, then a role or office noun."""
        words = _clean(phrase).split(" ")
        for cut in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:]).casefold()
            sector = self._roles.get(tail) or (OFFICES[self._offices[tail]] if tail in self._offices else None)
            base = sector and self._static_lookup(re.sub(r"'s?$", "", head))
            if base:
                return base.model_copy(update={"sector": sector, "adjective": False, "office": self._offices.get(tail)})
        return None

"""Reading knowledge files: one place that finds them, parses them and reports where they break.

Every loader under `entente.knowledge` reads its YAML through `read_yaml`, so a typo in any
knowledge file fails the same way: a `KnowledgeError` naming the file and the line.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from entente.errors import KnowledgeError

DATA_DIR = Path(__file__).parent / "data"
SCHEMA_VERSION = 1


class LineDict(dict):
    """A YAML mapping that remembers the line it started on, so errors can point at it."""

    line: int | None = None


# libyaml's parser when PyYAML has it (its wheels do): several times faster than the pure-Python
# one, which made loading the actor dictionary a large part of every command's start-up.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """SafeLoader whose mappings are `LineDict`s carrying their 1-based line number."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def line_of(value: object) -> int | None:
    """The line a mapping read by `read_yaml` started on, or None for anything else."""
    return getattr(value, "line", None)


def read_yaml(path: Path | str) -> dict:
    """Parse one knowledge file and check its `schema_version`.

    Mappings come back as `LineDict`s, so a loader can name the line of a bad entry.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as exc:
        raise KnowledgeError(str(path), f"cannot read: {exc.strerror}") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f"line {mark.line + 1}" if mark is not None else None
        raise KnowledgeError(str(path), f"YAML syntax error: {exc.problem}", line) from exc
    if not isinstance(data, dict):
        raise KnowledgeError(str(path), "the file must be a YAML mapping")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise KnowledgeError(
            str(path), f"schema_version must be {SCHEMA_VERSION}, found {data.get('schema_version')!r}"
        )
    return data


def data_files(name: str, extra_dirs: Iterable[Path | str] | None = None) -> list[Path]:
    """The packaged file `name`, then each overlay file of the same name, in the order given.

    Overlays let a user add or correct entries without editing the package; a directory
    without such a file is skipped.
    """
    files = [DATA_DIR / name]
    for folder in extra_dirs or ():
        candidate = Path(folder) / name
        if candidate.is_file():
            files.append(candidate)
    return files


T = TypeVar("T")


def overlaid(name: str, load: Callable[[list[Path]], T]) -> Callable[..., T]:
    """A loader for the knowledge file `name`: `load` over the packaged file then each overlay
    of the same name in `extra_dirs`. Without overlays the result is read once and cached."""
    default = lru_cache(maxsize=1)(lambda: load(data_files(name)))

    def loader(extra_dirs: Iterable[Path | str] | None = None) -> T:
        return default() if extra_dirs is None else load(data_files(name, extra_dirs))

    return loader


def read_entry(path: Path, raw: object, model: type[BaseModel], section: str, key: str):
    """One entry of a knowledge file as `model`, and the entry's label for errors ("systems:
    Shahed-136, line 40"); a malformed entry is a KnowledgeError naming it and the field."""
    name = raw.get(key, "?") if isinstance(raw, dict) else "?"
    line = line_of(raw)
    entry = f"{section}: {name}, line {line}" if line else f"{section}: {name}"
    if not isinstance(raw, dict):
        raise KnowledgeError(str(path), "each entry must be a mapping", entry)
    try:
        return model(**raw), entry
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"])
        raise KnowledgeError(str(path), f"{field}: {error['msg']}", entry) from exc

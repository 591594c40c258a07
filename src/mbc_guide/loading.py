"""Load data/*.yaml into typed models, collecting every error as one located line."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataError
from .models import DATA_FILES, Strict
from .yaml_source import line_of, read_yaml, to_plain



@dataclass(frozen=True)
class Located:
    """A validated entry with the YAML node it came from, for errors found later (cross-references)."""

    entry: Strict
    node: Any
    shown: str

    def error(self, location: tuple[Any, ...], field: str, message: str) -> DataError:
        return DataError(self.shown, line_of(self.node, location), field, message)


Entries = dict[str, list[Located]]


@dataclass
class Loaded:
    entries: Entries
    errors: list[DataError]
    # Ids of entries with their own errors, and files that could not be read at all: references to
    # them are not reported again, so a writer sees the cause rather than a cascade.
    invalid_ids: set[str]
    unreadable_files: list[str]


def load_data(data_dir: Path, shown_prefix: str = "data") -> Loaded:
    """Read and validate every data file, collecting all errors."""
    entries: Entries = {}
    invalid_ids: set[str] = set()
    unreadable: list[str] = []
    errors: list[DataError] = []
    for name, model in DATA_FILES.items():
        path = data_dir / f"{name}.yaml"
        shown = f"{shown_prefix}/{name}.yaml"
        if not path.is_file():
            errors.append(DataError(shown, None, "", "file is missing"))
            entries[name] = []
            unreadable.append(name)
            continue
        entries[name], file_errors, file_invalid_ids = _load_file(path, shown, model)
        errors.extend(file_errors)
        invalid_ids |= file_invalid_ids
        if file_errors and not entries[name] and not file_invalid_ids:
            unreadable.append(name)
    for extra in sorted(data_dir.glob("*.y*ml")):
        if extra.stem not in DATA_FILES:
            errors.append(DataError(f"{shown_prefix}/{extra.name}", None, "",
                                    f"unknown data file; expected one of: {', '.join(f'{n}.yaml' for n in DATA_FILES)}"))
    return Loaded(entries, errors, invalid_ids, unreadable)


FileResult = tuple[list[Located], list[DataError], set[str]]
# Each data file's last result, by path, shown name and model, with the bytes it was read from. A preview rebuild
# after an edit reads and validates again only the file that changed (the cross-checks in registry.py still run
# over every entry). Validated entries are frozen models, never changed after loading, so sharing them is safe.
_parsed: dict[tuple[Path, str, type[Strict]], tuple[bytes, FileResult]] = {}


def _load_file(path: Path, shown: str, model: type[Strict]) -> FileResult:
    key = (path.resolve(), shown, model)
    try:
        content = path.read_bytes()
    except OSError:  # read_yaml reports it as the writer's one line
        return _parse_file(path, shown, model)
    last = _parsed.get(key)
    if last is None or last[0] != content:
        last = _parsed[key] = (content, _parse_file(path, shown, model))
    entries, errors, invalid_ids = last[1]
    return list(entries), list(errors), set(invalid_ids)


def _parse_file(path: Path, shown: str, model: type[Strict]) -> FileResult:
    document, errors = read_yaml(path, shown)
    if errors:
        return [], errors, set()
    if not isinstance(document, list):
        return [], [DataError(shown, line_of(document, ()) or 1, "", "the file must be a list of entries, each starting with '- '")], set()
    loaded: list[Located] = []
    invalid_ids: set[str] = set()
    for index, node in enumerate(document):
        try:
            loaded.append(Located(model.model_validate(to_plain(node)), node, shown))
        except ValidationError as error:
            errors.extend(_located(error, document, index, shown, model))
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                invalid_ids.add(node["id"])
    return loaded, errors, invalid_ids


def _located(error: ValidationError, document: Any, index: int, shown: str, model: type[BaseModel]) -> list[DataError]:
    label = _entry_label(document[index], index)
    located = []
    for detail in error.errors():
        location = tuple(detail["loc"])
        line = line_of(document, (index, *location))
        field = label + "".join(_step(step) for step in location if not _is_union_tag(step))
        located.append(DataError(shown, line, field, _message(detail, model)))
    return located


def _entry_label(node: Any, index: int) -> str:
    entry_id = node.get("id") if isinstance(node, dict) else None
    if isinstance(entry_id, str):
        return entry_id
    page = node.get("page") if isinstance(node, dict) else None
    return page if isinstance(page, str) else f"entry {index + 1}"


def _step(step: Any) -> str:
    return f"[{step}]" if isinstance(step, int) else f".{step}"


def _is_union_tag(step: Any) -> bool:
    return isinstance(step, str) and (step in {"str", "int", "float", "bool"} or "[" in step or step.startswith("function-"))


def _message(detail: dict[str, Any], model: type[BaseModel]) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        misspelt = str(detail["loc"][-1])
        close = difflib.get_close_matches(misspelt, sorted(_all_field_names(model)), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown field '{misspelt}'{hint}"
    if kind == "missing":
        return "required field is missing"
    if kind in {"float_type", "int_type", "float_parsing", "int_parsing"}:
        return f"must be a number written in digits, not {detail['input']!r}"
    return str(detail["msg"]).removeprefix("Value error, ")


def _all_field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    seen = {model}
    pending = [model]
    while pending:
        for name, info in pending.pop().model_fields.items():
            names.add(name)
            for candidate in _models_in(info.annotation):
                if candidate not in seen:
                    seen.add(candidate)
                    pending.append(candidate)
    return names


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(argument))
    return found

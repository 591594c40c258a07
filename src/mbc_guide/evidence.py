"""The project's record of the evidence it cites (data/evidence.yaml) and its check against ../shared/evidence/.

The record lets the site build, and check every figure, where no ../shared folder exists (an organisation that
adopts the site has none). Where the folder exists (in CI it does), the record must equal it.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

RECORD_FILE = "evidence.yaml"
EVIDENCE_FILES = ("facts.yaml", "access.yaml", "support.yaml", "kr_costs.yaml")
RECORD_FIELDS = ("value", "unit", "claim", "claim_ko", "arm", "comparator", "caveat", "source", "quote", "primary")
# Fields only some files have (kr_costs.yaml's plain Korean claim): recorded only where present.
OPTIONAL_FIELDS = ("claim_ko", "primary")
SOURCE_FIELDS = ("title", "where", "date", "url_or_doi")
PRIMARY_FIELDS = ("title", "journal", "year", "doi_or_pmid")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def record_entry(entry: dict[str, Any], file: str) -> dict[str, Any]:
    """One shared evidence entry as the project records it (dates as text, so the record reads back the same)."""
    record: dict[str, Any] = {"id": entry["id"], "file": file}
    for key in RECORD_FIELDS:
        value = entry.get(key)
        if key == "source":
            value = {field: _plain(value.get(field)) for field in SOURCE_FIELDS}
        elif key in OPTIONAL_FIELDS and not value:
            continue
        elif key == "primary":
            value = {field: _plain(value.get(field)) for field in PRIMARY_FIELDS}
        record[key] = _plain(value)
    return record


def shared_evidence_dir(project: Path) -> Path | None:
    """MBC_EVIDENCE_DIR, else ../shared/evidence beside the project; None when there is none."""
    folder = Path(os.environ["MBC_EVIDENCE_DIR"]) if os.environ.get("MBC_EVIDENCE_DIR") else project.resolve().parent / "shared" / "evidence"
    return folder if (folder / EVIDENCE_FILES[0]).is_file() else None


ABSENT_NOTE = ("evidence: no ../shared/evidence/ beside the project; figures were checked against data/evidence.yaml "
               "only")


def _shared_entries(evidence_dir: Path) -> dict[str, dict[str, Any]]:
    """The shared evidence as the record would hold it; read again only when a file changed (the preview rebuilds
    often, and reading it takes about half a second)."""
    stamps = tuple((evidence_dir / name).stat().st_mtime_ns if (evidence_dir / name).is_file() else 0
                   for name in EVIDENCE_FILES)
    return _read_shared(evidence_dir, stamps)


@functools.lru_cache(maxsize=2)
def _read_shared(evidence_dir: Path, stamps: tuple[int, ...]) -> dict[str, dict[str, Any]]:
    shared: dict[str, dict[str, Any]] = {}
    for name in EVIDENCE_FILES:
        path = evidence_dir / name
        if path.is_file():
            for entry in yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
                shared.setdefault(entry["id"], record_entry(entry, name))
    return shared


def compare_with_shared(registry: Any, evidence_dir: Path) -> list[DataError]:
    """Each entry of data/evidence.yaml must equal its entry in ../shared/evidence/, field by field."""
    shared = _shared_entries(evidence_dir)
    problems = []
    for fact_id, entry in registry.evidence.items():
        wanted = shared.get(fact_id)
        if wanted is None:
            problems.append(registry.error_at("evidence", fact_id, ("id",),
                                              "not in the shared evidence; a figure that is not there is not on the site"))
            continue
        recorded = entry.model_dump(exclude_none=True)
        for key in ("file", *RECORD_FIELDS):
            ours, theirs = _without_none(recorded.get(key)), _without_none(wanted.get(key))
            if ours != theirs:
                problems.append(registry.error_at("evidence", fact_id, (key,) if key in recorded else ("id",),
                                                  f"differs from {wanted['file']} in the shared evidence ({key}: "
                                                  f"{_short(theirs)}); run scripts/make_evidence_record.py"))
                break
    return problems


def _without_none(value: Any) -> Any:
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if v is not None}
        return value or None
    return value


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_against_shared(registry: Any, project: Path) -> tuple[list[DataError], str | None]:
    """Problems of the record against ../shared/evidence/, or a one-line note that the folder is absent."""
    evidence_dir = shared_evidence_dir(project)
    if evidence_dir is None:
        return [], ABSENT_NOTE
    return compare_with_shared(registry, evidence_dir), None

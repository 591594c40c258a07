"""JSON Schemas for editors, generated from the data models: one per data file, with the ids other files refer to
as allowed values (so an editor offers them and marks a misspelt one as you type). `mbc-guide schema` writes them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .models import DATA_FILES
from .registry import Registry

SCHEMA_FOLDER = "schemas"
# Which fields of which model hold ids of which table.
REFERENCES: dict[tuple[str, str], str] = {
    ("Treatment", "medicines"): "medicines", ("Treatment", "subtypes"): "subtypes", ("Treatment", "trials"): "trials",
    ("Arm", "treatment"): "treatments", ("Trial", "published"): "sources",
    ("Figure", "fact"): "evidence", ("Figure", "source"): "sources",
    ("SideEffectRate", "effect"): "effects", ("SideEffectRate", "trial"): "trials",
    ("Effect", "alert"): "alerts",
    ("Alert", "medicines"): "medicines", ("Alert", "facts"): "evidence", ("Alert", "source"): "sources",
    ("HowGiven", "facts"): "evidence", ("HowGiven", "source"): "sources",
    ("AccessNote", "medicine"): "medicines", ("AccessNote", "treatments"): "treatments", ("AccessNote", "fact"): "evidence",
}


def data_file_schema(name: str, registry: Registry) -> dict[str, Any]:
    schema = TypeAdapter(list[DATA_FILES[name]]).json_schema()
    for (model, field), table in REFERENCES.items():
        definition = schema.get("$defs", {}).get(model)
        if definition and field in definition["properties"]:
            _allow_only(definition["properties"][field], sorted(getattr(registry, table)))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{name}.yaml", **schema}


def _allow_only(schema: dict[str, Any], ids: list[str]) -> None:
    """Restrict the string part of a field's schema (a list's items, an optional value) to the given ids."""
    if "items" in schema:
        _allow_only(schema["items"], ids)
    elif "anyOf" in schema:
        for option in schema["anyOf"]:
            if option.get("type") == "string":
                _allow_only(option, ids)
    else:
        schema.pop("pattern", None)
        schema["enum"] = ids


def schema_texts(registry: Registry) -> dict[str, str]:
    """File name -> JSON text, for every data file."""
    return {f"{name}.schema.json": json.dumps(data_file_schema(name, registry), indent=1, ensure_ascii=False) + "\n"
            for name in DATA_FILES}


def write_schemas(registry: Registry, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts(registry).items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written

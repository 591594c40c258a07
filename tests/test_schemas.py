"""The editors' JSON Schemas (schemas/, written by `mbc-guide schema`) are up to date and accept the real data."""
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from mbc_guide.models import DATA_FILES
from mbc_guide.schemas import SCHEMA_FOLDER, schema_texts

REPO = Path(__file__).resolve().parent.parent


def as_json(path: Path):
    """The data file as an editor's YAML extension sees it: dates are strings."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / SCHEMA_FOLDER / f"{name}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schemas_are_up_to_date(registry):
    written = {path.name: path.read_text() for path in (REPO / SCHEMA_FOLDER).glob("*.schema.json")}
    assert written == schema_texts(registry), "run `.venv/bin/mbc-guide schema` and commit schemas/"


@pytest.mark.parametrize("name", DATA_FILES)
def test_the_real_data_is_valid_against_its_schema(name):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(as_json(REPO / "data" / f"{name}.yaml"))]
    assert errors == []


@pytest.mark.parametrize("name, change, path", [
    ("treatments", lambda d: d[0]["trials"].__setitem__(0, "destiny-breast99"), [0, "trials", 0]),
    ("trials", lambda d: d[0]["results"][0].__setitem__("measure", "pfs_medain"), [0, "results", 0, "measure"]),
    ("side_effects", lambda d: d[0]["values"]["thp"].__setitem__("value", 851), [0, "values", "thp", "value"]),
    ("subtypes", lambda d: d[0].__setitem__("how_testd", "x"), [0]),
], ids=["unknown-id", "unknown-measure", "rate-above-100", "unknown-key"])
def test_the_schema_marks_a_mistake_where_it_is(name, change, path):
    data = as_json(REPO / "data" / f"{name}.yaml")
    change(data)
    assert [list(e.absolute_path) for e in validator(name).iter_errors(data)] == [path]


def test_vs_code_uses_a_schema_for_every_data_file():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text())
    assert settings["yaml.schemas"] == {f"./schemas/{name}.schema.json": [f"data/{name}.yaml"] for name in DATA_FILES}

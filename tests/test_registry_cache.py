"""The registry is reused between builds only while the data is byte for byte the same."""
import shutil
from pathlib import Path

import pytest

from mbc_guide.errors import DataErrors
from mbc_guide.registry_cache import load_registry_cached

REPO = Path(__file__).resolve().parent.parent


def test_unchanged_data_reuses_the_registry_and_any_edit_reloads_it(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    first = load_registry_cached(data)
    assert load_registry_cached(data) is first
    glossary = data / "glossary.yaml"
    text = glossary.read_text()
    edited = text.replace("Cancer that has spread", "Cancer that has spreaD", 1)  # same size
    assert edited != text
    glossary.write_text(edited)
    second = load_registry_cached(data)
    assert second is not first
    assert "spreaD" in str([term.definition for term in second.glossary.values()])


def test_data_with_errors_is_reported_on_every_load(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    glossary = data / "glossary.yaml"
    glossary.write_text(glossary.read_text() + "\n- id: broken\n  nonsense: 1\n")
    for _ in range(2):
        with pytest.raises(DataErrors):
            load_registry_cached(data)

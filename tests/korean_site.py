"""A copy of the real site sources, Korean edition on as in the real mkdocs.yml, for tests that break the edition on
purpose (the gate: a missing Korean string or page). Tests that only read the edition use the run's built_site."""
from __future__ import annotations

from pathlib import Path

from mbc_guide.editions import builds_korean


def korean_site_sources(folder: Path) -> Path:
    """A copy of the real sources in folder/project, with ../shared beside it as for the real site."""
    tests = _tests_conftest()
    shared = tests.REPO.parent / "shared"
    if shared.is_dir():
        (folder / "shared").symlink_to(shared)
    project = tests.copy_sources(folder / "project")
    assert builds_korean((project / "mkdocs.yml").read_text()), "the real site builds the Korean edition"
    return project


def _tests_conftest():
    """tests/conftest.py (its copy_sources), also from tests/browser/, where `conftest` names the browser one."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("tests_conftest", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

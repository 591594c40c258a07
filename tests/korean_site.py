"""A copy of the site with the Korean edition switched on, for tests of the edition itself (pages at /ko/, the
language switch, search, the gate, Korean PDFs) while the translators are still at work.

What the copy adds where the real project has no Korean yet, so the edition builds:
- data/ko/: every data string without its Korean gets a stand-in item with the current fingerprint, whose text is
  the English (a test fixture, never a translation);
- content/ko/: every English page without its Korean page gets a copy of the English page (same macros)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from mbc_guide.korean_overlay import OVERLAY_FOLDER, check_parity, english_fingerprint, english_texts
from mbc_guide.registry import load_registry

def switch_korean_on(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^  editions: \[en\]$", "  editions: [en, ko]", config.read_text()))


def complete_overlay(project: Path) -> int:
    """Stand-in Korean items for every missing or out-of-date string; returns how many were added."""
    data = project / "data"
    registry = load_registry(data, shown_prefix="data")
    gaps = {(Path(gap.path).stem, gap.field) for gap in check_parity(registry, data).gaps}
    stand_ins: dict[str, list[dict[str, str]]] = {}
    for english in english_texts(registry):
        if (english.kind, f"{english.entry_id}.{english.field}") in gaps:
            stand_ins.setdefault(english.kind, []).append({
                "id": english.entry_id, "field": english.field,
                "from_english": english_fingerprint(english.text), "ko": english.text})
    for kind, added in stand_ins.items():
        overlay = data / OVERLAY_FOLDER / f"{kind}.yaml"
        replaced = {(item["id"], item["field"]) for item in added}
        kept = [item for item in (yaml.safe_load(overlay.read_text(encoding="utf-8")) if overlay.exists() else None) or []
                if (item["id"], item["field"]) not in replaced]
        overlay.write_text(yaml.safe_dump(kept + added, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return sum(map(len, stand_ins.values()))


def mirror_pages(project: Path) -> list[str]:
    """A Korean page for every English page that has none (a copy of it); returns the pages copied."""
    english, korean = project / "content" / "en", project / "content" / "ko"
    copied = []
    for page in sorted(english.rglob("*.md")):
        target = korean / page.relative_to(english)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
            copied.append(page.relative_to(english).as_posix())
    return copied


def korean_project(project: Path) -> Path:
    switch_korean_on(project)
    complete_overlay(project)
    mirror_pages(project)
    return project


def korean_site_sources(folder: Path) -> Path:
    """A Korean copy of the real sources in folder/project, with ../shared beside it as for the real site."""
    tests = _tests_conftest()
    shared = tests.REPO.parent / "shared"
    if shared.is_dir():
        (folder / "shared").symlink_to(shared)
    return korean_project(tests.copy_sources(folder / "project"))


def _tests_conftest():
    """tests/conftest.py (its copy_sources), also from tests/browser/, where `conftest` names the browser one."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("tests_conftest", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def built_korean_site(tmp_path_factory) -> Path:
    """The Korean copy built once for the run (shared by every worker, like conftest's built_site): only read it."""
    from mbc_guide.cli import build_site
    from run_once import made_once

    def build(folder: Path) -> None:
        project = korean_site_sources(folder)
        assert build_site(project / "mkdocs.yml", folder / "site"), "the Korean copy of the site must build"

    return made_once(tmp_path_factory, "korean-built", build) / "site"

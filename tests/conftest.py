import shutil
from pathlib import Path

import pytest

from mbc_guide.registry import load_registry

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("mkdocs.yml", "content", "data", "overrides", "macros")


@pytest.fixture(scope="session")
def registry():
    return load_registry(REPO / "data")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the real site sources that a test may break."""
    copy = tmp_path / "project"
    copy.mkdir()
    for part in SITE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, copy / part)
        else:
            shutil.copy(source, copy / part)
    (copy / "src").symlink_to(REPO / "src")  # mkdocs.yml watches the package for live preview
    return copy


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once for the tests that read its pages."""
    from mbc_guide.cli import build_site

    site = tmp_path_factory.mktemp("built") / "site"
    assert build_site(REPO / "mkdocs.yml", site), "the real site must build"
    return site

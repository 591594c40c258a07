import datetime as dt
import os
import re
import runpy
import shutil
from pathlib import Path

import pytest

from mbc_guide import clock, editions
from mbc_guide.registry import load_registry
from run_once import made_once

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("mkdocs.yml", "content", "data", "overrides", "macros")
# Python processes the tests start (builds, preview) read the date set with --today too (tests/clock/sitecustomize.py).
TODAY_VARIABLE = "MBC_TEST_TODAY"
CLOCK_FOLDER = Path(__file__).resolve().parent / "clock"
# Review dates the copies of the site carry: this many days after today, so no review is overdue or due soon.
REVIEW_AHEAD_DAYS = 180


def pytest_addoption(parser):
    parser.addoption("--today", default=os.environ.get(TODAY_VARIABLE),
                     help="run every test as if today were this date (YYYY-MM-DD); also MBC_TEST_TODAY")


def pytest_configure(config):
    today = config.getoption("--today")
    if not today:
        return
    dt.date.fromisoformat(today)  # a wrong date stops the run here, not in the middle
    os.environ[TODAY_VARIABLE] = today
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLOCK_FOLDER), os.environ.get("PYTHONPATH")]))
    runpy.run_path(str(CLOCK_FOLDER / "sitecustomize.py"))  # the pytest process itself


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """With `--dist loadgroup`, pytest-xdist sends the tests of one xdist_group to one worker by adding "@group" to
    their ids. If a version of pytest or xdist stops that, both workers would redo what a group shares (every page
    loaded twice), silently: such a test fails instead, before its fixtures start."""
    loadgroup = getattr(item.config.option, "loadgroup", False)  # set on xdist's workers only
    if loadgroup and item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
        pytest.fail("pytest-xdist ignored this test's xdist_group: use the pytest and pytest-xdist versions "
                    "pinned in pyproject.toml", pytrace=False)


def pytest_report_header(config):
    return f"today (mbc_guide.clock): {clock.today()}"


def next_review_date() -> dt.date:
    return clock.today() + dt.timedelta(days=REVIEW_AHEAD_DAYS)


def move_reviews_ahead(reviews: Path) -> dt.date:
    """Every next_review in a copy of data/reviews.yaml set to REVIEW_AHEAD_DAYS after today: tests of the review
    mechanisms set their own dates, and no other test depends on the real ones (tests/test_review_dates.py does)."""
    ahead = next_review_date()
    reviews.write_text(re.sub(r"(?m)^(\s*next_review:) \S+$", rf"\g<1> {ahead}", reviews.read_text()))
    return ahead


def english_only(project: Path) -> Path:
    """The copy builds the English edition alone: a test of an English writer's mistake then needs no Korean page
    or translation for what it adds, and builds in half the time. The Korean edition's own tests switch it on."""
    config = project / "mkdocs.yml"
    config.write_text(editions.english_only(config.read_text()))
    return project


def copy_sources(copy: Path) -> Path:
    """A copy of the real site sources, with review dates ahead of today and ../shared beside it as for the real one."""
    copy.mkdir(parents=True)
    for part in SITE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, copy / part)
        else:
            shutil.copy(source, copy / part)
    (copy / "src").symlink_to(REPO / "src")  # mkdocs.yml watches the package for live preview
    move_reviews_ahead(copy / "data" / "reviews.yaml")
    return copy


@pytest.fixture
def next_review() -> dt.date:
    """The next_review date every page has in project_copy and site_sources."""
    return next_review_date()


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the real site sources that a test may break (no ../shared beside it), English edition only."""
    return english_only(copy_sources(tmp_path / "project"))


@pytest.fixture(scope="module")
def module_project_copy(tmp_path_factory) -> Path:
    """As project_copy, for one module's tests that break the copy together and build it once."""
    return english_only(copy_sources(tmp_path_factory.mktemp("module") / "project"))


def _sources(folder: Path) -> None:
    shared = REPO.parent / "shared"
    if shared.is_dir():
        (folder / "shared").symlink_to(shared)  # the build checks data/evidence.yaml against it, as for the real site
    copy_sources(folder / "project")


@pytest.fixture(scope="session")
def site_sources(tmp_path_factory) -> Path:
    """The sources every read-only test builds and reads, shared by the whole run: never write to them."""
    return made_once(tmp_path_factory, "sources", _sources) / "project"


@pytest.fixture(scope="session")
def registry(site_sources):
    return load_registry(site_sources / "data")


@pytest.fixture(scope="session")
def built_site(site_sources, tmp_path_factory) -> Path:
    """The real site, built once for the run, for the tests that read its pages; a test that writes into a site
    copies it first."""
    from mbc_guide.cli import build_site

    def build(folder: Path) -> None:
        assert build_site(site_sources / "mkdocs.yml", folder / "site"), "the real site must build"

    return made_once(tmp_path_factory, "built", build) / "site"

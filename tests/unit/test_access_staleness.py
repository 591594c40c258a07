"""When an access note warns that it may be out of date: counted from the day a writer last checked it (`checked`),
else from the date of its facts (`as_of`), against the last review of the page that shows it. Small made-up files."""
from pathlib import Path
from textwrap import dedent

from made_up_data import SUBTYPES_FILE
from mbc_guide.errors import DataErrors
from mbc_guide.loading import load_data
from mbc_guide.mkdocs_plugin import GuidePlugin
from mbc_guide.registry import build_registry
from mbc_guide.reviews import stale_access_notes

REVIEWS = """\
- page: her2-positive.md
  last_reviewed: 2026-11-26
  next_review: 2027-05-26
  reviewed_by: Made-up team
"""


def access_note(*, as_of: str, checked: str | None = None) -> str:
    return dedent(f"""\
        - id: made-up-note
          medicine: made-up-medicine
          country: us
          indications:
          - subtype: her2-positive
            line: later
          status: Approved for a made-up use.
          confirmed: true
          as_of: {as_of}
        """) + (f"  checked: {checked}\n" if checked else "") + "  fact: made-up-fact\n  source_title: Nobody, 2026\n"


def warnings_for(tmp_path: Path, note: str) -> list[str]:
    for name, text in {"subtypes": SUBTYPES_FILE, "reviews": REVIEWS, "access": note}.items():
        (tmp_path / f"{name}.yaml").write_text(text)
    loaded = load_data(tmp_path)
    assert [e for e in loaded.errors if e.message != "file is missing"] == []
    registry, _ = build_registry(loaded.entries, loaded.invalid_ids)  # the made-up medicine and fact are not there
    return [str(warning) for warning in stale_access_notes(registry)]


HOW_TO_RECORD = ("check the note against the newest access facts: if one is newer, update the note and its as_of; if "
                 "none is, keep as_of and write the day you checked in checked:")


def test_a_recent_check_of_old_facts_gives_no_warning(tmp_path):
    assert warnings_for(tmp_path, access_note(as_of="2026-02-01", checked="2026-11-30")) == []


def test_an_old_check_warns_at_its_line(tmp_path):
    assert warnings_for(tmp_path, access_note(as_of="2026-02-01", checked="2026-03-01")) == [
        "data/access.yaml:10: made-up-note.checked: warning: checked on 2026-03-01 is more than 6 months older than "
        f"the last review of her2-positive.md (2026-11-26); {HOW_TO_RECORD}"]


def test_without_a_check_old_facts_warn_at_as_of_as_before(tmp_path):
    assert warnings_for(tmp_path, access_note(as_of="2026-02-01")) == [
        "data/access.yaml:9: made-up-note.as_of: warning: as of 2026-02-01 is more than 6 months older than the last "
        f"review of her2-positive.md (2026-11-26); {HOW_TO_RECORD}"]


def test_recent_facts_without_a_check_give_no_warning(tmp_path):
    assert warnings_for(tmp_path, access_note(as_of="2026-11-30")) == []


def test_a_check_before_the_facts_is_refused(tmp_path):
    (tmp_path / "access.yaml").write_text(access_note(as_of="2026-02-01", checked="2026-01-15"))
    errors = [str(e) for e in DataErrors(load_data(tmp_path).errors).errors if e.message != "file is missing"]
    assert errors == ["data/access.yaml:10: made-up-note.checked: 2026-01-15 is before as_of (2026-02-01); checked is "
                      "the day you checked the note against the newest access facts, on or after the date of those facts"]


def test_each_warning_is_kept_once_per_build_and_one_editions_own_warning_too():
    plugin = GuidePlugin()
    plugin._warn(["shared warning", "english only"])  # the English edition's build
    plugin._warn(["shared warning", "korean only", "korean only"])  # the Korean edition's build
    assert plugin.warnings == ["shared warning", "english only", "korean only"]

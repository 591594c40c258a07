"""Edits a test makes to a copy of the site's sources, and what a failed build of the copy printed."""
import contextlib
import io
from pathlib import Path

from mbc_guide.cli import build_site


def add_after(path: Path, anchor: str, text: str) -> int:
    """Insert `text` as new lines after the line holding `anchor`; return the first inserted line's number."""
    lines = path.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if anchor in line)
    lines[index + 1:index + 1] = ["", text, ""]
    path.write_text("\n".join(lines) + "\n")
    return index + 3


def failed_build_errors(project: Path) -> list[str]:
    """The lines a failed build of project printed; the last good site stays as it was."""
    site = project / "site"
    site.mkdir(exist_ok=True)
    (site / "keep.html").write_text("last good build")
    printed = io.StringIO()
    with contextlib.redirect_stderr(printed):
        assert not build_site(project / "mkdocs.yml", site)
    assert (site / "keep.html").read_text() == "last good build", "a failed build must leave the last good site"
    assert "Traceback" not in printed.getvalue()
    return printed.getvalue().splitlines()

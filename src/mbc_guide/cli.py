"""Command line for writers: `mbc-guide build`, `mbc-guide check`, `mbc-guide serve`.

Errors print one line each (file:line: field: message) and never a traceback; a failed build leaves site/ untouched.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .errors import DataErrors
from .registry import load_registry

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2.0 is not for writers


class _WriterFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            return message
        return f"warning: {message}"


def _quiet_mkdocs_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_WriterFormatter())
    handler.setLevel(logging.WARNING)
    for name in ("mkdocs", "mkdocs_macros", "mkdocs.plugins.macros"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.WARNING)


def build_site(config_file: Path, site_dir: Path, pdfs: bool = False) -> dict[str, float] | None:
    """Build into a temporary folder (with the handout PDFs when asked); replace site_dir only when the whole
    build succeeded.

    Returns each page's reading grade, or None when the build failed.
    """
    from .pdf import ChromiumMissing, render_handouts
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    _quiet_mkdocs_logging()
    site_dir = site_dir.resolve()
    staging = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
        build(config)
    except (Abort, ConfigurationError) as error:
        if not str(error).startswith("Aborted with a BuildError"):
            print(f"error: {error}", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return None
    except SystemExit:  # mkdocs-macros exits after printing its own error
        shutil.rmtree(staging, ignore_errors=True)
        return None
    if pdfs:
        try:
            render_handouts(staging)
        except ChromiumMissing as error:
            print(f"error: {error}", file=sys.stderr)
            shutil.rmtree(staging, ignore_errors=True)
            return None
    if site_dir.exists():
        shutil.rmtree(site_dir)
    staging.rename(site_dir)
    return dict(config.plugins["mbc-guide"].reading_grades)


TARGET_GRADE, HIGHEST_GRADE = 6, 8


def reading_report(grades: dict[str, float]) -> str:
    """Flesch-Kincaid grade per page; the aim is grade 6, the limit grade 8."""
    lines = [f"reading grade (aim {TARGET_GRADE}, at most {HIGHEST_GRADE}):"]
    for page, grade in sorted(grades.items()):
        flag = "  above the limit" if grade > HIGHEST_GRADE else ""
        lines.append(f"  {grade:4.1f}  {page}{flag}")
    return "\n".join(lines)


def check_data(data_dir: Path) -> bool:
    try:
        load_registry(data_dir, shown_prefix=data_dir.name)
    except DataErrors as errors:
        print(errors, file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mbc-guide", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="check the data and build the site into site/")
    build_command.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    build_command.add_argument("--site-dir", type=Path, default=Path("site"))
    build_command.add_argument("--pdfs", action="store_true", help="also print every handout to PDF (needs Chromium)")
    check_command = commands.add_parser("check", help="check data/ only")
    check_command.add_argument("--data-dir", type=Path, default=Path("data"))
    arguments = parser.parse_args(argv)

    if arguments.command == "check":
        ok = check_data(arguments.data_dir)
        print("data is valid" if ok else "data has errors; nothing was built", file=sys.stderr if not ok else sys.stdout)
        return 0 if ok else 1
    grades = build_site(arguments.config, arguments.site_dir, pdfs=arguments.pdfs)
    if grades is not None:
        print(reading_report(grades))
        made = " with the handout PDFs" if arguments.pdfs else ""
        print(f"built the site into {arguments.site_dir}/{made}")
        return 0
    print(f"build failed; {arguments.site_dir}/ was not changed", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

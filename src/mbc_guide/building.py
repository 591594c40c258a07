"""Build the site strictly into a temporary folder and publish it only when everything passed."""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .mkdocs_messages import without_traceback, writer_line

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2.0 is not for writers


class _WriterFormatter(logging.Formatter):
    docs_dir: Path | None = None  # set once the configuration is read, to locate link warnings

    def format(self, record: logging.LogRecord) -> str:
        located = writer_line(record.getMessage(), self.docs_dir)
        if located:  # the strict build fails on these: they are errors to the writer
            return located
        message = without_traceback(record.getMessage())
        if record.levelno >= logging.ERROR:
            return message
        return f"warning: {message}"


def _quiet_mkdocs_logging() -> _WriterFormatter:
    formatter = _WriterFormatter()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    handler.setLevel(logging.WARNING)
    for name in ("mkdocs", "mkdocs_macros", "mkdocs.plugins.macros"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.WARNING)
    return formatter


def unexpected_error_line(error: BaseException) -> str:
    """What a writer reads when something outside their text failed (a disk, a plugin, the guide's own code)."""
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return (f"{where}{error.strerror or error}; check that the file or folder exists, that you may write to it "
                "and that the disk is not full, then build again")
    return (f"the build stopped on a problem in the site's code or a plugin, not in your text ({type(error).__name__}: "
            f"{str(error).splitlines()[0] if str(error) else 'no message'}); build again, and if it stays, send this "
            "line to the developers")


def macro_fault_line(error: BaseException) -> str:
    """A macro that failed on something other than the writer's values (a component or the guide's code)."""
    message = str(error).splitlines()[0] if str(error) else "no message"
    return (f"the macro failed on a problem in the site's code, not in your text ({type(error).__name__}: {message}); "
            "send this line to the developers")


@dataclass
class BuildResult:
    grades: dict[str, float]  # reading grade per page
    warnings: list[str] = field(default_factory=list)  # things to plan for, such as reviews due soon
    notes: list[str] = field(default_factory=list)  # what the build could not check, such as absent evidence


def _unreadable_config(config_file: Path) -> str | None:
    """mkdocs.yml is the writer's file too (the navigation): name its line rather than fail inside MkDocs."""
    from .file_reading import UnreadableFile, read_text

    try:
        read_text(config_file, config_file.name)
    except UnreadableFile as unreadable:
        return str(unreadable.error)
    return None


def _tell_plugin(config: Any, **settings: bool) -> None:
    plugin = config.plugins.get("mbc-guide")
    for name, value in settings.items() if plugin is not None else ():
        setattr(plugin, name, value)


def build_site(config_file: Path, site_dir: Path, pdfs: bool = False, preview: bool = False) -> BuildResult | None:
    """Build into a temporary folder (with the handout PDFs when asked); replace site_dir only when the whole
    build succeeded. Returns None when the build failed, after printing each error as one line.
    """
    from .pdf import ChromiumMissing, render_handouts
    from .theme_reuse import theme_work_reused
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    formatter = _quiet_mkdocs_logging()
    config_problem = _unreadable_config(config_file)
    if config_problem:
        print(config_problem, file=sys.stderr)
        return None
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site_dir.parent))
    try:  # the staging folder goes on every way out: errors, Ctrl+C, a kill turned into an exception
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=True)
        formatter.docs_dir = Path(config.docs_dir)
        _tell_plugin(config, pdfs=pdfs, preview=preview)
        with theme_work_reused():
            build(config)
        if pdfs:
            render_handouts(staging)
        if site_dir.exists():
            shutil.rmtree(site_dir)
        staging.rename(site_dir)
    except (Abort, ConfigurationError) as error:
        if not str(error).startswith("Aborted with"):
            print(f"error: {error}", file=sys.stderr)
        return None
    except SystemExit:  # mkdocs-macros exits after printing its own error
        return None
    except ChromiumMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return None
    except Exception as error:  # never a traceback for writers: one line saying what happened and what to do
        print(f"error: {unexpected_error_line(error)}", file=sys.stderr)
        return None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    plugin = config.plugins.get("mbc-guide")  # absent only when a benchmark builds the bare pages
    if plugin is None:
        return BuildResult({})
    return BuildResult(dict(plugin.reading_grades), list(plugin.warnings), [plugin.evidence_note] if plugin.evidence_note else [])

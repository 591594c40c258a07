"""MkDocs' own warnings about links, in the writer's form: `content/<page>.md:<line>: what is wrong and what to do`."""
from __future__ import annotations

import re
from pathlib import Path

from .languages import page_path_in_edition

LINK_WARNING = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:an? )?(?P<kind>absolute |unrecognized relative )?"
                          r"link '(?P<link>[^']+)', (?P<rest>.*)$", re.S)
MISSING_ANCHOR = re.compile(r"the doc '(?P<doc>[^']+)' does not contain an anchor '(?P<anchor>[^']+)'")


MACRO_ERROR = re.compile(r"_File_: `(?P<page>[^`]+)`\s+_(?P<kind>\w+)_: (?P<message>[^\n]*)")
TEMPLATE_LINE = re.compile(r'File "<template>", line (\d+)')


def writer_line(message: str, docs_dir: Path | None) -> str | None:
    """The located line for a MkDocs link warning or a page mkdocs-macros could not render, or None."""
    if docs_dir is not None and MACRO_ERROR.search(message):
        return _macro_error_line(message, docs_dir)
    found = LINK_WARNING.match(message)
    if not found or docs_dir is None:
        return None
    page, link, rest = found.group("page"), found.group("link"), found.group("rest")
    anchor = MISSING_ANCHOR.search(rest)
    if found.group("kind") == "absolute ":
        what = f"link '{link}' starts with '/'; link to the page's file instead, such as her2-positive.md"
    elif found.group("kind"):
        what = f"link '{link}' is not a page of the site; link to a .md file in {docs_dir.name}/"
    elif anchor:
        what = (f"link '{link}': {page_path_in_edition(anchor.group('doc'))} has no heading with the anchor '{anchor.group('anchor')}'; "
                "check the heading's words")
    elif "no such anchor on this page" in rest:
        what = f"link '{link}': this page has no heading with that anchor; check the heading's words"
    else:
        what = f"link '{link}' goes to no page in {docs_dir.name}/; check the file name"
    return f"{docs_dir.name}/{page}:{_line_of(docs_dir / page, link)}: {what}"


def _macro_error_line(message: str, docs_dir: Path) -> str:
    """mkdocs-macros' report of a page whose template code failed as it ran (such as {{ 1/0 }})."""
    found = MACRO_ERROR.search(message)
    page = found.group("page")
    lines = TEMPLATE_LINE.findall(message)
    where = f"{docs_dir.name}/{page}"
    if lines:
        where += f":{int(lines[-1]) + _front_matter_lines(docs_dir / page)}"
    return (f"{where}: the template code on this line failed ({found.group('kind')}: {found.group('message')}); "
            "check the macro call or remove the braces")


def _front_matter_lines(path: Path) -> int:
    from mkdocs.utils.meta import get_data

    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    return len(source.splitlines()) - len(get_data(source)[0].splitlines())


def _line_of(path: Path, link: str) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return "1"
    for target in (f"]({link}", f"<{link}>", link):
        for number, line in enumerate(lines, 1):
            if target in line:
                return str(number)
    return "1"


def without_traceback(message: str) -> str:
    """A plugin that logs a traceback: keep what it said before it, on one line."""
    if "Traceback (most recent call last)" not in message:
        return message
    head = message.split("Traceback (most recent call last)")[0]
    return " ".join(part.strip(" `_#*") for part in head.split("\n") if part.strip(" `_#*")) or message.splitlines()[0]

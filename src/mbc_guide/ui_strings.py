"""The words of the site's own making (component headings, table heads, sentences around data), in every language.

They live in ui_strings.yaml beside this module: one item per string, `id`, `en` and `ko`, with `{name}` slots for
what the template or helper fills in (a link, a number, a name). The catalogue is ours, like the templates: its text
may hold the same simple markup the templates would (<strong>, <em>); values filled in are escaped unless they are
markup already. A string without Korean fails a Korean page with the catalogue's file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from pydantic import Field

from .errors import DataError
from .loading import _load_file
from .models import Strict

CATALOGUE = Path(__file__).with_name("ui_strings.yaml")
SHOWN = "src/mbc_guide/ui_strings.yaml"


class UiString(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$", description="where it is used: component.what")
    en: str = Field(min_length=1)
    ko: str | None = Field(None, min_length=1, description="the Korean, 합니다체; missing fails a Korean page")


class MissingUiString(LookupError):
    pass


@dataclass(frozen=True)
class Catalogue:
    strings: dict[str, UiString]
    lines: dict[str, int]
    errors: tuple[DataError, ...]
    shown: str = SHOWN

    def text(self, string_id: str, language: str) -> str:
        if string_id not in self.strings:
            raise MissingUiString(f"{self.shown}: no string with id {string_id!r}; add it with its en and ko")
        value = getattr(self.strings[string_id], language, None)
        if not value:
            raise MissingUiString(f"{self.shown}:{self.lines[string_id]}: {string_id}.{language}: missing "
                                  f"{'Korean' if language == 'ko' else language} text for {self.strings[string_id].en!r}")
        return value

    def missing(self, language: str) -> list[DataError]:
        """Every string without text in the language, one located line each (the Korean build's gate)."""
        return [DataError(self.shown, self.lines[string_id], f"{string_id}.{language}", "missing Korean text")
                for string_id, string in self.strings.items() if not getattr(string, language, None)]


_loaded: dict[tuple[Path, str, int, int], Catalogue] = {}


def catalogue_problems(language: str) -> list[str]:
    """For the build's gate: the catalogue's errors, else every string without text in the language; one line each."""
    try:
        catalogue = load_catalogue()
    except MissingUiString as errors:
        return str(errors).splitlines()
    return [str(problem) for problem in catalogue.missing(language)]


def load_catalogue(path: Path | None = None, shown: str | None = None) -> Catalogue:
    """The catalogue (ui_strings.yaml unless told), read once per content of the file."""
    path, shown = path or CATALOGUE, shown or SHOWN
    # Called for every string of every page: a stat, not a read, tells whether the file changed since.
    status = path.stat()
    key = (path, shown, status.st_mtime_ns, status.st_size)
    if key not in _loaded:
        items, errors, _ = _load_file(path, shown, UiString)
        strings: dict[str, UiString] = {}
        lines: dict[str, int] = {}
        for item in items:
            string: UiString = item.entry  # type: ignore[assignment]
            if string.id in strings:
                errors.append(item.error(("id",), string.id, f"id used twice; the first is on line {lines[string.id]}"))
                continue
            strings[string.id] = string
            lines[string.id] = item.node.line
        _loaded.clear()
        _loaded[key] = Catalogue(strings, lines, tuple(errors), shown)
    catalogue = _loaded[key]
    if catalogue.errors:
        raise MissingUiString("\n".join(str(error) for error in catalogue.errors))
    return catalogue


def _text_for(string_id: str, language: str, values: dict[str, object]) -> str:
    """The string's text; for a count of 1 its `_one` form where the catalogue has one ("Show the source", not
    "Show the 1 sources")."""
    catalogue = load_catalogue()
    singular = f"{string_id}_one"
    if values.get("count") == 1 and singular in catalogue.strings:
        string_id = singular
    return catalogue.text(string_id, language)


def ui_text(string_id: str, language: str, **values: object) -> str:
    """A catalogue string as plain text with its slots filled: for Python helpers that build plain sentences."""
    text = _text_for(string_id, language, values)
    return text.format(**values) if values else text


def ui_markup(string_id: str, language: str, **values: object) -> Markup:
    """A catalogue string for a template: its own markup kept, the values escaped unless they are markup."""
    text = Markup(_text_for(string_id, language, values))
    return text.format(**values) if values else text


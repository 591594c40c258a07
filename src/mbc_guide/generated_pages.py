"""Pages built from data: one per treatment option (options/<id>.md) and one per study (studies/<id>.md), each with
an index. A writer's own Markdown for a page (content/options/<id>.md or content/studies/<id>.md) comes first,
under the page title, line for line, so a mistake in it is reported at its own line."""
from __future__ import annotations

from dataclasses import dataclass

from .registry import Registry

OPTIONS, STUDIES = "options", "studies"
INDEX = {OPTIONS: "Treatment options", STUDIES: "Studies"}


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    title: str
    source: str  # Markdown: the writer's own text, if any, then the macro that builds the page


def option_path(treatment: str) -> str:
    return f"{OPTIONS}/{treatment}.md"


def study_path(trial: str) -> str:
    return f"{STUDIES}/{trial}.md"


def index_path(folder: str) -> str:
    return f"{folder}/index.md"


def is_generated(path: str) -> bool:
    return path.split("/", 1)[0] in INDEX


def generated_pages(registry: Registry, writer_texts: dict[str, str]) -> list[GeneratedPage]:
    pages = [GeneratedPage(index_path(folder), title, f'{{{{ page_index("{folder}") }}}}\n') for folder, title in INDEX.items()]
    pages += [GeneratedPage(option_path(t.id), t.name["en"], f'{{{{ option_page("{t.id}") }}}}\n')
              for t in registry.treatments.values()]
    pages += [GeneratedPage(study_path(t.id), f"The {t.name} study", f'{{{{ study_page("{t.id}") }}}}\n')
              for t in registry.trials.values()]
    return [GeneratedPage(page.path, page.title, _with_writer_text(writer_texts.get(page.path), page.source)) for page in pages]


def _with_writer_text(text: str | None, body: str) -> str:
    return f"{text.rstrip()}\n\n{body}" if text and text.strip() else body


def nav_section(registry: Registry, folder: str) -> dict[str, list[object]]:
    """The navigation entry for one folder: its index, then options by subtype, or studies in data order."""
    entries: list[object] = [index_path(folder)]
    if folder == OPTIONS:
        for subtype in registry.subtypes.values():
            entries.append({subtype.short_name["en"]: [{t.name["en"]: option_path(t.id)}
                                                       for t in registry.treatments_for(subtype.id)]})
    else:
        entries += [{t.name: study_path(t.id)} for t in registry.trials.values()]
    return {INDEX[folder]: entries}

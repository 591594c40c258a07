"""Pages built from data: one per treatment option (options/<id>.md), one per study (studies/<id>.md) and one
comparison per type of cancer (compare/<subtype>.md), each with an index. A writer's own Markdown for a page (content/options/<id>.md or content/studies/<id>.md) comes first,
under the page title, line for line, so a mistake in it is reported at its own line."""
from __future__ import annotations

from dataclasses import dataclass

from .languages import DEFAULT_LANGUAGE, text_in
from .phrases import mid_sentence
from .registry import Registry
from .ui_strings import ui_text

OPTIONS, STUDIES, COMPARE = "options", "studies", "compare"
INDEX = {OPTIONS: "Treatment options", STUDIES: "Studies", COMPARE: "Compare options"}  # English: ui_strings index.*
# The compare pages' index is a writer's page at the old address of the one compare page, so old links keep working.
WRITTEN_INDEX = {COMPARE: "compare-options.md"}


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    title: str
    source: str  # Markdown: the writer's own text, if any, then the macro that builds the page


def option_path(treatment: str) -> str:
    return f"{OPTIONS}/{treatment}.md"


def study_path(trial: str) -> str:
    return f"{STUDIES}/{trial}.md"


def compare_path(subtype: str) -> str:
    return f"{COMPARE}/{subtype}.md"


def compare_title(subtype_name: str, language: str = DEFAULT_LANGUAGE) -> str:
    return ui_text("generated.compare_title", language, subtype=mid_sentence(subtype_name))


def index_title(folder: str, language: str = DEFAULT_LANGUAGE) -> str:
    return ui_text(f"generated.index.{folder}", language)


def index_path(folder: str) -> str:
    return WRITTEN_INDEX.get(folder, f"{folder}/index.md")


def is_generated(path: str) -> bool:
    return path.split("/", 1)[0] in INDEX


def generated_pages(registry: Registry, writer_texts: dict[str, str], language: str = "en") -> list[GeneratedPage]:
    """The generated pages of one edition: paths without a language folder, titles in the edition's language
    (give the edition's registry: for Korean, languages.registry_in(registry, "ko", ...))."""
    pages = [GeneratedPage(index_path(folder), index_title(folder, language), f'{{{{ page_index("{folder}") }}}}\n')
             for folder in INDEX if folder not in WRITTEN_INDEX]
    pages += [GeneratedPage(option_path(t.id), text_in(t.name, language), f'{{{{ option_page("{t.id}") }}}}\n')
              for t in registry.treatments.values()]
    pages += [GeneratedPage(study_path(t.id), ui_text("study.the_study", language, trial=t.name),
                            f'{{{{ study_page("{t.id}") }}}}\n')
              for t in registry.trials.values()]
    pages += [GeneratedPage(compare_path(s.id), compare_title(text_in(s.short_name, language), language),
                            f'{{{{ compare_page("{s.id}") }}}}\n')
              for s in registry.subtypes.values()]
    return [GeneratedPage(page.path, page.title, _with_writer_text(writer_texts.get(page.path), page.source)) for page in pages]


def _with_writer_text(text: str | None, body: str) -> str:
    return f"{text.rstrip()}\n\n{body}" if text and text.strip() else body


def nav_section(registry: Registry, folder: str, language: str = DEFAULT_LANGUAGE) -> dict[str, list[object]]:
    """The navigation entry for one folder: its index, then its pages by type of cancer (folded, so the menu stays
    short). A study goes under the types its options are for; one without options (pooled side effects) apart.
    Titles in the edition's language (give that edition's registry)."""
    def name_of(text: dict[str, str]) -> str:
        return text_in(text, language)
    title = index_title(folder, language)
    groups: dict[str, list[object]] = {name_of(subtype.short_name): [] for subtype in registry.subtypes.values()}
    if folder == COMPARE:  # one page per type: listed flat
        return {title: [index_path(folder), *({compare_title(name_of(s.short_name), language): compare_path(s.id)}
                                              for s in registry.subtypes.values())]}
    if folder == OPTIONS:
        for subtype in registry.subtypes.values():
            groups[name_of(subtype.short_name)] = [{name_of(t.name): option_path(t.id)}
                                                   for t in registry.treatments_for(subtype.id)]
    else:
        for trial in registry.trials.values():
            options = [registry.treatments[arm.treatment] for arm in trial.arms if arm.treatment in registry.treatments]
            subtypes = dict.fromkeys(name_of(registry.subtypes[s].short_name) for t in options for s in t.subtypes)
            for name in subtypes or [ui_text("generated.pooled", language)]:
                groups.setdefault(name, []).append({trial.name: study_path(trial.id)})
    return {title: [index_path(folder), *({name: pages} for name, pages in groups.items() if pages)]}

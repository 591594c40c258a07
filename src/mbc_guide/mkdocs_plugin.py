"""MkDocs plugin: load and check data once per build, give macros the registry, report writer errors in one line each."""
from __future__ import annotations

import functools
import logging
import os
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Callable

from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils.meta import get_data as get_markdown_meta

from . import clock
from .charts import restart_ids
from .building import macro_fault_line
from .deferred_html import DeferredHtml
from .editions import served, served_of, source
from .errors import DataErrors
from .evidence import check_against_shared
from .file_reading import utf8_problem
from .front_matter import front_matter_problems
from .macro_calls import call_lines, call_problems
from .generated_pages import INDEX, OPTIONS, generated_pages, index_path, is_generated, nav_section
from .edition_gate import korean_text_problems, unpaired_pages
from .languages import DEFAULT_LANGUAGE as DEFAULT, KOREAN, editions, page_path_in_edition as in_edition, registry_in
from .glossary import ABBREVIATION, abbreviation_lines, focusable_first_uses, terms_used, undefined_abbreviations
from .page_checks import template_problems
from .parsed_pages import ParsedPages
from .handouts import Handout, html_path, is_handout
from . import korean_lint
from .korean_tooltips import korean_terms_used, with_tooltips
from .lint import (Finding, frequency_words_against_rates, front_matter_shadows, hosts_readers_must_not_visit,
                   images_without_alt, long_sentences, missing_sections, prose_lines, raw_html, reading_grade_finding,
                   terms_before_explained, typed_figures, unknown_source_links)
from .page_macros import USED_BY_PATTERN, GuideMacros, SiteFacts
from .reading_level import reading_grade
from .registry import Registry, UnknownId
from .registry_cache import load_registry_cached
from .rendering import reused_component_environment
from .publisher import is_publishing, placeholder_problems
from .reviews import allow_overdue, review_for, review_problems, reviews_due_soon, stale_access_notes
from .used_by import linked_sources, sources_by_address, used_on
from .valid_html import toggles_without_autocomplete

log = logging.getLogger("mkdocs.plugins.mbc_guide")
OVERLAY_FOLDER = "_preview"  # where the preview writes its error overlay (preview.py)
HANDOUT_MACROS = ("handout", "symptom_cards")
# Option pages answer "will I lose my hair?", "when do I call?": search ranks them above pages that only mention it.
OPTION_SEARCH_BOOST = 2
# Korean words end at brackets and middle dots too (`간질성 폐질환(폐렴)은`): docs/korean-edition.md, Search.
SEARCH_PLUGIN, OFFLINE_PLUGIN = "material/search", "material/offline"
KOREAN_SEARCH_SEPARATOR = r"[\s\-\(\)\[\]\.,·/]+"


class GuideConfig(Config):
    data_dir = config_options.Type(str, default="data")
    components_dir = config_options.Type(str, default="overrides/components")


class GuidePlugin(BasePlugin[GuideConfig]):
    registry: Registry
    macros: GuideMacros
    pdfs = False  # set by build_site when it prints the handout PDFs; pages link only to PDFs that exist
    preview = False  # set by the preview: pages get the error overlay

    def __init__(self) -> None:
        self.deferred = DeferredHtml()
        self.parsed_pages = ParsedPages()
        self.edition = DEFAULT
        self._first_edition = True
        self._writer_nav: list[Any] | None = None
        self._start_build()

    def _start_build(self) -> None:
        """What one build collects; a live preview builds many times with the same plugin."""
        self.warnings: list[str] = []
        self.reading_grades: dict[str, float] = {}
        self._start_edition()

    def _start_edition(self) -> None:
        """What one edition's build collects (the i18n plugin builds each edition in turn with this plugin)."""
        self.page_errors: list[str] = []
        self.generated_titles: dict[str, str] = {}
        self.unrendered_pages: list[str] = []
        self.terms_seen: set[str] = set()
        self.source_pages: dict[str, dict[str, str]] = defaultdict(dict)
        self.call_lines: dict[str, list[int]] = {}
        self.calls_made: dict[str, int] = {}
        self.front_matter_lines = 0

    @event_priority(100)  # before mkdocs-macros, whose define_env needs the registry, and before the i18n plugin
    def on_config(self, config: Any) -> Any:
        first_edition = self._choose_edition(config)
        project = Path(config.config_file_path).parent
        data_dir = project / self.config.data_dir
        try:
            self.registry = load_registry_cached(data_dir, shown_prefix=self.config.data_dir)
        except DataErrors as errors:
            raise PluginError(str(errors)) from None
        evidence_problems, self.evidence_note = check_against_shared(self.registry, project)
        if evidence_problems:
            raise PluginError(str(DataErrors(evidence_problems)))
        if not config.site_url:
            raise PluginError("mkdocs.yml: site_url: set the site's web address; handouts print it and their QR codes point to it")
        placeholders = placeholder_problems(config.extra, config.site_url)
        if placeholders and is_publishing(os.environ):
            raise PluginError("\n".join(placeholders))
        self._placeholder_warnings = [f"{line} (preview build: not for publishing)" for line in placeholders]
        if first_edition and KOREAN in self.editions:  # the gate: nothing half-translated is published
            gate = [*korean_text_problems(self.registry, data_dir, self.config.data_dir),
                    *unpaired_pages(Path(config.docs_dir))]
            if gate:
                raise PluginError("\n".join(gate))
        registries = {KOREAN: registry_in(self.registry, KOREAN, data_dir, self.config.data_dir)} if KOREAN in self.editions else {}
        self.edition_registry = registries.get(self.edition, self.registry)
        site = SiteFacts(name=self._edition_setting(config, "site_name"), url=config.site_url, pdfs=self.pdfs)
        self.macros = GuideMacros(self.registry, reused_component_environment(project / self.config.components_dir), site,
                                  registries)
        self._first_edition = first_edition
        if first_edition:
            self._start_build()
            self._warn(self._placeholder_warnings)
            self._writer_nav = config.nav  # each edition's navigation is made from the writers' one
        self._start_edition()
        self.known_capitals = self._capitalised_names()
        self.source_addresses = sources_by_address(self.registry.sources.values())
        config.nav = _with_generated_nav(self._writer_nav, self.edition_registry, self.edition)
        return config

    def _warn(self, lines: Iterable[str]) -> None:
        """Each warning once per build: every edition is built with this plugin, and warnings about the shared data
        (review dates, access notes) come from each of them; a warning only one edition gives is kept too."""
        self.warnings += [line for line in dict.fromkeys(lines) if line not in self.warnings]

    def _choose_edition(self, config: Any) -> bool:
        """The edition this build makes, from the i18n plugin; on the first build, the editions extra.editions turns
        on. True for the first edition's build."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            self.edition, self.editions = DEFAULT, [DEFAULT]
            return True
        first = i18n.current_language is None
        if first:
            try:
                self.editions = wanted = editions(config.extra)
            except ValueError as problem:
                raise PluginError(str(problem)) from None
            for language in i18n.config.languages:
                language.build = language.locale in wanted
            if len(wanted) > 1 and SEARCH_PLUGIN in config.plugins:
                config.plugins[SEARCH_PLUGIN].config.separator = KOREAN_SEARCH_SEPARATOR
        self.edition = i18n.current_language or DEFAULT
        return first

    def _edition_setting(self, config: Any, name: str) -> Any:
        """A setting as this edition has it: the i18n plugin applies its languages' settings after this plugin."""
        i18n = config.plugins.get("i18n")
        if i18n is not None and self.edition != DEFAULT:
            value = i18n.get_language_config(self.edition).get(name)
            if value is not None:
                return value
        return config[name]

    def _capitalised_names(self) -> set[str]:
        """Capitalised words in trial names and source titles: names, not abbreviations to define."""
        texts = [t.name for t in self.registry.trials.values()]
        texts += [f"{s.title} {s.publisher} {s.read_in or ''}" for s in self.registry.sources.values()]
        texts += [note.source_title for note in self.registry.access.values()]
        texts += [fact.source_title for fact in self.registry.costs.values()]
        return {match.group(0) for text in texts for match in ABBREVIATION.finditer(text)}

    @event_priority(-110)  # after the i18n plugin has kept this edition's pages
    def on_files(self, files: Any, config: Any) -> Any:
        self._refuse_unreadable_pages(files, config)
        self._add_generated_pages(files, config)
        pages = [in_edition(f.src_uri) for f in files.documentation_pages()]
        allowed, notice = allow_overdue(dict(os.environ))
        if notice and self._first_edition:  # once per build, not once per edition
            log.warning(notice)
        today = clock.today()
        problems = review_problems(self.registry, pages, today, allowed)
        self._warn(str(warning) for warning in reviews_due_soon(self.registry, today))
        self._warn(str(warning) for warning in stale_access_notes(self.registry))
        # Entries that name the page explaining them: subtypes and urgent symptoms.
        for kind in ("subtypes", "alerts"):
            for entry in getattr(self.registry, kind).values():
                if entry.page not in pages:
                    problems.append(self.registry.error_at(kind, entry.id, ("page",), f"no page {entry.page!r} in content/"))
        if problems:
            raise PluginError("\n".join(str(problem) for problem in problems))
        self.macros.site.handouts = [Handout(in_edition(f.src_uri), _title(f)) for f in files.documentation_pages()
                                     if is_handout(in_edition(f.src_uri))]
        self._redirect_within_edition(files, config)
        self._list_in_sitemap(files, config)
        return files

    def _list_in_sitemap(self, files: Any, config: Any) -> None:
        """The i18n plugin's sitemap lists the pages it placed; pages built from data are added after it."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return
        for file in files.documentation_pages():
            if not hasattr(file, "alternates"):  # what the i18n plugin gives the files it places
                file.alternates, file.locale, file.locale_alternate_of = {self.edition: file}, self.edition, self.edition
        i18n.i18n_files_per_language[self.edition] = files.documentation_pages()

    def _redirect_within_edition(self, files: Any, config: Any) -> None:
        """mkdocs-redirects reads the pages before the i18n plugin places them: give it the pages by their path in the
        edition (the redirect map names them so); the moved addresses are the default edition's."""
        redirects = config.plugins.get("redirects")
        if redirects is None:
            return
        if self.edition != DEFAULT:
            redirects.redirects = {}
            return
        redirects.doc_pages = {in_edition(f.src_uri): f for f in files.documentation_pages()}

    @staticmethod
    def _refuse_unreadable_pages(files: Any, config: Any) -> None:
        """A page that is not UTF-8 would stop MkDocs with a traceback: name its line instead."""
        prefix = Path(config.docs_dir).name
        problems = [problem for f in files.documentation_pages()
                    if (problem := utf8_problem(Path(f.abs_src_path).read_bytes(), f"{prefix}/{f.src_uri}"))]
        if problems:
            raise PluginError("\n".join(map(str, problems)))

    def _add_generated_pages(self, files: Any, config: Any) -> None:
        """A page per option and per study, from data. A writer's own file for one of them (e.g.
        content/options/thp.md) is not a page of its own: its text opens the generated page."""
        from mkdocs.structure.files import File

        writer_texts = {}
        for file in list(files.documentation_pages()):
            if is_generated(in_edition(file.src_uri)):
                writer_texts[in_edition(file.src_uri)] = file.content_string
                files.remove(file)
        self.generated_titles = {}
        for page in generated_pages(self.edition_registry, writer_texts, self.edition):
            src_uri = source(self.edition, page.path)
            file = File.generated(config, src_uri, content=page.source)
            file.dest_uri = html_path(served(self.edition, page.path))  # the default edition's pages at the root
            files.append(file)
            self.generated_titles[src_uri] = page.title
        unknown = sorted(set(writer_texts) - {in_edition(path) for path in self.generated_titles})
        if unknown:
            prefix = f"{Path(config.docs_dir).name}/{self.edition}/"
            raise PluginError("\n".join(f"{prefix}{path}: no option or study with this id in data/; a writer's page in "
                                         f"{path.split('/')[0]}/ adds text to the page built for that id" for path in unknown))

    def on_nav(self, nav: Any, config: Any, files: Any) -> Any:
        in_nav = {page.file.src_uri for page in nav.pages}
        missing = [f.src_uri for f in files.documentation_pages() if f.src_uri not in in_nav]
        if missing:
            prefix = f"{Path(config.docs_dir).name}/"
            raise PluginError("\n".join(f"{prefix}{page}: page is not in the navigation; add it under nav: in mkdocs.yml"
                                         for page in missing))
        return nav

    def register_macros(self, env: Any) -> None:
        """Called from macros/main.py: expose every guide macro, each reporting errors against its page."""
        for name, function in self.macros.exposed().items():
            env.macro(self._guarded(name, function), name)

    def _guarded(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def call(*args: Any, **kwargs: Any) -> Any:
            where = self._call_location(name)
            try:
                output = function(*args, **kwargs)
                return Markup(self.deferred.hold(str(output)))
            except (UnknownId, LookupError, TypeError) as error:
                message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
                self.page_errors.append(f"{where}: {name}(): {message}")
            except Exception as error:  # a fault in a component or in the guide's code: one line, never a traceback
                self.page_errors.append(f"{where}: {name}(): {macro_fault_line(error)}")
            self.unrendered_pages.append(self._page_source)  # its reading grade and terms would mislead
            return ""
        return call

    def _call_location(self, name: str) -> str:
        """`content/page.md:LINE` of this call: the n-th call of a macro at run time is its n-th call in the page."""
        lines = self.call_lines.get(name, [])
        count = self.calls_made[name] = self.calls_made.get(name, 0) + 1
        line = f":{lines[count - 1] + self.front_matter_lines}" if count <= len(lines) else ""
        return f"{self._docs_prefix}{self._page_source}{line}"

    @event_priority(100)  # before mkdocs-macros renders the page
    def _start_page(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        if "i18n" in config.plugins:  # it joins the lines before mkdocs-macros renders: check the text it will get,
            markdown = "\n".join(markdown.splitlines())  # so that its parsed tree is the one compiled (parsed_pages)
        self._docs_prefix = f"{Path(config.docs_dir).name}/"
        self._page_source = page.file.src_uri
        if page.file.src_uri in self.generated_titles:  # built from data: its title, no summary box
            page.meta.setdefault("title", self.generated_titles[page.file.src_uri])
            page.meta.setdefault("reference", True)
            if in_edition(page.file.src_uri).startswith(f"{OPTIONS}/"):  # "hair", "fever", "tired" lead to the options first
                page.meta.setdefault("search", {"boost": OPTION_SEARCH_BOOST})
        # Macros see the page where it is served (ko/index.md): their relative links and its language follow from it.
        self.macros.start_page(served_of(page.file.src_uri), markdown)
        self.deferred.start_page()
        restart_ids()
        macros_plugin = config.plugins["macros"]
        self.parsed_pages.install(macros_plugin.env)
        source = page.file.content_string  # read from disk at each use: read once
        front_matter_lines = len(source.splitlines()) - len(markdown.splitlines())
        self.front_matter_lines, self.calls_made = front_matter_lines, {}
        shown_path = f"{self._docs_prefix}{page.file.src_path}"
        shadows = list(front_matter_shadows(shown_path, source, GuideMacros.MACROS))
        self._page_markdown = markdown
        problems = [] if shadows else template_problems(macros_plugin.env, markdown, macros_plugin.variables,
                                                        self._check_calls)
        for line, message in problems:
            self.page_errors.append(f"{shown_path}:{line + front_matter_lines}: {message}")
        findings = [*shadows, *front_matter_problems(shown_path, source, page.meta,
                                                     skip=GuideMacros.MACROS)]
        findings += self._lint(shown_path, markdown, page.meta, front_matter_lines + 1)
        if not problems and not shadows:
            findings += self._handout_problems(shown_path, page)
        self.page_errors += [str(finding) for finding in findings]
        # A page with problems is not rendered: mkdocs-macros would stop the build with a traceback.
        if problems or shadows:
            self.unrendered_pages.append(page.file.src_uri)
            return ""
        return markdown

    def _check_calls(self, tree: Any) -> list[tuple[int, str]]:
        """Each macro call against its signature and allowed values; also where each call is, for errors later."""
        self.call_lines = call_lines(tree, GuideMacros.MACROS)
        problems = list(call_problems(tree, self.macros.exposed(), self.registry))
        if not problems:
            self.parsed_pages.keep(self.macros.page.path, self._page_markdown, tree)
        return problems

    def _handout_problems(self, path: str, page: Any) -> list[Finding]:
        """A handout page prints its sheet through a handout macro, which adds the date, web address, QR code and
        care team box; without one it would print none of them."""
        if not (is_handout(in_edition(page.file.src_uri)) or page.meta.get("template") == "handout.html"):
            return []
        if set(self.call_lines) & set(HANDOUT_MACROS):
            return []
        return [Finding(path, 1, "a handout page shows its sheet with handout(subtype) or symptom_cards(), which "
                                 "print the date, web address, QR code and care team box; add one of them")]

    def _lint(self, path: str, markdown: str, meta: dict[str, Any], first_line: int) -> list[Finding]:
        """The writer's own text: long sentences, typed figures, terms before their plain words, links, images and
        (unless the page is marked `reference: true`) the summary and the questions. Korean pages: korean_lint."""
        shared = [*unknown_source_links(path, markdown, first_line, self.source_addresses),
                  *hosts_readers_must_not_visit(path, markdown, first_line),
                  *images_without_alt(path, markdown, first_line), *raw_html(path, markdown, first_line)]
        if self.edition == KOREAN:  # sentences in 어절, Korean sections and terms (the page's registry is Korean)
            return korean_lint.page_findings(path, markdown, meta, first_line,
                                             self.macros.registry.glossary.values()) + shared
        lines = prose_lines(markdown, first_line)
        findings = [*long_sentences(path, lines), *typed_figures(path, lines, meta.get("not_figures", [])),
                    *terms_before_explained(path, lines, self.registry.glossary.values()), *shared]
        if not meta.get("reference"):
            findings += missing_sections(path, markdown)
        return findings

    @event_priority(-100)  # after mkdocs-macros has rendered the page
    def _finish_page(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        path = page.file.src_path
        # The edition's registry: a Korean page's review line names its reviewer in Korean.
        page.meta["review"] = review_for(self.edition_registry, in_edition(page.file.src_uri))
        for source_id in {*self.macros.page.sources, *linked_sources(markdown, self.source_addresses)}:
            self.source_pages[source_id][page.file.url] = page.title or path
        readable = re.sub(r"<[^>]+>|\]\([^)]*\)|\{[^}]*\}", " ", self.deferred.restore(markdown))
        if self.edition != DEFAULT:  # English words and abbreviations are checked on English pages
            used = korean_terms_used(readable, self.edition_registry.glossary.values())
            return self._with_sources(self._with_words_used(markdown, page, used))  # tooltips: on_page_content
        for finding in frequency_words_against_rates(f"{self._docs_prefix}{path}", readable, page.file.content_string):
            self.page_errors.append(str(finding))
        for word in undefined_abbreviations(readable, self.registry.glossary.values(), self.known_capitals):
            self.page_errors.append(f"{self._docs_prefix}{path}: {word!r} is not defined in data/glossary.yaml; add it there")
        used = terms_used(readable, self.registry.glossary.values())
        return self._with_sources(self._with_words_used(markdown, page, used, abbreviation_lines(used)))

    def _with_words_used(self, markdown: str, page: Any, used: list[Any], abbreviations: str = "") -> str:
        """The page's glossary words, folded at its end, in the page's language; English pages also get their
        tooltips here, as Markdown abbreviations. The glossary page lists every term, so it does not count as using them."""
        if not used or not page.meta.get("words_on_page", True):
            return markdown
        self.terms_seen |= {term.id for term in used}
        words = self.macros.page_glossary(used)
        return markdown + f"\n\n## {self.macros.ui('page.words_used')} {{ data-search-exclude }}\n\n{self.deferred.hold(words)}\n\n{abbreviations}\n"

    def _with_sources(self, markdown: str) -> str:
        sources = str(self.macros.sources_section())  # str(): adding Markup to text would escape the page
        if sources:
            markdown += f"\n\n## {self.macros.ui('page.sources')} {{ data-search-exclude }}\n\n{self.deferred.hold(sources)}\n"
        return markdown

    on_page_markdown = CombinedEvent(_start_page, _finish_page)

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        if self.edition != DEFAULT:  # the grade formula is for English
            return focusable_first_uses(self.deferred.restore(self._with_korean_tooltips(html, page)))
        html = self.deferred.restore(html)
        self.reading_grades[in_edition(page.file.src_uri)] = grade = reading_grade(html)
        too_hard = reading_grade_finding(f"{self._docs_prefix}{page.file.src_path}", grade)
        if too_hard and page.file.src_uri not in self.unrendered_pages:
            self.page_errors.append(str(too_hard))
        return focusable_first_uses(html)

    def _with_korean_tooltips(self, html: str, page: Any) -> str:
        """Tooltips for the writer's words, as English pages get from Markdown abbreviations: added before the macros'
        HTML is put back, so it stays as the macros made it. None on the glossary page, which defines every term."""
        if not page.meta.get("words_on_page", True):
            return html
        return with_tooltips(html, self.edition_registry.glossary.values(), self.edition)

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        # Raised here, after every page is rendered and before any is written: all page errors at once, no half-built site.
        errors = list(self.page_errors)
        # Terms used only on a page that could not be rendered would look unused: report the page's error alone.
        for term in self.registry.glossary.values() if not self.unrendered_pages and self.edition == DEFAULT else ():
            if term.id not in self.terms_seen:
                errors.append(str(self.registry.error_at("glossary", term.id, ("term",), f"{term.term!r} is not used on any page; remove it or use it")))
        if errors:
            raise PluginError("\n".join(errors))
        return env

    @event_priority(-100)  # after the i18n plugin has set its own links
    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        """The language switch (overrides/partials/alternate.html): this page in each edition, as a relative link."""
        i18n = config.plugins.get("i18n")
        if i18n is None or len(i18n.build_languages) < 2:
            return context
        path, here = in_edition(page.file.src_uri), posixpath.dirname(page.url) or "."
        context["edition_links"] = [
            {"language": language, "name": i18n.get_language_config(language).name, "current": language == self.edition,
             "url": posixpath.relpath(html_path(served(language, path)), here)} for language in i18n.build_languages]
        return context

    @event_priority(-110)  # after the i18n plugin has built every edition and merged their search entries
    def on_post_build(self, config: Any) -> None:
        """Pages opened from disk search search/search_index.js, which the offline plugin wrote during the last
        edition's build, with that edition's pages only: write it again from the merged search_index.json."""
        i18n, offline = config.plugins.get("i18n"), config.plugins.get(OFFLINE_PLUGIN)
        if i18n is None or offline is None or i18n.building or len(i18n.build_languages) < 2:
            return
        offline.on_post_build(config=config)

    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        if template_name == "404.html" and self.edition != DEFAULT:
            return ""  # MkDocs skips empty output: the site's one 404 page, at the root, stays the English one
        if not template_name.endswith(".html"):
            return output
        return _without_head_alternates(toggles_without_autocomplete(output))  # 404.html, like every page

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return self._with_preview_overlay(self._with_used_by(_without_head_alternates(output), page))

    def _with_preview_overlay(self, output: str) -> str:
        """Preview builds only: the script that lists the current build errors over the page."""
        if not self.preview:
            return output
        return output.replace("</body>", f'<script src="/{OVERLAY_FOLDER}/overlay.js"></script></body>', 1)

    def _with_used_by(self, output: str, page: Any) -> str:
        """The sources page lists where each source is used, known only once every page is rendered."""
        output = toggles_without_autocomplete(output)
        if not USED_BY_PATTERN.search(output):
            return output
        here = posixpath.dirname(page.url)
        return USED_BY_PATTERN.sub(lambda match: used_on(self.source_pages.get(match.group(1), {}), here, self.edition), output)


def _with_generated_nav(nav: list[Any] | None, registry: Registry, language: str = DEFAULT) -> list[Any] | None:
    """Each `options/index.md` or `studies/index.md` entry of the navigation becomes that folder's pages, one for
    every option or study in data: a titled entry becomes a section, a bare one puts them in the section it is in."""
    if nav is None:
        return None
    folders = {index_path(folder): folder for folder in INDEX}
    expanded: list[Any] = []
    for entry in nav:
        target = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(entry, str) and entry in folders:
            expanded += next(iter(nav_section(registry, folders[entry], language).values()))
        elif isinstance(target, str) and target in folders:
            expanded.append({next(iter(entry)): next(iter(nav_section(registry, folders[target], language).values()))})
        elif isinstance(target, list):
            expanded.append({next(iter(entry)): _with_generated_nav(target, registry, language)})
        else:
            expanded.append(entry)
    return expanded


# Material fetches sitemap.xml for each <link rel="alternate" hreflang> in the head, which a page opened from disk
# may not do (console errors); the language switch links each edition itself, and sitemap.xml lists the alternates.
HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _without_head_alternates(output: str) -> str:
    head_end = output.find("</head>")
    return HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:] if head_end > 0 else output


def _title(file: Any) -> str:
    """A page's title from its front matter, else its first heading, else its file name."""
    markdown, meta = get_markdown_meta(file.content_string)
    if meta.get("title"):
        return str(meta["title"])
    heading = re.search(r"^# (.+)$", markdown, re.M)
    return heading.group(1).strip() if heading else file.name

"""Preview rebuilds redo only the pages that changed. A page's macros and the guide's checks run again unless
nothing they read changed: the page's text and front matter, every page of its edition, the settings and templates,
and the data (after a translator's edit in data/ko/, the English edition's pages keep what their macros made; an
edit to the English data changes both editions). A page whose Markdown after them, held HTML blocks and front
matter are those of the last good build is not converted to HTML again, and one whose navigation, templates and
settings are also the same is not put through the theme again: its HTML, search entries and reading grade are the
last good build's. The output is byte for byte that of a full build, because every input of the skipped steps is
part of the key that reuses them. The first build, and any change to mkdocs.yml, overrides/ (templates,
components), the set of files or the day, rebuilds every page.
"""
from __future__ import annotations

import copy
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build

from . import clock
from .page_effects import RenderedPage, rendered
from .ui_strings import load_catalogue


@dataclass(frozen=True)
class _Converted:
    """What Page.render and the on_page_content events left on a page."""

    content: str
    toc: Any
    title: str | None
    anchor_ids: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri: File objects are per build
    grade: float | None


@dataclass(frozen=True)
class _Written:
    """What _build_page left: the page file, the search entries it added, the content after on_page_context."""

    output: bytes | None
    search_entries: list[Any]
    content: str


class PageReuse:
    def __init__(self) -> None:
        self._rendered: dict[tuple[Any, ...], tuple[tuple[Any, ...], RenderedPage]] = {}
        self._converted: dict[tuple[Any, ...], _Converted] = {}
        self._written: dict[tuple[Any, ...], _Written] = {}
        self._start()
        self.reused = {"rendered": 0, "converted": 0, "written": 0}

    def _start(self) -> None:
        self._next_rendered: dict[tuple[Any, ...], tuple[tuple[Any, ...], RenderedPage]] = {}
        self._next_converted: dict[tuple[Any, ...], _Converted] = {}
        self._next_written: dict[tuple[Any, ...], _Written] = {}
        # (owner, signature) for the build's files, the edition's inputs and navigation and where its sources are
        # used (_once_for)
        self._build_signature: tuple[Any, str] | None = None
        self._inputs_signature: tuple[Any, str] | None = None
        self._nav_signature: tuple[Any, str] | None = None
        self._sources_signature: tuple[Any, str] | None = None
        # The page itself is held with its key: an id is unique only while its object lives (an edition's second build).
        self._page_keys: dict[int, tuple[Any, tuple[Any, ...]]] = {}

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Within: MkDocs' page steps go through this cache. Call finish() after the build."""
        self._start()
        self.reused = {"rendered": 0, "converted": 0, "written": 0}
        populate, build_page = mkdocs_build._populate_page, mkdocs_build._build_page
        mkdocs_build._populate_page = self._populate_page(populate)
        mkdocs_build._build_page = self._build_page(build_page)
        try:
            yield
        finally:
            mkdocs_build._populate_page, mkdocs_build._build_page = populate, build_page

    def finish(self, succeeded: bool) -> None:
        """Keep this build's pages for the next build only when it succeeded: a failed build may hold pages whose
        errors were reported by events the reuse would skip."""
        if succeeded:
            self._rendered, self._converted, self._written = self._next_rendered, self._next_converted, self._next_written
        self._start()

    def _populate_page(self, original: Any) -> Any:
        def populate(page: Any, config: Any, files: Any, dirty: bool = False) -> None:
            plugin = config.plugins.get("mbc-guide")
            if dirty or plugin is None:
                return original(page, config, files, dirty)
            config._current_page = page
            try:
                page = config.plugins.on_pre_page(page, config=config, files=files)
                page.read_source(config)
                self._run_page_markdown(page, config, files, plugin)
                key = (self._signature(config, files), page.file.src_uri, page.file.dest_uri, page.markdown,
                       tuple(plugin.deferred.blocks), repr(page.meta))
                self._page_keys[id(page)] = (page, key)
                converted = self._converted.get(key)
                if converted is None:
                    page.render(config, files)
                    page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
                    converted = _converted_from(page, plugin)
                else:
                    _restore_converted(page, converted, files, plugin)
                    self.reused["converted"] += 1
                self._next_converted[key] = converted
            except Exception as error:  # as MkDocs' own _populate_page reports it
                mkdocs_build.log.error(f"Error reading page '{page.file.src_uri}': {error}")
                raise
            finally:
                config._current_page = None
        return populate

    def _run_page_markdown(self, page: Any, config: Any, files: Any, plugin: Any) -> None:
        """The page_markdown events (macros and checks), or what they left last time when nothing they read changed:
        the page's text and front matter, the edition's pages and settings, and its data (the registries and the
        catalogue of interface strings are the same objects only while their files are unchanged)."""
        key = (self._edition_inputs(config, files, plugin), page.file.src_uri, page.markdown, repr(page.meta))
        read = (plugin.registry, plugin.edition_registry, load_catalogue())
        kept = self._rendered.get(key)
        if kept is not None and all(now is then for now, then in zip(read, kept[0])):
            kept[1].put_back(page, plugin)
            self.reused["rendered"] += 1
        else:
            kept = (read, rendered(page, plugin, lambda: config.plugins.on_page_markdown(
                page.markdown, page=page, config=config, files=files)))
        if kept[1] is not None:
            self._next_rendered[key] = kept

    def _build_page(self, original: Any) -> Any:
        def build_page(page: Any, config: Any, doc_files: Any, nav: Any, env: Any, dirty: bool = False,
                       excluded: bool = False) -> None:
            held, converted_key = self._page_keys.get(id(page), (None, None))
            plugin = config.plugins.get("mbc-guide")
            if dirty or excluded or held is not page or plugin is None:
                return original(page, config, doc_files, nav, env, dirty, excluded)
            key = (converted_key, self._navigation(nav), self._sources_used(plugin))
            written = self._written.get(key)
            indexes = _search_indexes(config)
            if written is None:
                counts = [len(index.entries) for index in indexes]
                original(page, config, doc_files, nav, env, dirty, excluded)
                destination = Path(page.file.abs_dest_path)
                written = _Written(destination.read_bytes() if destination.is_file() else None,
                                   [copy.deepcopy(index.entries[count:]) for index, count in zip(indexes, counts)],
                                   page.content)
            else:
                if written.output is not None:
                    utils.write_file(written.output, page.file.abs_dest_path)
                for index, entries in zip(indexes, written.search_entries):
                    index.entries.extend(copy.deepcopy(entries))
                page.content = written.content
                self.reused["written"] += 1
            self._next_written[key] = written
        return build_page

    def _once_for(self, slot: str, owner: Any, work: Callable[[], str]) -> str:
        """work(), done once for owner (the build's files, an edition's navigation or its source_pages) and kept in
        slot. The owner itself is held, not its id: an id passes to a new object once the old one is gone (the
        next edition's)."""
        held = getattr(self, slot)
        if held is None or held[0] is not owner:
            held = (owner, work())
            setattr(self, slot, held)
        return held[1]

    def _signature(self, config: Any, files: Any) -> str:
        """Everything a page's conversion and theme share: settings, templates, the files linked to, the day."""
        def work() -> str:
            digest = hashlib.sha256(str(clock.today()).encode())
            digest.update(Path(config.config_file_path).read_bytes())
            for path in sorted(config.theme.custom_dir and Path(config.theme.custom_dir).rglob("*") or ()):
                if path.is_file():
                    digest.update(f"\0{path}\0".encode())
                    digest.update(path.read_bytes())
            digest.update("\0".join(sorted(f.src_uri for f in files)).encode())
            return digest.hexdigest()
        return self._once_for("_build_signature", files, work)

    def _edition_inputs(self, config: Any, files: Any, plugin: Any) -> str:
        """What every page of this edition's macros may read besides its own text and the data: settings, templates
        and components, the day, every page of the edition (titles, handouts listed, pages built from data) and, to
        be safe, every file of every edition in content/."""
        def work() -> str:
            digest = hashlib.sha256(self._signature(config, files).encode())
            digest.update(repr((plugin.edition, plugin.pdfs, plugin.preview)).encode())
            for file in files.documentation_pages():
                digest.update(f"\0{file.src_uri}\0".encode())
                digest.update(file.content_bytes)
            for path in sorted(Path(config.docs_dir).rglob("*")):
                if path.is_file():
                    digest.update(f"\0{path}\0".encode())
                    digest.update(path.read_bytes())
            return digest.hexdigest()
        return self._once_for("_inputs_signature", files, work)

    def _navigation(self, nav: Any) -> str:
        """Every page's title, address and front matter in navigation order: what the theme shows of other pages."""
        def work() -> str:
            digest = hashlib.sha256()

            def walk(items: Any, depth: int) -> None:
                for item in items:
                    page = item if item.is_page else None
                    digest.update(repr((depth, type(item).__name__, item.title, getattr(item, "url", None),
                                        page and repr(page.meta))).encode())
                    walk(getattr(item, "children", None) or (), depth + 1)
            walk(nav.items, 0)
            return digest.hexdigest()
        return self._once_for("_nav_signature", nav, work)

    def _sources_used(self, plugin: Any) -> str:
        """Where each source is used (the sources page lists it): complete once every page is converted, so worked
        out once per edition, not once per page."""
        return self._once_for("_sources_signature", plugin.source_pages, lambda: repr(
            sorted((source, sorted(pages.items())) for source, pages in plugin.source_pages.items())))


def _converted_from(page: Any, plugin: Any) -> _Converted:
    links = page.links_to_anchors
    return _Converted(page.content, page.toc, page._title_from_render,
                      frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
                      {f.src_uri: dict(anchors) for f, anchors in links.items()} if links is not None else None,
                      plugin.reading_grades.get(page.file.src_path))


def _restore_converted(page: Any, converted: _Converted, files: Any, plugin: Any) -> None:
    page.content, page.toc, page._title_from_render = converted.content, converted.toc, converted.title
    page.present_anchor_ids = set(converted.anchor_ids) if converted.anchor_ids is not None else None
    if converted.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): dict(anchors)
                                 for uri, anchors in converted.links_to_anchors.items()}
    if converted.grade is not None:
        plugin.reading_grades[page.file.src_path] = converted.grade


def _search_indexes(config: Any) -> list[Any]:
    return [plugin.search_index for plugin in config.plugins.values()
            if isinstance(getattr(getattr(plugin, "search_index", None), "entries", None), list)]

"""The macros writers call from pages. Each returns escaped HTML built from checked data."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from functools import partial
from dataclasses import dataclass, field
from collections.abc import Sequence
from typing import get_args

from jinja2 import Environment
from markupsafe import Markup

from . import clinic_sheet, clock
from .caveats import caveat_labels
from .generated_pages import COMPARE, OPTIONS, STUDIES, compare_path, index_path, option_path, study_path
from .handouts import (CARDS_PAGE, PAPERS, RULED_LINES, TOOL_PAGE, Handout, common_questions, html_path,
                       qr_code_svg, web_address)
from .languages import DEFAULT_LANGUAGE, page_language, page_path_in_edition, text_in
from .language_words import numbers_in, phrases_in
from .models import Alert, CostTopic, Source, Subtype, Treatment, Trial
from .option_facts import alerts_for, card_side_effects, compared_result, is_comparison, side_effects_in, time_scale
from .registry import Registry
from .rendering import render_component
from .source_groups import access_by_country, source_groups
from .reviews import review_for
from .ui_strings import ui_text
from .summaries import (HeadlineResult, OptionGroup, RateRow, SaidOnce, different_studies, grid_answers,
                        headlines_side_by_side, is_sentence, option_groups, rate_rows, usual_answers)
from .urgent_groups import urgent_groups

# Marks where the sources page lists the pages that use a source; filled in once every page is rendered.
USED_BY_MARKER = "<!-- used-by:{} -->"
SUPPORT_COUNTRIES = ("kr", "us", "uk")  # named by the catalogue: country.kr, country.us, country.uk
USED_BY_PATTERN = re.compile(re.escape(USED_BY_MARKER).replace(r"\{\}", "([a-z0-9-]+)"))
# A macro call that draws results, and its first argument: options("her2-positive", ...), study_page("ascent").
MACRO_CALL = re.compile(r"\b(options|option|option_page|trial_results|study_page)\(\s*[\"']([a-z0-9-]+)[\"']")
# The across-studies table's columns of figures, in order, each with its heading (ui_strings.yaml).
ACROSS_COLUMNS = (("any", "across.any"), ("serious", "across.serious"), ("fatal", "across.died"))


@dataclass
class PageState:
    """What one page has shown so far: sources to list at the end, trials already described."""

    path: str
    sources: dict[str, Source] = field(default_factory=dict)
    results_pictured: list[str] = field(default_factory=list)  # a result is pictured once per page
    trials_captioned: list[str] = field(default_factory=list)  # studies pictured on the page
    caveats_given: set[str] = field(default_factory=set)  # "study: caveat" already said in full on the page
    scale_years: int | None = None  # every time bar on the page shares this scale
    picture_guide_shown: bool = False
    said: set[str] = field(default_factory=set)  # opening sentences of cards, each said once per page
    brief_levels: list[int] = field(default_factory=list)  # heading level of each options_in_brief() call, in order


@dataclass
class SiteFacts:
    """What handouts print about the site itself, from mkdocs.yml and the list of pages."""

    name: str = ""
    url: str = ""
    handouts: list[Handout] = field(default_factory=list)
    pdfs: bool = False  # the build prints the handout PDFs: only then do pages link to them
    built_on: dt.date = field(default_factory=clock.today)


def brief_heading_levels(markdown: str) -> list[int]:
    """For each options_in_brief() call, one level below the Markdown heading above it: its cards' headings then
    nest under the section they are in (h3 under an h2, h4 under an h3), never skipping a level."""
    levels, current = [], 1
    for line in markdown.splitlines():
        heading = re.match(r"(#{1,5}) ", line)
        if heading:
            current = len(heading.group(1))
        levels += [current + 1] * line.count("options_in_brief(")
    return levels


class GuideMacros:
    """The macros of one build. Each page renders in its language (its first folder: ko/ is Korean) from that
    edition's registry: `registries` maps a language to its registry (languages.registry_in makes the Korean one)."""

    def __init__(self, registry: Registry, environment: Environment, site: SiteFacts | None = None,
                 registries: dict[str, Registry] | None = None):
        self.registries = {DEFAULT_LANGUAGE: registry, **(registries or {})}
        self.registry = registry
        self.environment = environment
        self.site = site or SiteFacts()
        self.page = PageState("")
        self.language = DEFAULT_LANGUAGE
        self.phrases = phrases_in(DEFAULT_LANGUAGE)

    def start_page(self, path: str, markdown: str = "") -> None:
        """`path` is the page's source path, with its language folder (ko/options/x.md) or without (English)."""
        self.language = page_language(path)
        if self.language not in self.registries:
            raise LookupError(f"{path}: a {self.language!r} page, but this build has no {self.language!r} data "
                              f"(add {self.language!r} to extra.editions in mkdocs.yml)")
        self.registry = self.registries[self.language]
        self.phrases = phrases_in(self.language)
        self.page = PageState(page_path_in_edition(path))
        self.page.scale_years = time_scale(self._results_drawn(markdown))
        self.page.brief_levels = brief_heading_levels(markdown)

    def _results_drawn(self, markdown: str) -> list[HeadlineResult]:
        """Every result the page's macro calls will picture, read from its Markdown before any is drawn: the time
        bars of the whole page then share one scale."""
        results: list[HeadlineResult] = []
        for name, wanted in MACRO_CALL.findall(markdown):
            if name == "options" and wanted in self.registry.subtypes:
                results += [compared_result(self.registry, t, group.treatments)
                            for group in option_groups(self.registry, wanted) for t in group.treatments]
            elif name in ("option", "option_page") and wanted in self.registry.treatments:
                treatment = self.registry.treatments[wanted]
                results += [compared_result(self.registry, treatment)] if name == "option" else [
                    HeadlineResult(trial, trial.results[0]) for trial in self._trials_of(treatment) if trial.results]
            elif name in ("trial_results", "study_page") and wanted in self.registry.trials:
                trial = self.registry.trials[wanted]
                results += [HeadlineResult(trial, r) for r in (trial.results if name == "study_page" else trial.results[:1])]
        return [result for result in results if result]

    def _trials_of(self, treatment: Treatment) -> list[Trial]:
        return [self.registry.get("trials", t) for t in treatment.trials]

    # The macros writers type in pages; each is the method of the same name.
    MACROS = (
        "subtype_basics",
        "options",
        "options_in_brief",
        "option",
        "trial_results",
        "urgent_symptoms",
        "questions",
        "option_grid",
        "compare_page",
        "side_effect_across_studies",
        "glossary",
        "all_sources",
        "key_fact",
        "side_effect_picture",
        "handout",
        "symptom_cards",
        "handout_list",
        "get_ready",
        "what_matters",
        "support_contacts",
        "cost_facts",
        "urgent_boxes",
        "option_page",
        "study_page",
        "page_index",
    )

    def exposed(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.MACROS}

    def _render(self, name: str, **context: object) -> Markup:
        return render_component(self.environment, name, registry=self.registry, macros=self, language=self.language,
                                phrases=self.phrases, numbers=numbers_in(self.language), **context)

    def _t(self, text: dict[str, str]) -> str:
        """Data text in the page's language."""
        return text_in(text, self.language)

    def ui(self, string_id: str, **values: object) -> str:
        """One of the site's own strings (ui_strings.yaml) in the page's language (the plugin's headings too)."""
        return ui_text(string_id, self.language, **values)

    _ui = ui

    def cite(self, source_id: str) -> Source:
        source = self.registry.get("sources", source_id)
        self.page.sources.setdefault(source_id, source)
        return source

    def subtype_basics(self, subtype: str) -> Markup:
        return self._render("subtype_basics.html", subtype=self.registry.get("subtypes", subtype))

    def href(self, page: str) -> str:
        """A link from the page being built to another page of the site."""
        return posixpath.relpath(html_path(page), posixpath.dirname(self.page.path) or ".")

    def _group(self, subtype: str, line: str, topic: str | None) -> list[Treatment]:
        treatments = self.registry.treatments_for(subtype, line, topic)
        if not treatments:
            wanted = f"line {line!r}" + (f" and topic {topic!r}" if topic else " without a topic")
            raise LookupError(f"no treatments in data for subtype {subtype!r}, {wanted}")
        return treatments

    def options(self, subtype: str, line: str, topic: str | None = None) -> Markup:
        """A card per option of one line (and topic): what it is, how it is given, main side effects, what its study
        found, and links to its own page and its study's page."""
        treatments = self._group(subtype, line, topic)
        guide = self._picture_guide()
        if len(treatments) == 1:  # a Markdown heading, so the option appears in the page's table of contents
            only = treatments[0]
            return guide + Markup("### {} {{ #option-{} }}\n\n{}").format(self._t(only.name), only.id, self._card(only, treatments, line))
        group = "-".join(part for part in (subtype, line, topic) if part)
        cards = [{"treatment": t, "html": self._card(t, treatments, line)} for t in treatments]
        return guide + self._render("option_tabs.html", group=group, cards=cards)

    def options_in_brief(self, subtype: str, line: str, topic: str | None = None) -> Markup:
        """A short card per option of one line (and topic), for later treatments on an overview: what it is, how it is
        given, whom its study took in (what they had had before), its study's main result for every arm with its
        caveats and source, and a link to the option's page, where side effects and the rest are. The cards sit in
        one fold whose summary names every option."""
        treatments = self._group(subtype, line, topic)
        level = self.page.brief_levels.pop(0) if self.page.brief_levels else 4
        briefs = []
        for treatment in treatments:
            shown = compared_result(self.registry, treatment, treatments)
            sentences = self.phrases.sentences(self._t(treatment.what_it_is))
            opening = next((s for s in sentences if s not in self.page.said), sentences[0])
            self.page.said.add(opening)
            briefs.append(self._render(
                "option_brief.html", treatment=treatment, line=line, shown=shown, opening=opening, level=level,
                option_href=self.href(option_path(treatment.id)),
                study_href=self.href(study_path(shown.trial.id)) if shown else None))
        # Folded, with every option named in its summary: the overview names them all within its phone budget,
        # and each brief is one tap away.
        return self._render("option_briefs.html", treatments=treatments, briefs=briefs)

    def option(self, treatment: str) -> Markup:
        chosen = self.registry.get("treatments", treatment)
        return self._picture_guide() + self._card(chosen, [chosen], chosen.lines[0])

    def _card(self, treatment: Treatment, shown_with: list[Treatment], line: str) -> Markup:
        medicines = [self.registry.get("medicines", m) for m in treatment.medicines]
        for medicine in medicines:
            self.cite(medicine.given.source)
        shown = compared_result(self.registry, treatment, shown_with)
        rates = card_side_effects(self.registry, shown.trial, treatment) if shown else []
        seen_before = bool(shown) and f"{shown.trial.id}-{shown.result.id}" in self.page.results_pictured
        sentences = self.phrases.sentences(self._t(treatment.what_it_is))
        opening = next((s for s in sentences if s not in self.page.said), sentences[0])
        self.page.said.add(opening)
        return self._render("option_card.html", treatment=treatment, line=line, medicines=medicines, shown=shown,
                            seen_before=seen_before, opening=opening,
                            rates=rates, picture=self._result_picture(shown) if shown else Markup(""),
                            option_href=self.href(option_path(treatment.id)),
                            study_href=self.href(study_path(shown.trial.id)) if shown else None)

    def rated_effect(self, treatment: str, rate_id: str) -> str:
        """A side effect with its frequency word derived from the rate of this option's arm."""
        rate = self.registry.get("side_effects", rate_id)
        trial = self.registry.get("trials", rate.trial)
        arm = next(arm for arm in trial.arms if arm.treatment == treatment and arm.id in rate.values)
        effect = self.registry.get("effects", rate.effect)
        self.cite(rate.values[arm.id].source)
        return self.phrases.rated_side_effect(rate, self._t(effect.name), rate.values[arm.id], trial.name)

    def _result_picture(self, shown: HeadlineResult, label: str = "") -> Markup:
        """One result: a sentence naming every arm, one picture, and beside it the caveats, source and review date.
        Pictured once per page; a later mention links back to it."""
        key = f"{shown.trial.id}-{shown.result.id}"
        if key in self.page.results_pictured:
            return self._render("result_seen.html", trial=shown.trial, key=key)
        self.page.results_pictured.append(key)
        first_of_study = shown.trial.id not in self.page.trials_captioned
        self.page.trials_captioned.append(shown.trial.id)
        caveats = caveat_labels(shown.trial, shown.result, self.language)
        # Each caveat in full the first time the study shows it on the page, the study's own notes ("the study
        # started many years ago") too; a later result names only its new caveats and refers back for the rest.
        given = self.page.caveats_given
        new_caveats = [caveat for caveat in caveats if f"{shown.trial.id}: {caveat}" not in given]
        study_notes = f"{shown.trial.id}: study notes"
        notes_due = study_notes not in given
        # What this caption refers back to ("Caveats: see above", "Study notes: see above"): its own caveats said at an
        # earlier result, or else the study's notes.
        said_before = ("caveats" if len(new_caveats) < len(caveats)
                       else "notes" if not notes_due and shown.trial.caveats else "")
        given.update(f"{shown.trial.id}: {caveat}" for caveat in caveats)
        given.add(study_notes)
        return self._render("result_picture.html", trial=shown.trial, result=shown.result, key=key,
                            label=label or self._ui("result.what_found", trial=shown.trial.name), scale_years=self.page.scale_years,
                            comparison=is_comparison(shown.trial), first_of_study=first_of_study,
                            caveats=new_caveats, notes_due=notes_due, said_before=said_before,
                            review=review_for(self.registry, self.page.path))

    def _picture_guide(self) -> Markup:
        """'How to read these pictures', once per page, before its first picture."""
        if self.page.picture_guide_shown:
            return Markup("")
        self.page.picture_guide_shown = True
        # Blank lines after it: what follows may start with a Markdown heading.
        return self._render("picture_guide.html", scale_years=self.page.scale_years) + Markup("\n\n")

    def urgent_boxes(self, subtype: str) -> Markup:
        """Every serious risk of any medicine among a subtype's options, each once, in the short form handouts use
        (the same alert entries: name and every symptom); each option's page and the urgent page show them in full."""
        medicines = [m for t in self.registry.treatments_for(subtype) for m in t.medicines]
        alerts = self._cited(alerts_for(self.registry, medicines))
        return self._render("urgent_summary.html", groups=urgent_groups(alerts, self.language),
                            details_href=self.href("urgent-symptoms.md"))

    def option_page(self, treatment: str) -> Markup:
        """The page of one option: what it is, urgent boxes, how it is given, side effects, what studies found,
        approval and cost, questions. Headings are Markdown, so they reach the table of contents."""
        chosen = self.registry.get("treatments", treatment)
        medicines = [self.registry.get("medicines", m) for m in chosen.medicines]
        for medicine in medicines:
            self.cite(medicine.given.source)
        trials = self._trials_of(chosen)
        results = [HeadlineResult(trial, trial.results[0]) for trial in trials if trial.results]
        studied = [(result, side_effects_in(self.registry, result.trial, chosen)) for result in results]
        subtypes = [self.registry.get("subtypes", s) for s in chosen.subtypes]
        notes = [note for m in medicines for note in self.registry.access_for(m.id, chosen.id)]
        if self.language == "ko":  # Korea first on Korean pages: the approval and insurance note readers there need
            notes.sort(key=lambda note: note.country != "kr")
        noted = {note.medicine for note in notes}
        # Medicines with notes elsewhere on the site but none for this use: the page says none applies here.
        not_noted_here = [m for m in medicines if m.id not in noted
                          and any(note.medicine == m.id for note in self.registry.access.values())]
        rated = [self.rated_effect(chosen.id, rate_id) for rate_id in chosen.rated_side_effects]
        sections = [
            ("", "", self._render("option_intro.html", treatment=chosen, subtypes=subtypes,
                                subtype_hrefs=[self.href(s.page) for s in subtypes])),
            (self._ui("option_page.urgent"), "urgent",
             self._urgent(alerts_for(self.registry, chosen.medicines), fold=True)),
            (self._ui("option_page.how_given"), "how-given", self._render("option_given.html", treatment=chosen, medicines=medicines)),
            (self._ui("option_page.side_effects"), "side-effects", self._picture_guide() + self._render(
                "option_effects.html", treatment=chosen, studied=studied, effects=self.registry.effects, rated=rated,
                study_hrefs={r.trial.id: self.href(study_path(r.trial.id)) for r in results})),
            (self._ui("option_page.studies"), "studies", Markup("\n").join(
                self._render("option_study.html", trial=r.trial, picture=self._result_picture(r),
                             study_href=self.href(study_path(r.trial.id))) for r in results)
             ),
            (self._ui("option_page.access"), "access", self._render(
                "option_access.html", notes=notes, not_noted_here=not_noted_here, medicines=medicines)),
            (self._ui("questions.to_ask"), "questions", self._render(
                "option_questions.html", treatment=chosen, matters_href=self.href("what-matters-to-me.md"),
                compare_href=self.href(compare_path(chosen.subtypes[0]))) + self.get_ready(chosen.subtypes[0], treatment=chosen.id)),
        ]
        return self._sections(sections)

    def study_page(self, trial: str) -> Markup:
        """The page of one study: who took part, how it worked, every result with its exact figures, side effects,
        what the results cannot say, and its sources."""
        chosen: Trial = self.registry.get("trials", trial)
        results = [HeadlineResult(chosen, result) for result in chosen.results]
        options = [self.registry.treatments[arm.treatment] for arm in chosen.arms if arm.treatment]
        side_effects = self.registry.side_effect_rates(chosen.id)
        sections = [
            ("", "", self._render("study_about.html", trial=chosen, options=options,
                                option_hrefs={t.id: self.href(option_path(t.id)) for t in options})),
            (self._ui("study_page.results"), "results", (self._picture_guide() + Markup("\n").join(
                self._result_picture(r, self.phrases.result_label(chosen, r.result)) for r in results)
                + self._render("study_details.html", trial=chosen))
             if results else self._render("study_no_results.html", trial=chosen)),
            (self._ui("study_page.side_effects"), "side-effects",
             self._render("study_effects.html", trial=chosen, side_effects=side_effects, effects=self.registry.effects)
             if side_effects else Markup("")),
        ]
        return self._sections(sections)

    def page_index(self, folder: str) -> Markup:
        """The list of option pages by type of cancer, or of study pages."""
        if folder == OPTIONS:
            groups, listed = [], set()
            for subtype in self.registry.subtypes.values():
                pages = []
                for t in self.registry.treatments_for(subtype.id):  # an option for two types: described once
                    about = (self._ui("page_index.see_above") if t.id in listed
                             else self._ui("list.comma").join(self.phrases.group_name(line, t.topic) for line in t.lines))
                    pages.append((self._t(t.name), self.href(option_path(t.id)), about))
                    listed.add(t.id)
                groups.append((self._t(subtype.short_name), pages))
        elif folder == STUDIES:
            groups = [("", [(t.name, self.href(study_path(t.id)), self._ui("list.semicolon").join(
                self._t(self.registry.treatments[arm.treatment].short_name) for arm in t.arms if arm.treatment)
                or self._ui("page_index.side_effects"))
                for t in self.registry.trials.values()])]
        elif folder == COMPARE:  # anchors keep the old single page's section links working
            groups = [("", [(self._t(s.short_name), self.href(compare_path(s.id)), self._compare_about(s.id), s.id)
                            for s in self.registry.subtypes.values()])]
        else:
            raise LookupError(f"no index of {folder!r}; use {OPTIONS!r}, {STUDIES!r} or {COMPARE!r}")
        return self._render("page_index.html", folder=folder, groups=groups)

    def _compare_about(self, subtype: str) -> str:
        """'5 options: first, maintenance and later treatment' for the list of compare pages."""
        lines = list(dict.fromkeys(g.line for g in option_groups(self.registry, subtype)))
        names = [self._ui(f"line.{line}.short") for line in lines]
        return self._ui("page_index.compare_about", count=len(self.registry.treatments_for(subtype)),
                        lines=self.phrases.joined(names))

    @staticmethod
    def _sections(sections: list[tuple[str, str, Markup]]) -> Markup:
        """(heading, anchor, html): each under its own Markdown heading, the opening one without; empty ones left
        out. Blank lines keep the HTML blocks apart."""
        return Markup("\n\n").join(
            Markup("## {} {{ #{} }}\n\n{}").format(heading, anchor, html) if heading else html
            for heading, anchor, html in sections if html)

    def trial_results(self, trial: str) -> Markup:
        """A short mention of a study: its first result as one sentence and one picture, and a link to its page."""
        chosen: Trial = self.registry.get("trials", trial)
        if not chosen.results:
            raise LookupError(f"study {trial!r} has no results in data to show")
        return self._picture_guide() + self._render(
            "option_study.html", trial=chosen, picture=self._result_picture(HeadlineResult(chosen, chosen.results[0])),
            study_href=self.href(study_path(chosen.id)))

    def urgent_symptoms(self, alert: str, *alerts: str) -> Markup:
        """One alert's urgent box; several alerts with the same opening line share one box, which says it once."""
        return self._urgent([self.registry.get("alerts", wanted) for wanted in (alert, *alerts)])

    def _urgent(self, alerts: list[Alert], fold: bool = False) -> Markup:
        return self._render("urgent_group.html", groups=urgent_groups(self._cited(alerts), self.language), fold=fold)

    def _cited(self, alerts: list[Alert]) -> list[Alert]:
        """The alerts, each one's source now in the page's list of sources: an urgent box's words come from a
        medicine's guide or label as a figure comes from a study, and a reader can check them there."""
        for alert in alerts:
            self.cite(alert.source)
        return alerts

    def questions(self, subtype: str) -> Markup:
        return self._render("questions.html", subtype=self.registry.get("subtypes", subtype))

    def option_grid(self, subtype: str) -> Markup:
        """A type's options side by side: its usual answers, a table per line, and how each medicine is given."""
        chosen = self.registry.get("subtypes", subtype)
        groups, headlines = self._groups_with_headlines(subtype)
        usual = usual_answers(self.registry.treatments_for(subtype), self.language)
        return (self._render("compare_intro.html", subtype=chosen, usual=usual, subtype_href=self.href(chosen.page),
                             matters_href=self.href("what-matters-to-me.md"))
                + self._grid_tables(chosen, groups, headlines, SaidOnce(usual, self.language), headings=True)
                + self._medicines_given(subtype))

    def compare_page(self, subtype: str) -> Markup:
        """One type's compare page: a table per line under its own heading, each thing said once on the page."""
        chosen = self.registry.get("subtypes", subtype)
        groups, headlines = self._groups_with_headlines(subtype)
        usual = usual_answers(self.registry.treatments_for(subtype), self.language)
        said = SaidOnce(usual, self.language)
        sections = [("", "", self._render("compare_intro.html", subtype=chosen, usual=usual,
                                          subtype_href=self.href(chosen.page), matters_href=self.href("what-matters-to-me.md")))]
        sections += [(self.phrases.group_name(group.line, group.topic), f"{group.line}{'-' + group.topic if group.topic else ''}",
                      self._grid_tables(chosen, [group], headlines, said, headings=False)) for group in groups]
        sections += [
            (self._ui("compare_page.medicines_given"), "medicines-given", self._medicines_given(subtype)),
            (self._ui("compare_page.cannot_tell"), "cannot-tell", self._render("compare_limits.html")),
            (self._ui("questions.to_ask"), "questions-to-ask",
             self._render("compare_questions.html", index_href=self.href(index_path(COMPARE)))),
        ]
        return self._sections(sections)

    def _grid_tables(self, subtype: Subtype, groups: list[OptionGroup], headlines: dict[str, HeadlineResult | None],
                     said: SaidOnce, headings: bool) -> Markup:
        options = [t for group in groups for t in group.treatments]
        trials = {h.trial.id for h in headlines.values() if h}
        return self._render("option_grid.html", subtype=subtype, groups=groups, headlines=headlines, said=said,
                            cross_study=self._cross_study(groups, headlines), headings=headings,
                            grid_answers=partial(grid_answers, language=self.language), effects_answer=self._effects_answer, is_sentence=is_sentence,
                            option_hrefs={t.id: self.href(option_path(t.id)) for t in options},
                            study_hrefs={trial: self.href(study_path(trial)) for trial in trials})

    def _effects_answer(self, treatment: Treatment) -> str:
        """The grid's side-effects answer as plain sentences: the main ones, then each rated one with how often."""
        effects = self._ui("list.comma").join(self._t(text) for text in treatment.main_side_effects)
        rated = [self.rated_effect(treatment.id, rate_id) for rate_id in treatment.rated_side_effects]
        return self._ui("list.sentences").join([self.phrases.sentence_case(effects), *rated])

    def _medicines_given(self, subtype: str) -> Markup:
        """Each medicine of a type's options, once, with how it is given and its source cited."""
        ids = dict.fromkeys(m for t in self.registry.treatments_for(subtype) for m in t.medicines)
        medicines = [self.registry.get("medicines", m) for m in ids]
        for medicine in medicines:
            self.cite(medicine.given.source)
        return self._render("compare_medicines.html", medicines=medicines)

    @staticmethod
    def _cross_study(groups: list[OptionGroup], headlines: dict[str, HeadlineResult | None]) -> list[bool]:
        """Per group: whether its options' results come from different studies (marked 'do not compare')."""
        return [different_studies({t.id: headlines[t.id] for t in group.treatments}) for group in groups]

    def _groups_with_headlines(self, subtype: str) -> tuple[list[OptionGroup], dict[str, HeadlineResult | None]]:
        """A subtype's options by line and topic, and what each option's study found (for grids and handouts)."""
        groups = option_groups(self.registry, subtype)
        headlines: dict[str, HeadlineResult | None] = {}
        for group in groups:  # one table per group: head-to-head studies are found within it
            headlines |= headlines_side_by_side(self.registry, group.treatments)
        return groups, headlines

    def side_effect_across_studies(self, effect: str, folded: bool = False, pictures: Sequence[str] = ()) -> Markup:
        """One side effect in every study, out of 100 people. Folded, the table, its exact figures and the `pictures`
        (rates of this effect) fold under the table's name, so a phone reader reaches what follows; every figure keeps
        its counting and caveats inside the fold."""
        rows = rate_rows(self.registry, effect, self.language)
        if not rows:
            raise LookupError(f"no side-effect rates in data for effect {effect!r}")
        drawn = [self.registry.get("side_effects", rate) for rate in pictures]
        for rate in drawn:
            if rate.effect != effect:
                raise LookupError(f"picture {rate.id!r} is a rate of effect {rate.effect!r}, not {effect!r}; "
                                  f"draw a rate of {effect!r} here")
        return self._render("effect_across_studies.html", effect=self.registry.get("effects", effect), rows=rows,
                            columns=ACROSS_COLUMNS, counted_by_row=[self._how_row_counted(row) for row in rows],
                            folded=folded, pictures=[self.side_effect_picture(rate.id) for rate in drawn],
                            guide=self._picture_guide() if drawn else Markup(""))

    def _how_row_counted(self, row: RateRow) -> str:
        """What a row's figures counted. When its columns were counted in different ways (another analysis, another
        source), each way names its columns, so no figure is read with another one's counting."""
        ways: dict[str, list[str]] = {}
        for column, heading in ACROSS_COLUMNS:
            if column in row.by_column:
                ways.setdefault(self.phrases.how_counted(row.by_column[column], row.trial), []).append(self._ui(heading))
        if len(ways) == 1:
            return f"{self.phrases.sentence_case(next(iter(ways)))}."
        return " ".join(f"{' / '.join(headings)}: {words}." for words, headings in ways.items())

    def side_effect_picture(self, rate: str) -> Markup:
        chosen = self.registry.get("side_effects", rate)
        return self._render("effect_picture.html", rate=chosen, trial=self.registry.get("trials", chosen.trial),
                            effect=self.registry.get("effects", chosen.effect))

    def key_fact(self, fact: str) -> Markup:
        return self._render("key_fact.html", fact=self.registry.get("key_facts", fact))

    def glossary(self) -> Markup:
        terms = sorted(self.registry.glossary.values(), key=lambda term: term.term.lower())
        return self._render("glossary.html", terms=terms, on_page=False)

    def page_glossary(self, terms: list) -> Markup:
        """The words a page used, folded at its end, in the page's language (the plugin adds it after rendering)."""
        return self._render("glossary.html", terms=terms, on_page=True)

    def all_sources(self) -> Markup:
        """Every source, folded by the study it backs, then the other sources and the access notes' sources, each
        part under its own heading (in the page's table of contents)."""
        studies, others = source_groups(self.registry)
        return self._sections([
            (self._ui("sources.studies_heading"), "study-sources", self._render(
                "source_folds.html", intro=self._ui("sources.studies_intro"),
                folds=[(group.label, group) for group in studies], marker=USED_BY_MARKER)),
            (self._ui("sources.others_heading"), "other-sources", self._render(
                "source_folds.html", intro="", folds=[(self._ui(f"sources.group.{group.kind}"), group)
                                                      for group in others], marker=USED_BY_MARKER)),
            (self._ui("sources.access_heading"), "approval-and-insurance-sources", self._render(
                "access_sources.html", countries=access_by_country(self.registry.access.values()))),
        ])

    def handout(self, subtype: str) -> Markup:
        """A subtype's handout for a clinic talk: first options side by side on page 1, the rest on page 2."""
        chosen = self.registry.get("subtypes", subtype)
        first = clinic_sheet.first_options(self.registry, subtype, self.language)
        later = clinic_sheet.later_groups(self.registry, subtype)
        # Options described with side effects (page 1) keep their urgent symptoms in full on the sheet; those of
        # options only named on page 2 are named once, with the symptom cards and each option's page to turn to.
        described = self._alerts_for([column.treatment for table in first for column in table.columns])
        named_only = [a for a in self._alerts_for([t for group in later for t in group.treatments])
                      if a not in described]
        return self._render("subtype_handout.html", subtype=chosen, first=first, later_groups=later,
                            groups=urgent_groups(described, self.language),
                            later_alerts=named_only, cards_url=self._web_address(CARDS_PAGE),
                            clinic=clinic_sheet.in_language(self.language), head=self._handout_head(chosen.page), ruled_lines=RULED_LINES,
                            sources_url=self._sources_url(), support_url=self._web_address("support.md"))

    def symptom_cards(self) -> Markup:
        """A sheet of pocket cards, one per urgent-symptom entry in data, each with the medicines it is for. Cards that
        open with the same line follow each other, so the screen says that line once; on paper every card keeps it."""
        alerts = list(self.registry.alerts.values())
        medicines = {alert.id: [self.registry.get("medicines", m) for m in alert.medicines] for alert in alerts}
        emergency = [c for c in self.registry.support.values() if c.kind == "emergency"]
        return self._render("symptom_cards.html", groups=urgent_groups(alerts, self.language), medicines_for=medicines,
                            head=self._handout_head(self.page.path), sources_url=self._sources_url(),
                            emergency=emergency,
                            country_names={code: self._ui(f"country.{code}") for code in SUPPORT_COUNTRIES})

    def get_ready(self, subtype: str | None = None, treatment: str | None = None) -> Markup:
        """Links to what helps before a visit: the subtype's handout, the symptom cards its medicines need, the tool."""
        chosen = self.registry.get("subtypes", subtype) if subtype else None
        treatments = ([self.registry.get("treatments", treatment)] if treatment
                      else self.registry.treatments_for(subtype) if subtype else [])
        alerts = self._alerts_for(treatments) if treatments else list(self.registry.alerts.values())
        handout = next((h for h in self._handouts() if chosen and h.page == f"handouts/{chosen.id}.md"), None)
        tool = TOOL_PAGE + (f"?subtype={chosen.id}" if chosen else "")
        return self._render("get_ready.html", subtype=chosen, alerts=alerts, handout=handout and {
            "html": self._relative(handout.html), "pdfs": {PAPERS[p]: self._relative(handout.pdf(p)) for p in PAPERS} if self.site.pdfs else {}},
            cards=self._relative(CARDS_PAGE.replace(".md", ".html")), tool=self._relative(tool.replace(".md", ".html")),
            handouts=self._relative("handouts/index.html"), alert_names={a.id: self._alert_name(a) for a in alerts},
            one_card_link=bool(subtype and not treatment))

    def _alert_name(self, alert) -> dict[str, str]:
        """What a symptom card is about, in a few words (the alert's short name for print)."""
        return alert.title if alert.every_option else alert.name

    def what_matters(self) -> Markup:
        """The "What matters to me" form: a question per tradeoff, suggested questions by subtype, the reader's own."""
        subtypes = list(self.registry.subtypes.values())
        common = common_questions([[self._t(q) for q in subtype.questions] for subtype in subtypes])
        return self._render("what_matters.html", tradeoffs=list(self.registry.tradeoffs.values()),
                            subtypes=subtypes, common=common, site=self.site,
                            url=self._web_address(self.page.path or TOOL_PAGE))

    def support_contacts(self, country: str) -> Markup:
        contacts = [c for c in self.registry.support.values() if c.country == country]
        if not contacts:
            raise LookupError(f"no support contacts in data for country {country!r}; use kr, us or uk")
        return self._render("support_contacts.html", contacts=contacts)

    def cost_facts(self, kind: str) -> Markup:
        """One section of the costs page: what treatment costs in Korea, or where help comes from (data/costs.yaml)."""
        facts = [fact for fact in self.registry.costs.values() if fact.kind == kind]
        if not facts:
            raise LookupError(f"no cost facts in data for {kind!r}; use one of {', '.join(get_args(CostTopic))}")
        return self._render("cost_facts.html", facts=facts)

    def _alerts_for(self, treatments: list) -> list:
        return alerts_for(self.registry, [m for t in treatments for m in t.medicines])

    def _handouts(self) -> list[Handout]:
        """The handouts by their path in the edition (handouts/x.md), as this page's links are made."""
        return [Handout(page_path_in_edition(h.page), h.title) for h in self.site.handouts]

    def _web_address(self, page: str) -> str:
        """A page's full address in this page's edition, for paper (the Korean edition's pages are under ko/)."""
        return web_address(self.site.url, page if self.language == DEFAULT_LANGUAGE else f"{self.language}/{page}")

    def _relative(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.page.path) or ".")

    def handout_list(self) -> Markup:
        links = [{"title": h.title, "html": self._relative(h.html),
                  "pdfs": {PAPERS[paper]: self._relative(h.pdf(paper)) for paper in PAPERS} if self.site.pdfs else {}}
                 for h in self._handouts()]
        return self._render("handout_list.html", handouts=links)

    def _sources_url(self) -> str:
        """Paper cannot follow links: handouts print where the full source list is."""
        return self._web_address("sources.md")

    def _handout_head(self, about_page: str) -> Markup:
        """Date, review dates, web address as text and QR code, and PDF links."""
        url = self._web_address(about_page)
        handout = next((h for h in self._handouts() if h.page == self.page.path), None)
        pdfs = {PAPERS[paper]: posixpath.basename(handout.pdf(paper)) for paper in PAPERS} if handout and self.site.pdfs else {}
        return self._render("handout_head.html", url=url, qr_code=Markup(qr_code_svg(url, self._ui("handout.qr_title", url=url))), site=self.site,
                            review=self.registry.reviews.get(self.page.path), pdfs=pdfs)

    def sources_section(self) -> Markup:
        if not self.page.sources:
            return Markup("")
        return self._render("sources.html", sources=list(self.page.sources.values()))

"""The macros writers call from pages. Each returns escaped HTML built from checked data."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field

from jinja2 import Environment
from markupsafe import Markup

from . import clinic_sheet, phrases, pocket_cards
from .handouts import CARDS_PAGE, PAPERS, TOOL_PAGE, Handout, qr_code_svg, web_address
from .models import Source, Trial
from .registry import Registry
from .rendering import render_component
from .summaries import (HeadlineResult, OptionGroup, different_studies, headlines_side_by_side, option_groups,
                        rate_rows)

# Marks where the sources page lists the pages that use a source; filled in once every page is rendered.
USED_BY_MARKER = "<!-- used-by:{} -->"
SUPPORT_COUNTRIES = {"kr": "Korea", "us": "United States", "uk": "United Kingdom"}
USED_BY_PATTERN = re.compile(re.escape(USED_BY_MARKER).replace(r"\{\}", "([a-z0-9-]+)"))


@dataclass
class PageState:
    """What one page has shown so far: sources to list at the end, trials already described."""

    path: str
    sources: dict[str, Source] = field(default_factory=dict)
    trials_shown: list[str] = field(default_factory=list)
    alerts_shown: list[str] = field(default_factory=list)  # urgent boxes already in an option card on this page


@dataclass
class SiteFacts:
    """What handouts print about the site itself, from mkdocs.yml and the list of pages."""

    name: str = ""
    url: str = ""
    handouts: list[Handout] = field(default_factory=list)
    pdfs: bool = False  # the build prints the handout PDFs: only then do pages link to them
    built_on: dt.date = field(default_factory=dt.date.today)


class GuideMacros:
    def __init__(self, registry: Registry, environment: Environment, site: SiteFacts | None = None):
        self.registry = registry
        self.environment = environment
        self.site = site or SiteFacts()
        self.page = PageState("")

    def start_page(self, path: str) -> None:
        self.page = PageState(path)

    # The macros writers type in pages; each is the method of the same name.
    MACROS = (
        "subtype_basics",
        "options",
        "option",
        "trial_results",
        "urgent_symptoms",
        "questions",
        "option_grid",
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
    )

    def exposed(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.MACROS}

    def _render(self, name: str, **context: object) -> Markup:
        return render_component(self.environment, name, registry=self.registry, macros=self, **context)

    def cite(self, source_id: str) -> Source:
        source = self.registry.get("sources", source_id)
        self.page.sources.setdefault(source_id, source)
        return source

    def subtype_basics(self, subtype: str) -> Markup:
        return self._render("subtype_basics.html", subtype=self.registry.get("subtypes", subtype))

    def options(self, subtype: str, line: str, topic: str | None = None) -> Markup:
        treatments = self.registry.treatments_for(subtype, line, topic)
        if not treatments:
            wanted = f"line {line!r}" + (f" and topic {topic!r}" if topic else " without a topic")
            raise LookupError(f"no treatments in data for subtype {subtype!r}, {wanted}")
        # A Markdown heading per option, so each appears in the page's table of contents.
        return Markup("\n\n").join(
            Markup("### {} {{ #option-{} }}\n\n{}").format(t.name["en"], t.id, self.option(t.id)) for t in treatments)

    def option(self, treatment: str) -> Markup:
        chosen = self.registry.get("treatments", treatment)
        medicines = [self.registry.get("medicines", m) for m in chosen.medicines]
        for medicine in medicines:
            self.cite(medicine.given.source)
        alerts = {a.id: a for m in medicines for a in self.registry.alert_for_medicine(m.id)}
        trials = [self.registry.get("trials", t) for t in chosen.trials]
        new_trials = [t for t in trials if t.id not in self.page.trials_shown]
        cards = Markup("\n").join(self.trial_results(t.id) for t in new_trials)
        access_notes = [note for m in medicines for note in self.registry.access_for(m.id, chosen.id)]
        noted = {note.medicine for note in access_notes}
        # Medicines with notes elsewhere on the site but none for this use: the page says none applies here.
        elsewhere = [m for m in medicines if m.id not in noted
                     and any(note.medicine == m.id for note in self.registry.access.values())]
        rated = [self.rated_effect(chosen.id, rate_id) for rate_id in chosen.rated_side_effects]
        ordered = _emergency_last(alerts.values())
        # One full urgent box per alert and page; later option cards link to it, as with study cards.
        seen = [alert for alert in ordered if alert.id in self.page.alerts_shown]
        self.page.alerts_shown += [alert.id for alert in ordered if alert not in seen]
        return self._render("option.html", treatment=chosen, medicines=medicines,
                            alerts=[alert for alert in ordered if alert not in seen], alerts_above=seen,
                            trial_cards=cards, trials=trials, new_trials=new_trials, notes=access_notes,
                            not_noted_here=elsewhere, rated=rated)

    def rated_effect(self, treatment: str, rate_id: str) -> str:
        """A side effect with its frequency word derived from the rate of this option's arm."""
        rate = self.registry.get("side_effects", rate_id)
        trial = self.registry.get("trials", rate.trial)
        arm = next(arm for arm in trial.arms if arm.treatment == treatment and arm.id in rate.values)
        effect = self.registry.get("effects", rate.effect)
        self.cite(rate.values[arm.id].source)
        return phrases.rated_side_effect(rate, effect.name["en"], rate.values[arm.id], trial.name)

    def trial_results(self, trial: str) -> Markup:
        chosen: Trial = self.registry.get("trials", trial)
        if chosen.id in self.page.trials_shown:  # one card per study and page; later mentions link to it
            return Markup('<p>See <a href="#trial-{}">what the {} study found</a>, above.</p>').format(chosen.id, chosen.name)
        self.page.trials_shown.append(chosen.id)
        side_effects = self.registry.side_effect_rates(chosen.id)
        effects = {rate.id: self.registry.get("effects", rate.effect) for rate in side_effects}
        return self._render("trial_results.html", trial=chosen, side_effects=side_effects, effects=effects)

    def urgent_symptoms(self, alert: str) -> Markup:
        return self._render("urgent.html", alert=self.registry.get("alerts", alert))

    def questions(self, subtype: str) -> Markup:
        return self._render("questions.html", subtype=self.registry.get("subtypes", subtype))

    def option_grid(self, subtype: str) -> Markup:
        chosen = self.registry.get("subtypes", subtype)
        groups, headlines = self._groups_with_headlines(subtype)
        return self._render("option_grid.html", subtype=chosen, groups=groups, headlines=headlines,
                            cross_study=self._cross_study(groups, headlines))

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

    def side_effect_across_studies(self, effect: str) -> Markup:
        rows = rate_rows(self.registry, effect)
        if not rows:
            raise LookupError(f"no side-effect rates in data for effect {effect!r}")
        return self._render("effect_across_studies.html", effect=self.registry.get("effects", effect), rows=rows)

    def side_effect_picture(self, rate: str) -> Markup:
        chosen = self.registry.get("side_effects", rate)
        return self._render("effect_picture.html", rate=chosen, trial=self.registry.get("trials", chosen.trial),
                            effect=self.registry.get("effects", chosen.effect))

    def key_fact(self, fact: str) -> Markup:
        return self._render("key_fact.html", fact=self.registry.get("key_facts", fact))

    def glossary(self) -> Markup:
        terms = sorted(self.registry.glossary.values(), key=lambda term: term.term.lower())
        return self._render("glossary.html", terms=terms, on_page=False)

    def all_sources(self) -> Markup:
        sources = sorted(self.registry.sources.values(), key=lambda source: source.title.lower())
        return self._render("all_sources.html", sources=sources, access=list(self.registry.access.values()),
                            marker=USED_BY_MARKER)

    def handout(self, subtype: str) -> Markup:
        """A subtype's handout for a clinic talk: first options side by side on page 1, the rest on page 2."""
        chosen = self.registry.get("subtypes", subtype)
        first = clinic_sheet.first_options(self.registry, subtype)
        later = clinic_sheet.later_options(self.registry, subtype)
        shown = [column.treatment for table in first for column in table.columns] + later
        alerts = _emergency_last(self._alerts_for(shown))
        return self._render("subtype_handout.html", subtype=chosen, first=first, later=later, alerts=alerts,
                            clinic=clinic_sheet, head=self._handout_head(chosen.page),
                            sources_url=self._sources_url(), support_url=web_address(self.site.url, "support.md"))

    def symptom_cards(self) -> Markup:
        """A sheet of pocket cards, one per urgent-symptom entry in data, each with the medicines it is for."""
        cards = [(alert, [self.registry.get("medicines", m) for m in alert.medicines])
                 for alert in self.registry.alerts.values()]
        columns = pocket_cards.two_columns(cards, [pocket_cards.card_lines(*card) for card in cards])
        emergency = [c for c in self.registry.support.values() if c.kind == "emergency"]
        return self._render("symptom_cards.html", columns=columns, head=self._handout_head(self.page.path),
                            sources_url=self._sources_url(), emergency=emergency, country_names=SUPPORT_COUNTRIES)

    def get_ready(self, subtype: str | None = None, treatment: str | None = None) -> Markup:
        """Links to what helps before a visit: the subtype's handout, the symptom cards its medicines need, the tool."""
        chosen = self.registry.get("subtypes", subtype) if subtype else None
        treatments = ([self.registry.get("treatments", treatment)] if treatment
                      else self.registry.treatments_for(subtype) if subtype else [])
        alerts = self._alerts_for(treatments) if treatments else list(self.registry.alerts.values())
        handout = next((h for h in self.site.handouts if chosen and h.page == f"handouts/{chosen.id}.md"), None)
        tool = TOOL_PAGE + (f"?subtype={chosen.id}" if chosen else "")
        return self._render("get_ready.html", subtype=chosen, alerts=alerts, handout=handout and {
            "html": self._relative(handout.html), "pdfs": {PAPERS[p]: self._relative(handout.pdf(p)) for p in PAPERS} if self.site.pdfs else {}},
            cards=self._relative(CARDS_PAGE.replace(".md", ".html")), tool=self._relative(tool.replace(".md", ".html")),
            handouts=self._relative("handouts/index.html"), alert_names={a.id: self._alert_name(a) for a in alerts})

    def _alert_name(self, alert) -> dict[str, str]:
        """What a symptom card is about, in a few words (the alert's short name for print)."""
        return alert.title if alert.every_option else alert.name

    def what_matters(self) -> Markup:
        """The "What matters to me" form: a question per tradeoff, suggested questions by subtype, the reader's own."""
        return self._render("what_matters.html", tradeoffs=list(self.registry.tradeoffs.values()),
                            subtypes=list(self.registry.subtypes.values()), site=self.site,
                            url=web_address(self.site.url, self.page.path or TOOL_PAGE))

    def support_contacts(self, country: str) -> Markup:
        contacts = [c for c in self.registry.support.values() if c.country == country]
        if not contacts:
            raise LookupError(f"no support contacts in data for country {country!r}; use kr, us or uk")
        return self._render("support_contacts.html", contacts=contacts)

    def _alerts_for(self, treatments: list) -> list:
        medicines = [m for t in treatments for m in t.medicines]
        return list({a.id: a for m in medicines for a in self.registry.alert_for_medicine(m)}.values())

    def _relative(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.page.path) or ".")

    def handout_list(self) -> Markup:
        links = [{"title": h.title, "html": self._relative(h.html),
                  "pdfs": {PAPERS[paper]: self._relative(h.pdf(paper)) for paper in PAPERS} if self.site.pdfs else {}}
                 for h in self.site.handouts]
        return self._render("handout_list.html", handouts=links)

    def _sources_url(self) -> str:
        """Paper cannot follow links: handouts print where the full source list is."""
        return web_address(self.site.url, "sources.md")

    def _handout_head(self, about_page: str) -> Markup:
        """Date, review dates, web address as text and QR code, and PDF links."""
        url = web_address(self.site.url, about_page)
        handout = next((h for h in self.site.handouts if h.page == self.page.path), None)
        pdfs = {PAPERS[paper]: posixpath.basename(handout.pdf(paper)) for paper in PAPERS} if handout and self.site.pdfs else {}
        return self._render("handout_head.html", url=url, qr_code=Markup(qr_code_svg(url)), site=self.site,
                            review=self.registry.reviews.get(self.page.path), pdfs=pdfs)

    def sources_section(self) -> Markup:
        if not self.page.sources:
            return Markup("")
        return self._render("sources.html", sources=list(self.page.sources.values()))


def _emergency_last(alerts) -> list:
    """Medicine-specific urgent boxes first, then those shown with every option (when to call emergency services)."""
    return sorted(alerts, key=lambda alert: alert.every_option)

"""The macros writers call from pages. Each returns escaped HTML built from checked data."""
from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment
from markupsafe import Markup

from .models import Source, Trial
from .registry import Registry
from .rendering import render_component


@dataclass
class PageState:
    """What one page has shown so far: sources to list at the end, trials already described."""

    path: str
    sources: dict[str, Source] = field(default_factory=dict)
    trials_shown: list[str] = field(default_factory=list)


class GuideMacros:
    def __init__(self, registry: Registry, environment: Environment):
        self.registry = registry
        self.environment = environment
        self.page = PageState("")

    def start_page(self, path: str) -> None:
        self.page = PageState(path)

    def exposed(self) -> dict[str, object]:
        """Macro names as writers type them in pages."""
        return {
            "subtype_basics": self.subtype_basics,
            "options": self.options,
            "option": self.option,
            "trial_results": self.trial_results,
            "urgent_symptoms": self.urgent_symptoms,
            "questions": self.questions,
        }

    def _render(self, name: str, **context: object) -> Markup:
        return render_component(self.environment, name, registry=self.registry, macros=self, **context)

    def cite(self, source_id: str) -> Source:
        source = self.registry.get("sources", source_id)
        self.page.sources.setdefault(source_id, source)
        return source

    def subtype_basics(self, subtype: str) -> Markup:
        return self._render("subtype_basics.html", subtype=self.registry.get("subtypes", subtype))

    def options(self, subtype: str, line: str) -> Markup:
        treatments = self.registry.treatments_for(subtype, line)
        if not treatments:
            raise LookupError(f"no treatments in data for subtype {subtype!r} and line {line!r}")
        # A Markdown heading per option, so each appears in the page's table of contents.
        return Markup("\n\n").join(
            Markup("### {}\n\n{}").format(t.name["en"], self.option(t.id)) for t in treatments)

    def option(self, treatment: str) -> Markup:
        chosen = self.registry.get("treatments", treatment)
        medicines = [self.registry.get("medicines", m) for m in chosen.medicines]
        for medicine in medicines:
            self.cite(medicine.given.source)
        alerts = {a.id: a for m in medicines for a in self.registry.alert_for_medicine(m.id)}
        trials = [self.registry.get("trials", t) for t in chosen.trials]
        new_trials = [t for t in trials if t.id not in self.page.trials_shown]
        cards = Markup("\n").join(self.trial_results(t.id) for t in new_trials)
        return self._render("option.html", treatment=chosen, medicines=medicines, alerts=alerts.values(),
                            trial_cards=cards, trials=trials, new_trials=new_trials)

    def trial_results(self, trial: str) -> Markup:
        chosen: Trial = self.registry.get("trials", trial)
        if chosen.id not in self.page.trials_shown:
            self.page.trials_shown.append(chosen.id)
        side_effects = self.registry.side_effect_rates(chosen.id)
        effects = {rate.id: self.registry.get("effects", rate.effect) for rate in side_effects}
        return self._render("trial_results.html", trial=chosen, side_effects=side_effects, effects=effects)

    def urgent_symptoms(self, alert: str) -> Markup:
        return self._render("urgent.html", alert=self.registry.get("alerts", alert))

    def questions(self, subtype: str) -> Markup:
        return self._render("questions.html", subtype=self.registry.get("subtypes", subtype))

    def sources_section(self) -> Markup:
        if not self.page.sources:
            return Markup("")
        return self._render("sources.html", sources=list(self.page.sources.values()))

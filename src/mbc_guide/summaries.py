"""Data gathered across entries for overview tables: the option grid and side-effect rates across studies."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import get_args

from markupsafe import Markup

from .languages import DEFAULT_LANGUAGE, text_in
from .models import Figure, Line, Result, SideEffectRate, Treatment, Trial
from .registry import Registry
from .repetition import SENTENCE_END, SENTENCE_MIN_WORDS, normalised
from .ui_strings import ui_text


@dataclass(frozen=True)
class OptionGroup:
    """Options shown side by side: one line of treatment, optionally narrowed to a topic."""

    line: str
    topic: str | None
    treatments: list[Treatment]


def option_groups(registry: Registry, subtype: str) -> list[OptionGroup]:
    groups = []
    for line in get_args(Line):
        topics: list[str | None] = []
        for treatment in registry.treatments_for(subtype):
            if line in treatment.lines and treatment.topic not in topics:
                topics.append(treatment.topic)
        for topic in sorted(topics, key=lambda t: (t is not None, t or "")):
            groups.append(OptionGroup(line, topic, registry.treatments_for(subtype, line, topic)))
    return groups


@dataclass(frozen=True)
class HeadlineResult:
    trial: Trial
    result: Result


def grid_answers(treatment: Treatment, language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The grid's one-sentence rows for one option, by row key (the English row name; pages show the catalogue's
    grid.<key> in their language)."""
    return {
        "Visits": text_in(treatment.clinic_visits, language),
        "Hair loss": text_in(treatment.hair_loss, language),
        "How long": text_in(treatment.time_on_treatment, language),
        "Daily life": (text_in(treatment.daily_life[0], language) if treatment.daily_life
                       else ui_text("grid.ask_care_team", language)),
    }


def usual_answers(treatments: list[Treatment], language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Per row, the answer two or more of these options give word for word, if it is a sentence rather than a short
    label: a compare page says it once, above its tables, and those cells point to it (say each thing once)."""
    usual = {}
    for row in grid_answers(treatments[0], language) if treatments else {}:
        answer, count = Counter(grid_answers(t, language)[row] for t in treatments).most_common(1)[0]
        if count > 1 and is_sentence(answer):
            usual[row] = answer
    return usual


def is_sentence(cell: str) -> bool:
    """A long answer, said once on a page; a short one ("Common.", a link to the usual answer) is a label."""
    return len(Markup(cell).striptags().split()) >= SENTENCE_MIN_WORDS


class SaidOnce:
    """A compare page's answers in the order they are said: a long sentence (not a short label) that an earlier
    option already gave in the same row is not said again; the cell points to that option instead ("See THP."). Plain answers are
    compared sentence by sentence, cells with links as a whole. Equal neighbours in one table stay equal, so the
    table still merges them into one cell."""

    USUAL = ("", "", "usual-answers")  # the page's usual answers, said above its tables

    def __init__(self, usual: dict[str, str] | None = None, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = language
        # (row, sentence) -> who said it first: (option id, name, table anchor)
        self._usual = {key: normalised(answer) for key, answer in (usual or {}).items()}
        self._first: dict[tuple[str, str], tuple[str, str, str]] = {
            (key, normalised(sentence)): self.USUAL
            for key, answer in (usual or {}).items() for sentence in SENTENCE_END.split(answer) if is_sentence(sentence)}

    def row(self, key: str, cells: list[str], options: list[tuple[str, str]], table: str) -> list[str]:
        """One row of one table: `options` are (id, name) by column; `table` is the table's anchor on the page."""
        said: list[str] = []
        for index, cell in enumerate(cells):
            same_run = index and cells[index - 1] == cell
            said.append(said[-1] if same_run else self._once(key, cell, (*options[index], table)))
        return said

    def _once(self, key: str, cell: str, option: tuple[str, str, str]) -> str:
        if self._usual.get(key) == normalised(Markup(cell).striptags()):
            return Markup('<a href="#usual-answers">{}</a>').format(ui_text("grid.usual_see_top", self.language))
        parts = [cell] if isinstance(cell, Markup) else [p for p in SENTENCE_END.split(cell) if p]
        kept: list[str] = []
        for part in parts:
            owner = self._first.setdefault((key, normalised(part)), option) if is_sentence(part) else option
            shown = part if owner[0] == option[0] else self._reference(owner, option)
            if not kept or kept[-1] != shown:
                kept.append(shown)
        return Markup(" ").join(kept)

    def _reference(self, owner: tuple[str, str, str], option: tuple[str, str, str]) -> Markup:
        if owner == self.USUAL:
            return Markup('<a href="#usual-answers">{}</a>').format(ui_text("grid.usual_see_top_brackets", self.language))
        if owner[2] == option[2]:
            return Markup(ui_text("grid.see", self.language)).format(name=owner[1])
        return Markup(ui_text("grid.see", self.language)).format(name=Markup('<a href="#{}">{}</a>').format(owner[2], owner[1]))


def headline_result(registry: Registry, treatment: Treatment) -> HeadlineResult | None:
    """The first result of the first study in which this option was an arm: what the grid's last row shows."""
    for trial_id in treatment.trials:
        trial = registry.get("trials", trial_id)
        if trial.results and any(arm.treatment == treatment.id for arm in trial.arms):
            return HeadlineResult(trial, trial.results[0])
    return None


def headlines_side_by_side(registry: Registry, treatments: list[Treatment]) -> dict[str, HeadlineResult | None]:
    """What each option's study found, for options shown together: where two of them were compared head to head,
    that study's result is used for both (showing-numbers rule 8). Checked: no option shows two values."""
    chosen: dict[str, HeadlineResult | None] = {}
    for treatment in treatments:
        shared = _head_to_head(registry, treatment, [t for t in treatments if t.id != treatment.id])
        chosen[treatment.id] = HeadlineResult(shared, shared.results[0]) if shared else headline_result(registry, treatment)
    check_one_value_per_option(chosen)
    return chosen


def _head_to_head(registry: Registry, treatment: Treatment, others: list[Treatment]) -> Trial | None:
    for trial_id in treatment.trials:
        trial = registry.get("trials", trial_id)
        in_arms = {arm.treatment for arm in trial.arms}
        if trial.results and treatment.id in in_arms and any(other.id in in_arms for other in others):
            return trial
    return None


class TwoValuesInOneTable(LookupError):
    pass


def check_one_value_per_option(headlines: dict[str, HeadlineResult | None]) -> None:
    """Every cell names every arm of its study; one option must not get two figures for one measure in a table."""
    seen: dict[tuple[str, str], tuple[float, str]] = {}
    for headline in filter(None, headlines.values()):
        for arm in headline.trial.arms:
            if arm.treatment is None or arm.id not in headline.result.values:
                continue
            key = (arm.treatment, headline.result.measure)
            shown = (headline.result.values[arm.id].value, headline.trial.name)
            earlier = seen.setdefault(key, shown)
            if earlier[0] != shown[0]:
                raise TwoValuesInOneTable(
                    f"option {arm.treatment!r} would show two values for {headline.result.measure} in one table "
                    f"({earlier[1]} {earlier[0]:g}, {shown[1]} {shown[0]:g}); use the head-to-head study for both")


def different_studies(headlines: dict[str, HeadlineResult | None]) -> bool:
    """True when the options' results come from more than one study: readers must not compare them."""
    return len({headline.trial.id for headline in headlines.values() if headline}) > 1


@dataclass
class RateRow:
    """One arm of one study: its rates of a side effect by column (any, serious, fatal), each with its entry."""

    trial: Trial
    arm: str
    arm_label: str
    by_column: dict[str, SideEffectRate] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def figures(self) -> list[Figure]:
        return [rate.values[self.arm] for rate in self.by_column.values() if self.arm in rate.values]

    @property
    def rates(self) -> list[SideEffectRate]:
        return list(self.by_column.values())


COLUMNS = {"any": "any", "grade3_plus": "serious", "grade3": "serious", "grade3_4": "serious", "fatal": "fatal"}


def rate_rows(registry: Registry, effect: str, language: str = DEFAULT_LANGUAGE) -> list[RateRow]:
    """Every study arm with a rate of this side effect, in data order, severities side by side."""
    rows: dict[tuple[str, str], RateRow] = {}
    for rate in registry.rates_for_effect(effect):
        trial = registry.get("trials", rate.trial)
        labels = {arm.id: text_in(arm.label, language) for arm in trial.arms}
        for arm in [*rate.values, *rate.not_reported]:
            row = rows.setdefault((trial.id, arm), RateRow(trial, arm, labels[arm]))
            row.by_column[COLUMNS[rate.severity]] = rate
        if rate.note:
            first_arm = next(iter([*rate.values, *rate.not_reported]))
            rows[(trial.id, first_arm)].notes.append(text_in(rate.note, language))
    return list(rows.values())

"""What a handout for a clinic talk shows about each first option, side by side: how and how often it is given,
time in the chair, the main side effects with how many people had them, hair loss, and what the study found.

Where two options shown together were compared in one study, that study's figures are used for both
(showing-numbers rule 8), and the study is shown once across both columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .charts import years_scale
from .models import Effect, Figure, Result, Treatment, Trial
from .numbers import format_number, months_in_words, natural_frequency
from .phrases import (CAVEAT_WORDS, LINE_NAMES, TOPIC_NAMES, arm_labels, caveat_kinds, is_median, mid_sentence,
                      sentence_case, sentences as sentences_of, ways_given)
from .registry import Registry
from .summaries import option_groups

# Side effects with their own row (hair loss) or counted another way (serious side effects of any kind).
NOT_IN_EFFECT_LIST = ("hair-loss", "serious")
MOST_EFFECTS = 3  # the most common three (urgent ones first), plus hair loss: a narrow column at 12 pt
AS_EARLIER = "time in the chair as earlier on this sheet."
DURATION = re.compile(r"\b(minutes?|hours?)\b")


@dataclass(frozen=True)
class EffectCount:
    effect: Effect
    figure: Figure

    @property
    def short_name(self) -> str:
        """'feeling sick', without the medical word in brackets: the sheet is narrow, and the page has both."""
        return self.effect.name["en"].split(" (")[0]


@dataclass(frozen=True)
class OptionColumn:
    treatment: Treatment
    trial: Trial | None  # the study whose figures this column shows
    chair_time: list[str]
    visits: str  # how often: the option's clinic visits, or where the sheet said the same visits before
    effects: list[EffectCount]
    hair_loss: Figure | None
    named_effects: list[dict[str, str]]  # without counts: the first MOST_EFFECTS main side effects but hair loss


@dataclass(frozen=True)
class StudyCell:
    """What one study found, under the columns of the options it compared (`span` columns wide)."""

    trial: Trial
    result: Result
    span: int


@dataclass(frozen=True)
class SideBySide:
    line: str
    topic: str | None
    columns: list[OptionColumn]
    studies: list[StudyCell | None]

    @property
    def from_different_studies(self) -> bool:
        return len({column.trial.id for column in self.columns if column.trial}) > 1


def first_options(registry: Registry, subtype: str) -> list[SideBySide]:
    """The first-treatment groups of a subtype, each as columns side by side."""
    tables = []
    for group in option_groups(registry, subtype):
        if group.line != "first":
            continue
        shown = [t.id for t in group.treatments]
        columns = _same_effects([_column(registry, t, study_for(registry, t, shown)) for t in group.treatments])
        tables.append(SideBySide(group.line, group.topic, columns, _study_cells(columns)))
    return _said_once(tables)


def _said_once(tables: list[SideBySide]) -> list[SideBySide]:
    """A medicine's time in the chair is said at its first column on the sheet, and an option's visits at the first
    option of an earlier table that has the same: later columns point back to them. Within one table the visits stay,
    so options given alike still share one cell."""
    said: set[str] = set()
    visits_said: dict[str, str] = {}  # visits -> the option whose column said them first
    shown = []
    for table in tables:
        columns = []
        for column in table.columns:
            sentences = [s if s not in said else f"{s.split(':')[0]}: {AS_EARLIER}" for s in column.chair_time]
            said.update(column.chair_time)
            earlier = visits_said.get(column.visits)
            visits = f"Visits as for {mid_sentence(earlier)}, earlier on this sheet." if earlier else column.visits
            columns.append(replace(column, chair_time=sentences, visits=visits))
        for column in table.columns:
            visits_said.setdefault(column.visits, column.treatment.short_name["en"])
        shown.append(replace(table, columns=columns))
    return shown


def later_options(registry: Registry, subtype: str) -> list[Treatment]:
    """Every option that is not a first treatment, in page order, each once."""
    return [t for group in later_groups(registry, subtype) for t in group.treatments]


@dataclass(frozen=True)
class LaterGroup:
    """Later options for one situation (line and topic), for page 2's list in brief: one line per option."""

    line: str
    topic: str | None
    treatments: list[Treatment]


# How a later option is given, in a word a way: page 1 says "a drip into a vein" in full.
ROUTES_IN_BRIEF = {"pill": "pills", "drip": "drip", "injection": "injections"}


def routes_in_brief(registry: Registry, treatment: Treatment) -> str:
    """'pills and injections': each way the option is given, once, in the order of its medicines."""
    routes = [ROUTES_IN_BRIEF[registry.get("medicines", m).given.route] for m in treatment.medicines]
    return " and ".join(dict.fromkeys(routes))


def later_group_name(group: LaterGroup) -> str:
    """Under the heading "later options": the situation alone ("For cancer with a gene change"), else the line."""
    return sentence_case(TOPIC_NAMES[group.topic]) if group.topic else LINE_NAMES[group.line]


def later_groups(registry: Registry, subtype: str) -> list[LaterGroup]:
    """The options that are not first treatments, by situation in page order, each option once (in its first group)."""
    seen: set[str] = set()
    groups = []
    for group in option_groups(registry, subtype):
        fresh = [t for t in group.treatments if t.id not in seen] if group.line != "first" else []
        seen.update(t.id for t in fresh)
        if fresh:
            groups.append(LaterGroup(group.line, group.topic, fresh))
    return groups


def study_for(registry: Registry, treatment: Treatment, shown: list[str]) -> Trial | None:
    """The study that compared this option with another one shown beside it; else its first study with it as an arm."""
    trials = [registry.get("trials", t) for t in treatment.trials]
    own = [t for t in trials if any(arm.treatment == treatment.id for arm in t.arms) and t.results]
    comparing = [t for t in own if any(arm.treatment in shown and arm.treatment != treatment.id for arm in t.arms)]
    return (comparing or own or [None])[0]


def chair_time(registry: Registry, treatment: Treatment) -> list[str]:
    """For each medicine given at the clinic, the first sentence of how it is given that says how long it takes."""
    sentences = []
    for medicine_id in treatment.medicines:
        medicine = registry.get("medicines", medicine_id)
        if medicine.given.route == "pill":
            continue
        timed = [s for detail in medicine.given.details for s in sentences_of(detail["en"]) if DURATION.search(s)]
        if timed:
            sentences.append(f"{sentence_case(medicine.name['en'])}: {timed[0][:1].lower()}{timed[0][1:]}")
    return sentences


def caveats(trial: Trial, result: Result | None = None) -> list[str]:
    """What a study's figures cannot say, one short sentence per caveat kind of the result (phrases.caveat_kinds,
    the list every component uses): printed wherever its figures go."""
    return [f"{sentence_case(CAVEAT_WORDS[kind])}." for kind in caveat_kinds(trial, result)]


def _column(registry: Registry, treatment: Treatment, trial: Trial | None) -> OptionColumn:
    effects: list[EffectCount] = []
    hair_loss = None
    arm = next((a.id for a in trial.arms if a.treatment == treatment.id), None) if trial else None
    for rate in registry.side_effect_rates(trial.id) if arm else []:
        if rate.severity != "any" or arm not in rate.values:
            continue
        if rate.effect == "hair-loss":
            hair_loss = rate.values[arm]
        elif rate.effect not in NOT_IN_EFFECT_LIST:
            effects.append(EffectCount(registry.get("effects", rate.effect), rate.values[arm]))
    named = [e for e in treatment.main_side_effects if not e["en"].lower().startswith("hair loss")][:MOST_EFFECTS]
    return OptionColumn(treatment, trial, chair_time(registry, treatment), treatment.clinic_visits["en"], effects,
                        hair_loss, named)


def _same_effects(columns: list[OptionColumn]) -> list[OptionColumn]:
    """Every column lists the same side effects in the same order, so arms of one study line up: effects with an
    urgent box first, then the most common in any column, up to MOST_EFFECTS."""
    highest: dict[str, tuple[bool, float]] = {}
    for count in (count for column in columns for count in column.effects):
        rank = (count.effect.alert is None, -count.figure.value)
        highest[count.effect.id] = min(highest.get(count.effect.id, rank), rank)
    chosen = sorted(highest, key=highest.__getitem__)[:MOST_EFFECTS]
    return [replace(column, effects=sorted((c for c in column.effects if c.effect.id in chosen),
                                           key=lambda c: chosen.index(c.effect.id))) for column in columns]


def _study_cells(columns: list[OptionColumn]) -> list[StudyCell | None]:
    """One cell per study: neighbouring columns with the same study share one cell."""
    cells: list[StudyCell | None] = []
    previous: StudyCell | None = None
    for column in columns:
        if previous and column.trial and column.trial.id == previous.trial.id:
            cells[-1] = previous = StudyCell(previous.trial, previous.result, previous.span + 1)
            continue
        previous = StudyCell(column.trial, column.trial.results[0], 1) if column.trial else None
        cells.append(previous)
    return cells


@dataclass(frozen=True)
class ArmValue:
    label: str
    words: str
    months: float


# A median, in words for a narrow column: the time half of the people reached, or longer.
MEDIAN_LEADS = {
    "pfs_median": "Half of the people had no growth or spread for at least:",
    "os_median": "Half of the people lived for at least:",
    "brain_pfs_median": "Half of the people had no growth of their cancer in the brain for at least:",
}


# How treatments.yaml says hair loss is not reported; on the narrow column of a sheet it is said in three words.
NOT_REPORTED = "Our sources do not report it"


def hair_loss_words(column: OptionColumn) -> str | None:
    """Hair loss in a column without a count: the treatment's own words, shortened when they say it is unreported."""
    words = column.treatment.hair_loss["en"]
    return "not in our sources" if words.startswith(NOT_REPORTED) else None


@dataclass(frozen=True)
class SharedCell:
    """One cell of a row under `columns` neighbouring options that say the same thing."""

    columns: list[OptionColumn]
    text: str

    @property
    def names(self) -> str:
        """The options' short names, for phones, where the columns stack."""
        return ", ".join(column.treatment.short_name["en"] for column in self.columns)


def given_cells(registry: Registry, table: SideBySide) -> list[SharedCell]:
    """How each option is given, how often and how long it takes."""
    def given(column: OptionColumn) -> str:
        treatment = column.treatment
        return " ".join([f"{sentence_case(ways_given(treatment.medicines, registry.medicines))}.",
                         column.visits, *column.chair_time])
    return _shared_cells(table, given)


def hair_loss_cells(table: SideBySide) -> list[SharedCell]:
    """How many people lost their hair in the study, or what the option's own words say when no count is given."""
    def hair_loss(column: OptionColumn) -> str:
        if column.hair_loss:
            return natural_frequency(column.hair_loss.value).replace(" people", "")
        return hair_loss_words(column) or mid_sentence(column.treatment.hair_loss["en"])
    return _shared_cells(table, hair_loss)


def _shared_cells(table: SideBySide, text_of) -> list[SharedCell]:
    """A row's cells, where neighbouring options that say the same share one cell, so the sheet says it once."""
    cells: list[SharedCell] = []
    for column in table.columns:
        text = text_of(column)
        if cells and cells[-1].text == text:
            cells[-1] = SharedCell([*cells[-1].columns, column], text)
        else:
            cells.append(SharedCell([column], text))
    return cells


def per_column(cells: list[SharedCell]) -> list[str]:
    """A row's words for each option in turn, a shared cell's words under each of its options."""
    return [cell.text for cell in cells for _ in cell.columns]


# Up to this many options, a table is wide enough on paper for each option's answers to run on in one cell.
COMPACT_WIDTH = 2


def is_compact(table: SideBySide) -> bool:
    """Whether the sheet prints the table as one row, each option's answers in one cell: a narrow table, each option
    with its own study (a study of two options stays one cell, with both arms)."""
    return len(table.columns) <= COMPACT_WIDTH and len(table.studies) == len(table.columns)


def shows_medians(tables: list[SideBySide]) -> bool:
    """Whether any study result on the sheet is a median, which the key then explains (the middle, not a limit)."""
    return any(cell and is_median(cell.result) for table in tables for cell in table.studies)


def sheet_lead(tables: list[SideBySide]) -> str | None:
    """The lead-in that every table's row of study results shares, said once in the sheet's key; else None."""
    leads = {shared_lead(table) for table in tables}
    return leads.pop() if len(leads) == 1 else None


def shared_lead(table: SideBySide) -> str | None:
    """The lead-in of a row of study cells that all give the same kind of median: said once, in the row's heading."""
    measures = {cell.result.measure for cell in table.studies if cell}
    if None in table.studies or len(measures) != 1:
        return None
    return MEDIAN_LEADS.get(measures.pop())


def median_lines(trial: Trial, result: Result) -> tuple[str, list[ArmValue]]:
    """A median result as a lead-in and one short line per arm, for narrow columns."""
    lead = MEDIAN_LEADS[result.measure]
    labels = arm_labels(trial)
    return lead, [ArmValue(labels[arm], f"{months_in_words(f.value)} ({format_number(f.value)} months)", f.value)
                  for arm, f in result.values.items()]


def bar_years(tables: list[SideBySide]) -> int:
    """Whole years that hold the longest median on the sheet: every bar of the sheet is drawn on this one scale."""
    months = [f.value for table in tables for cell in table.studies if cell and is_median(cell.result)
              for f in cell.result.values.values()]
    return years_scale(max(months, default=12))

"""What a handout for a clinic talk shows about each first option, side by side: how and how often it is given,
time in the chair, the main side effects with how many people had them, hair loss, and what the study found.

Where two options shown together were compared in one study, that study's figures are used for both
(showing-numbers rule 8), and the study is shown once across both columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from functools import partial
from types import SimpleNamespace

from .charts import years_scale
from .language_words import phrases_in
from .languages import DEFAULT_LANGUAGE, text_in
from .models import Effect, Figure, Result, Treatment, Trial
from .numbers import format_number
from .phrases import caveat_kinds, is_median, mid_sentence, sentence_case, sentences as sentences_of
from .registry import Registry
from .summaries import option_groups
from .ui_strings import ui_text

# Side effects with their own row (hair loss) or counted another way (serious side effects of any kind).
NOT_IN_EFFECT_LIST = ("hair-loss", "serious")
MOST_EFFECTS = 3  # the most common three (urgent ones first), plus hair loss: a narrow column at 12 pt
# A sentence of how a medicine is given that says how long it takes, in each language.
DURATION = {"en": re.compile(r"\b(minutes?|hours?)\b"), "ko": re.compile(r"\d+\s*(분|시간)")}


@dataclass(frozen=True)
class EffectCount:
    effect: Effect
    figure: Figure
    language: str = DEFAULT_LANGUAGE

    @property
    def short_name(self) -> str:
        """'feeling sick', without the medical word in brackets: the sheet is narrow, and the page has both."""
        return re.split(r" ?\(", text_in(self.effect.name, self.language), maxsplit=1)[0]


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


def first_options(registry: Registry, subtype: str, language: str = DEFAULT_LANGUAGE) -> list[SideBySide]:
    """The first-treatment groups of a subtype, each as columns side by side."""
    tables = []
    for group in option_groups(registry, subtype):
        if group.line != "first":
            continue
        shown = [t.id for t in group.treatments]
        columns = _same_effects([_column(registry, t, study_for(registry, t, shown), language)
                                 for t in group.treatments])
        tables.append(SideBySide(group.line, group.topic, columns, _study_cells(columns)))
    return _said_once(tables, language)


def _said_once(tables: list[SideBySide], language: str = DEFAULT_LANGUAGE) -> list[SideBySide]:
    """A medicine's time in the chair is said at its first column on the sheet, and an option's visits at the first
    option of an earlier table that has the same: later columns point back to them. Within one table the visits stay,
    so options given alike still share one cell."""
    said: set[str] = set()
    visits_said: dict[str, str] = {}  # visits -> the option whose column said them first
    shown = []
    for table in tables:
        columns = []
        for column in table.columns:
            as_earlier = ui_text("clinic.as_earlier", language)
            sentences = [s if s not in said else f"{s.split(':')[0]}: {as_earlier}" for s in column.chair_time]
            said.update(column.chair_time)
            earlier = visits_said.get(column.visits)
            visits = ui_text("clinic.visits_as_earlier", language, option=mid_sentence(earlier)) if earlier else column.visits
            columns.append(replace(column, chair_time=sentences, visits=visits))
        for column in table.columns:
            visits_said.setdefault(column.visits, text_in(column.treatment.short_name, language))
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


# How a later option is given, in a word a way: page 1 says "a drip into a vein" in full (catalogue clinic.route.*).
ROUTES_IN_BRIEF = {"pill": "pills", "drip": "drip", "injection": "injections"}


def routes_in_brief(registry: Registry, treatment: Treatment, language: str = DEFAULT_LANGUAGE) -> str:
    """'pills and injections': each way the option is given, once, in the order of its medicines."""
    routes = [ui_text(f"clinic.route.{registry.get('medicines', m).given.route}", language) for m in treatment.medicines]
    return ui_text("list.and", language).join(dict.fromkeys(routes))


def later_group_name(group: LaterGroup, language: str = DEFAULT_LANGUAGE) -> str:
    """Under the heading "later options": the situation alone ("For cancer with a gene change"), else the line."""
    words = phrases_in(language)
    return sentence_case(words.TOPIC_NAMES[group.topic]) if group.topic else words.LINE_NAMES[group.line]


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


def chair_time(registry: Registry, treatment: Treatment, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """For each medicine given at the clinic, the first sentence of how it is given that says how long it takes."""
    sentences = []
    for medicine_id in treatment.medicines:
        medicine = registry.get("medicines", medicine_id)
        if medicine.given.route == "pill":
            continue
        timed = [s for detail in medicine.given.details for s in sentences_of(text_in(detail, language))
                 if DURATION[language].search(s)]
        if timed:
            sentences.append(f"{sentence_case(text_in(medicine.name, language))}: {timed[0][:1].lower()}{timed[0][1:]}")
    return sentences


def caveats(trial: Trial, result: Result | None = None, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """What a study's figures cannot say, one short sentence per caveat kind of the result (phrases.caveat_kinds,
    the list every component uses): printed wherever its figures go."""
    words = phrases_in(language).CAVEAT_WORDS
    return [f"{sentence_case(words[kind])}." for kind in caveat_kinds(trial, result)]


def _column(registry: Registry, treatment: Treatment, trial: Trial | None,
            language: str = DEFAULT_LANGUAGE) -> OptionColumn:
    effects: list[EffectCount] = []
    hair_loss = None
    arm = next((a.id for a in trial.arms if a.treatment == treatment.id), None) if trial else None
    for rate in registry.side_effect_rates(trial.id) if arm else []:
        if rate.severity != "any" or arm not in rate.values:
            continue
        if rate.effect == "hair-loss":
            hair_loss = rate.values[arm]
        elif rate.effect not in NOT_IN_EFFECT_LIST:
            effects.append(EffectCount(registry.get("effects", rate.effect), rate.values[arm], language))
    named = [e for e in treatment.main_side_effects if not e["en"].lower().startswith("hair loss")][:MOST_EFFECTS]
    return OptionColumn(treatment, trial, chair_time(registry, treatment, language),
                        text_in(treatment.clinic_visits, language), effects, hair_loss, named)


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


# A median, in words for a narrow column: the time half of the people reached, or longer (catalogue clinic.lead.*).
MEDIAN_MEASURES_LED = ("pfs_median", "os_median", "brain_pfs_median")
MEDIAN_LEADS = {measure: ui_text(f"clinic.lead.{measure}", DEFAULT_LANGUAGE) for measure in MEDIAN_MEASURES_LED}


def median_lead(measure: str, language: str = DEFAULT_LANGUAGE) -> str | None:
    return ui_text(f"clinic.lead.{measure}", language) if measure in MEDIAN_MEASURES_LED else None


# How treatments.yaml says hair loss is not reported; on the narrow column of a sheet it is said in three words.
NOT_REPORTED = "Our sources do not report it"


def hair_loss_words(column: OptionColumn, language: str = DEFAULT_LANGUAGE) -> str | None:
    """Hair loss in a column without a count: the treatment's own words, shortened when they say it is unreported."""
    words = column.treatment.hair_loss["en"]  # the English says whether it is reported, in every edition
    return ui_text("clinic.not_in_sources", language) if words.startswith(NOT_REPORTED) else None


@dataclass(frozen=True)
class SharedCell:
    """One cell of a row under `columns` neighbouring options that say the same thing."""

    columns: list[OptionColumn]
    text: str
    language: str = DEFAULT_LANGUAGE

    @property
    def names(self) -> str:
        """The options' short names, for phones, where the columns stack."""
        return ", ".join(text_in(column.treatment.short_name, self.language) for column in self.columns)


def given_cells(registry: Registry, table: SideBySide, language: str = DEFAULT_LANGUAGE) -> list[SharedCell]:
    """How each option is given, how often and how long it takes."""
    words = phrases_in(language)

    def given(column: OptionColumn) -> str:
        treatment = column.treatment
        return " ".join([f"{sentence_case(words.ways_given(treatment.medicines, registry.medicines))}.",
                         column.visits, *column.chair_time])
    return _shared_cells(table, given, language)


def hair_loss_cells(table: SideBySide, language: str = DEFAULT_LANGUAGE) -> list[SharedCell]:
    """How many people lost their hair in the study, or what the option's own words say when no count is given."""
    words = phrases_in(language)

    def hair_loss(column: OptionColumn) -> str:
        if column.hair_loss:
            return words.natural_frequency(column.hair_loss.value).replace(" people", "")
        return hair_loss_words(column, language) or mid_sentence(text_in(column.treatment.hair_loss, language))
    return _shared_cells(table, hair_loss, language)


def _shared_cells(table: SideBySide, text_of, language: str = DEFAULT_LANGUAGE) -> list[SharedCell]:
    """A row's cells, where neighbouring options that say the same share one cell, so the sheet says it once."""
    cells: list[SharedCell] = []
    for column in table.columns:
        text = text_of(column)
        if cells and cells[-1].text == text:
            cells[-1] = SharedCell([*cells[-1].columns, column], text, language)
        else:
            cells.append(SharedCell([column], text, language))
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


def sheet_lead(tables: list[SideBySide], language: str = DEFAULT_LANGUAGE) -> str | None:
    """The lead-in that every table's row of study results shares, said once in the sheet's key; else None."""
    leads = {shared_lead(table, language) for table in tables}
    return leads.pop() if len(leads) == 1 else None


def shared_lead(table: SideBySide, language: str = DEFAULT_LANGUAGE) -> str | None:
    """The lead-in of a row of study cells that all give the same kind of median: said once, in the row's heading."""
    measures = {cell.result.measure for cell in table.studies if cell}
    if None in table.studies or len(measures) != 1:
        return None
    return median_lead(measures.pop(), language)


def median_lines(trial: Trial, result: Result, language: str = DEFAULT_LANGUAGE) -> tuple[str, list[ArmValue]]:
    """A median result as a lead-in and one short line per arm, for narrow columns."""
    words = phrases_in(language)
    lead = median_lead(result.measure, language)
    labels = words.arm_labels(trial)
    return lead, [ArmValue(labels[arm], ui_text("clinic.median_words", language, words=words.months_in_words(f.value),
                                                months=format_number(f.value)), f.value)
                  for arm, f in result.values.items()]


def bar_years(tables: list[SideBySide]) -> int:
    """Whole years that hold the longest median on the sheet: every bar of the sheet is drawn on this one scale."""
    months = [f.value for table in tables for cell in table.studies if cell and is_median(cell.result)
              for f in cell.result.values.values()]
    return years_scale(max(months, default=12))


def in_language(language: str) -> SimpleNamespace:
    """This module for a handout in one language: the functions the handout template calls, their words in it."""
    worded = ("first_options", "routes_in_brief", "later_group_name", "chair_time", "caveats", "hair_loss_words",
              "given_cells", "hair_loss_cells", "sheet_lead", "shared_lead", "median_lines")
    plain = ("later_groups", "later_options", "per_column", "is_compact", "shows_medians", "bar_years", "study_for")
    return SimpleNamespace(**{name: partial(globals()[name], language=language) for name in worded},
                           **{name: globals()[name] for name in plain})

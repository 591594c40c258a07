"""Typed models for everything in data/. Unknown keys are errors, so typos never pass silently.

Reader-facing text is `Text`: a plain string (English) or a mapping of language codes,
so a Korean translation can be added beside the English later. Numbers stay language-neutral.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictFloat, StrictInt,
                      ValidationInfo, field_validator)

LANGUAGES = ("en", "ko")
Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="lower-case words joined by hyphens")]


def _text_from_yaml(value: object) -> object:
    return {"en": value} if isinstance(value, str) else value


MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>|javascript:|&#?\w+;", re.I)


def _no_markup(value: str) -> str:
    """Data is shown as plain text everywhere (pages, tooltips, pictures, PDFs); markup would show as code."""
    found = MARKUP.search(value)
    if found:
        raise ValueError(f"contains markup {found.group(0)!r}; write plain text (the site shows data as text, "
                         "never as code)")
    return value


def _no_hidden_host(value: str) -> str:
    """A do-not-link host named in words sends readers there as surely as a link: describe the copy instead."""
    found = FORBIDDEN_HOST_IN_TEXT.search(value)
    if found:
        raise ValueError(f"names {found.group(0)!r}, a host readers must never be sent to (mirror, test server or "
                         "repost), even without a link; describe it ('a summary on a repost site (not linked)') or "
                         "cite the primary publication")
    return value


def _reader_text(value: str) -> str:
    return _no_hidden_host(_no_markup(value))


def _text_has_english(value: dict[str, str]) -> dict[str, str]:
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise ValueError(f"unknown language {sorted(unknown)[0]!r}; use one of {', '.join(LANGUAGES)}")
    if not value.get("en", "").strip():
        raise ValueError("English text ('en') is required")
    for text in value.values():
        _reader_text(text)
    return value


Text = Annotated[dict[str, str], BeforeValidator(_text_from_yaml, json_schema_input_type=str | dict[str, str]),
                 AfterValidator(_text_has_english)]
PlainText = Annotated[str, AfterValidator(_reader_text)]
Number = StrictFloat | StrictInt

# Ranges of values: checked when data loads (with plain messages) and written into the editors' JSON Schemas.
LONGEST_STUDY_MONTHS = 240  # no study on this site reports more than 20 years


def _ranged(low: float, high: float | None, low_included: bool, message: str):
    """A number type with a range: `message` is what a writer reads, with {value} in it."""
    def check(value: float) -> float:
        too_low = value < low if low_included else value <= low
        if too_low or (high is not None and value > high):
            raise ValueError(message.format(value=value))
        return value
    schema = {"minimum" if low_included else "exclusiveMinimum": low} | ({"maximum": high} if high is not None else {})
    return Annotated[Number, AfterValidator(check), Field(json_schema_extra=schema)]


Amount = _ranged(0, None, True, "{value} is below 0; counts, rates and times are never negative")
Rate = _ranged(0, 100, True, "{value} is not a number of people out of 100; a rate is from 0 to 100")
Months = _ranged(0, LONGEST_STUDY_MONTHS, False, f"{{value}} months is not a time a study reports; it must be more than "
                                                 f"0 and at most {LONGEST_STUDY_MONTHS} (20 years)")
# Key facts in years are ages or times since diagnosis.
Years = _ranged(0, 120, False, "{value} years is not a possible age or time; it must be more than 0 and at most 120")
Count = _ranged(0, None, True, "{value} is below 0; a number of people is 0 or more")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(Strict):
    """One number shown to readers, with the evidence entry it was copied from and the source to cite.

    `value` equals the evidence entry's value, or, with `from_claim: true`, a figure its claim states
    for the comparison arm (entries hold one value each; the other arm's figure is in the claim or comparator).
    """

    value: Amount
    fact: Id
    source: Id
    from_claim: bool = False
    # The source gives only an upper bound ("<1%"): readers see "fewer than {value} out of 100".
    less_than: bool = False


# Hosts readers are never sent to (mirrors, test servers, reposts, forums): the evidence README's do-not-link list.
DO_NOT_LINK_HOSTS = (
    "mimsdev.com", "nfdi-search.nliwod.org", "insight.jci.org", "antineoplasticandi.com", "synapsesocial.com",
    "journaljams.org", "together4cancer.org", "alzheimers-ce.com", "her2support.org", "coachoutletstoreonlinev.com",
    "mdedge-cache.qa01.mdedge.com", "staging.physiciansweekly.com", "vercel.app", "120ty.net", "tabletscapsules.com",
    "github.com",
)
BARE_IP = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
# The same hosts written in a sentence: "a summary on together4cancer.org", "uat.mimsdev.com/hongkong/...".
FORBIDDEN_HOST_IN_TEXT = re.compile(
    r"(?<![a-z0-9.-])(?:[a-z0-9-]+\.)*(?:" + "|".join(re.escape(host) for host in DO_NOT_LINK_HOSTS) + r")(?![a-z0-9-])",
    re.I)  # ASCII: a Korean particle may follow the host directly ("journaljams.org와")


def forbidden_host(url: str) -> str | None:
    """The do-not-link host a web address points to, if any (subdomains included), else None."""
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    if BARE_IP.match(host):
        return host
    return next((h for h in DO_NOT_LINK_HOSTS if host == h or host.endswith("." + h)), None)


def _linkable(url: str | None) -> str | None:
    host = forbidden_host(url) if url else None
    if host:
        raise ValueError(f"links {host}, a host readers must never be sent to (mirror, test server or repost); "
                         "link the primary publication (DOI or PubMed) or an official page, or name the source without a link")
    return url


class RateFigure(Figure):
    value: Rate


class MonthsFigure(Figure):
    value: Months


class CountFigure(Figure):
    value: Count


class Source(Strict):
    id: Id
    title: PlainText
    publisher: PlainText
    published: Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) else v,
                                              json_schema_input_type=str | int)] = Field(
        description="date or year of publication as printed by the source")
    url: Annotated[str | None, Field(pattern=r"^https://"), AfterValidator(_linkable)] = None
    read_in: PlainText | None = None
    read_in_url: Annotated[str | None, Field(pattern=r"^https?://"), AfterValidator(_linkable)] = None
    supports: Text


class Subtype(Strict):
    id: Id
    name: Text
    short_name: Text
    page: str
    what_it_means: Text
    how_tested: Text
    questions: list[Text]


Line = Literal["first", "maintenance", "later"]
Topic = Literal["gene-changes", "her2-low", "brain", "adc", "pd-l1-positive", "no-immunotherapy", "after-cdk46", "esr1",
                "pik3ca-akt"]
Route = Literal["drip", "pill", "injection"]


class HowGiven(Strict):
    route: Route
    schedule: Text
    details: list[Text] = []
    facts: list[Id]
    source: Id


class Medicine(Strict):
    id: Id
    name: Text
    brand: PlainText | None = None
    kind: Text
    given: HowGiven
    # Its serious risks, each an urgent box in data/alerts.yaml that lists this medicine. Required, so a new
    # medicine cannot be added without deciding which urgent symptoms go with it ([] only when none apply).
    serious_risks: list[Id]


# A comma inside an unquoted item of a [list] splits it: "lung inflammation, which can be serious" becomes two
# side effects, and the clinic sheet, which names the first three, may show the fragment alone.
FRAGMENT_START = re.compile(r"^(which|such as|that|who|including|especially)\b", re.IGNORECASE)


def _whole_side_effects(items: list[dict[str, str]]) -> list[dict[str, str]]:
    for item in items:
        if FRAGMENT_START.match(item["en"]):
            raise ValueError(f"'{item['en']}' reads as the end of the side effect before it: a comma inside an item "
                             "splits it in a [list]; put the whole item in quotes")
    return items


class Treatment(Strict):
    id: Id
    name: Text
    short_name: Text
    medicines: list[Id]
    subtypes: list[Id]
    lines: list[Line]
    # Groups options within a line on a page, e.g. options for cancers with a gene change.
    topic: Topic | None = None
    what_it_is: Text
    trials: list[Id]
    daily_life: list[Text] = []
    not_known_yet: list[Text] = []
    # Sequencing in words: which earlier treatments people in its studies had had (and had not), so that a reader
    # does not take a later-line result for their own situation.
    tested_after: Text | None = None
    # Side-effect rates (ids in side_effects.yaml) shown with a frequency word derived from the rate.
    rated_side_effects: list[Id] = []
    # The option grid's rows: the questions people ask when they compare options.
    clinic_visits: Text
    main_side_effects: Annotated[list[Text], AfterValidator(_whole_side_effects)] = Field(min_length=1)
    hair_loss: Text
    time_on_treatment: Text


TIMED_MEASURES = ("pfs_rate", "os_rate")
Measure = Literal[
    "pfs_median",
    "os_median",
    "pfs_rate",
    "os_rate",
    "response_rate",
    "complete_response",
    "brain_pfs_median",
    "brain_response_rate",
]
MEDIAN_MEASURES = ("pfs_median", "os_median", "brain_pfs_median")


# What kind of look at a study a figure comes from; readers see it next to the figure.
Analysis = Literal["primary", "interim", "updated", "final", "long_term", "exploratory", "post_hoc"]
# Caveats a result carries beyond what its analysis and its study already say.
ExtraCaveat = Literal["press_release", "conference_only", "may_be_chance"]


class Arm(Strict):
    id: Id
    label: Text
    treatment: Id | None = None
    participants: CountFigure | None = None


class Result(Strict):
    id: Id
    measure: Measure
    timeframe_months: Months | None = None
    values: dict[Id, Figure]
    note: Text | None = None
    analysis: Analysis
    caveats: list[ExtraCaveat] = []


class Trial(Strict):
    id: Id
    name: PlainText
    population: Text
    design: Text
    kind: Literal["randomised", "single_arm", "subgroup", "pooled"] = "randomised"
    status: Literal["interim", "final"]
    overall_survival: Literal["known", "not_known_yet"]
    # Required: whether people knew which treatment they had (an open-label study) travels with its figures.
    open_label: bool
    published: Id
    arms: list[Arm] = Field(min_length=1)
    results: list[Result]
    followup_months: MonthsFigure | None = None
    caveats: list[Text] = []


# How bad: any grade; grade 3 or higher; grade 3 only (grade 4 counted apart); grades 3 and 4; deaths.
Severity = Literal["any", "grade3_plus", "grade3", "grade3_4", "fatal"]
# Which events were counted, as the source counts them: the label readers see comes from this.
Counted = Literal["all_causes", "treatment_related", "adjudicated_drug_related", "serious_adverse_events"]


class SideEffectRate(Strict):
    id: Id
    effect: Id
    trial: Id
    severity: Severity
    counts: Counted
    values: dict[Id, RateFigure]
    # Arms whose figure the evidence says was not reported, with what it says instead. Any other arm without a
    # value is shown as "not in our sources", never as "not reported".
    not_reported: dict[Id, Text] = {}
    analysis: Analysis | None = None
    note: Text | None = None
    # Shown on the study's page only: the option's page keeps to the side effects a reader weighs it by.
    study_page_only: bool = False


class Effect(Strict):
    """A kind of side effect, named in plain words."""

    id: Id
    name: Text
    alert: Id | None = None


class Alert(Strict):
    """Urgent symptoms, stated once here and shown identically everywhere."""

    id: Id
    # A few words naming the risk, for the short list on printed handouts.
    name: Text
    title: Text
    symptoms: list[Text] = Field(min_length=1)
    action: Text
    tell_them: list[Text] = []
    medicines: list[Id]
    # Shown with every option, after the medicine-specific boxes (when to call emergency services).
    every_option: bool = False
    page: str = Field(pattern=r"^[a-z0-9/-]+\.md$", description="the web page that explains it, for handouts")
    facts: list[Id]
    source: Id


class GlossaryTerm(Strict):
    id: Id
    term: PlainText
    abbreviation: PlainText | None = None
    definition: Text
    plain: Text | None = Field(None, description="everyday words a page must say before or with the term")


class Indication(Strict):
    """Who an approval or coverage is for: a type of breast cancer and a line of treatment."""

    subtype: Id
    line: Line


class AccessNote(Strict):
    """Approval or insurance coverage of one medicine for named indications in one country, as of a date."""

    id: Id
    medicine: Id
    country: Literal["us", "kr"]
    # Shown only on options with this medicine for one of these subtypes and lines.
    indications: list[Indication] = Field(min_length=1)
    status: Text
    # False where the sources conflict, are old or a decision is pending: readers are told it is not confirmed.
    confirmed: bool
    as_of: dt.date  # the date of the facts, shown to readers; it moves only when a newer fact changes the note
    # The day a writer checked the note against the newest access facts and found nothing newer: the build measures
    # staleness from it instead of as_of. Never shown to readers.
    checked: dt.date | None = Field(None, description="the day the note was checked against the newest access facts "
                                                      "and nothing newer was found (as_of stays the date of the facts)")
    fact: Id
    source_title: PlainText
    url: Annotated[str | None, Field(pattern=r"^https?://"), AfterValidator(_linkable)] = None

    @field_validator("checked")
    @classmethod
    def _checked_after_the_facts(cls, checked: dt.date | None, info: ValidationInfo) -> dt.date | None:
        as_of = info.data.get("as_of")
        if checked is not None and as_of is not None and checked < as_of:
            raise ValueError(f"{checked} is before as_of ({as_of}); checked is the day you checked the note "
                             "against the newest access facts, on or after the date of those facts")
        return checked


def _has_value_slot(text: dict[str, str]) -> dict[str, str]:
    if "{value}" not in text["en"]:
        raise ValueError("the text needs {value} where the number goes")
    return text


class KeyFact(Strict):
    """One sentence with one number in it, for page text: the number comes from data, never from the writer."""

    id: Id
    text: Annotated[Text, AfterValidator(_has_value_slot)]
    figure: Figure
    unit: Literal["months", "percent", "years"]


class Tradeoff(Strict):
    """One question of the "What matters to me" tool: the reader picks one answer; none is right or wrong."""

    id: Id
    question: Text
    choices: list[Text] = Field(min_length=2)


class SupportContact(Strict):
    """A helpline, emergency number or website for one country, copied from shared/evidence/support.yaml."""

    id: Id
    fact: Id
    country: Literal["kr", "us", "uk"]
    kind: Literal["emergency", "helpline", "website"]
    name: Text
    value: PlainText
    what: Text
    hours: Text | None = Field(None, description="only where the evidence gives current hours")
    checked: dt.date = Field(description="the day the number was checked against the evidence")
    source_title: PlainText
    url: Annotated[str | None, Field(pattern=r"^https://")] = None


CostTopic = Literal["co-payment", "re-registration", "covered-or-not", "yearly-cap", "support-programmes",
                   "unapproved-medicines", "trials", "where-to-ask"]


class CostFact(Strict):
    """What treatment costs a patient in Korea, or where help comes from: one sentence copied from an entry of
    shared/evidence/kr_costs.yaml. Its figures are the entry's own (checked when data loads): `{value}` in the text
    is the entry's value exactly, and any other number in the text is stated in the entry."""

    id: Id
    fact: Id
    kind: CostTopic = Field(description="the section of the costs page it belongs to")
    text: Text
    value: PlainText | None = Field(None, description="the evidence entry's value exactly, shown where {value} is")
    date: PlainText | None = Field(None, description="the source's date as the evidence gives it; null where the "
                                                     "text read shows none")
    source_title: PlainText
    url: Annotated[str | None, Field(pattern=r"^https://"), AfterValidator(_linkable)] = None


class PageReview(Strict):
    page: str
    last_reviewed: dt.date
    next_review: dt.date
    reviewed_by: PlainText


class EvidenceSource(Strict):
    title: str
    where: str | None = None
    date: str | int | None = None
    url_or_doi: str | None = None


class EvidenceEntry(Strict):
    """The project's own record of one evidence entry it cites, copied from ../shared/evidence/ by
    scripts/make_evidence_record.py: figures in data/ are checked against it in every build."""

    id: Id
    file: Literal["facts.yaml", "access.yaml", "support.yaml", "kr_costs.yaml"] = Field(description="the file of ../shared/evidence/ it was copied from")
    value: Number | str | None = Field(description="the figure (null for text-only facts)")
    unit: str | None = None
    claim: str = Field(description="what the figure counts, in one sentence")
    claim_ko: str | None = Field(None, description="the claim in plain Korean (kr_costs.yaml)")
    arm: str | None = None
    comparator: str | None = None
    caveat: str | None = None
    source: EvidenceSource
    quote: str
    primary: dict[str, str | int | None] | None = Field(None, description="the primary publication, where read")


# The files in data/ and the model of each entry in them.
DATA_FILES: dict[str, type[Strict]] = {
    "sources": Source,
    "subtypes": Subtype,
    "medicines": Medicine,
    "treatments": Treatment,
    "trials": Trial,
    "effects": Effect,
    "side_effects": SideEffectRate,
    "alerts": Alert,
    "glossary": GlossaryTerm,
    "reviews": PageReview,
    "access": AccessNote,
    "key_facts": KeyFact,
    "evidence": EvidenceEntry,
    "tradeoffs": Tradeoff,
    "support": SupportContact,
    "costs": CostFact,
}

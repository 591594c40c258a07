"""Links between data entries (registry.py): which access notes an option card gets, and the one line a writer
reads when an entry points at something that is not there or leaves out an arm. Small made-up files."""
from pathlib import Path
from textwrap import dedent

import pytest

from made_up_data import SUBTYPES_FILE, registry_of, side_effect_rate, treatment, trial
from mbc_guide.errors import DataErrors
from mbc_guide.loading import load_data
from mbc_guide.models import AccessNote
from mbc_guide.registry import UnknownId, build_registry, kind_name

FILES = {
    "sources": """\
        - id: made-up-source
          title: A made-up paper
          publisher: Nobody
          published: 2024
          supports: The made-up numbers.
        """,
    "subtypes": SUBTYPES_FILE,
    "medicines": """\
        - id: made-up-medicine
          name: Made-up medicine
          kind: A made-up kind.
          given: {route: pill, schedule: Once a day., facts: [], source: made-up-source}
          serious_risks: []
        """,
    "treatments": """\
        - id: new
          name: New option
          short_name: New
          medicines: [made-up-medicine]
          subtypes: [her2-positive]
          lines: [first]
          what_it_is: Made up.
          trials: [study-a]
          rated_side_effects: [a-ild]
          clinic_visits: Made up.
          main_side_effects: [made up]
          hair_loss: Made up.
          time_on_treatment: Made up.
        """,
    "trials": """\
        - id: study-a
          name: STUDY-A
          population: Made up.
          design: Made up.
          status: final
          overall_survival: known
          open_label: false
          published: made-up-source
          arms:
            - {id: new, label: new medicine, treatment: new}
            - {id: old, label: old medicine}
          results:
            - id: a-pfs
              measure: pfs_rate
              timeframe_months: 12
              analysis: primary
              values:
                new: {value: 50, fact: made-up-fact, source: made-up-source, from_claim: true}
                old: {value: 30, fact: made-up-fact, source: made-up-source, from_claim: true}
        """,
    "effects": """\
        - id: ild
          name: lung inflammation
        """,
    "side_effects": """\
        - id: a-ild
          effect: ild
          trial: study-a
          severity: any
          counts: all_causes
          values:
            new: {value: 12, fact: made-up-fact, source: made-up-source, from_claim: true}
        """,
    "evidence": """\
        - id: made-up-fact
          file: facts.yaml
          value: null
          claim: Made up, 12, 30 and 50 out of 100.
          source: {title: Made up}
          quote: Made up.
        """,
}


def reference_errors(tmp_path: Path, **changes: tuple[str, str]) -> list[str]:
    """The writer's lines for the made-up files after replacing text in some of them (file=(old, new))."""
    for name, text in FILES.items():
        text = dedent(text)
        if name in changes:
            old, new = changes[name]
            assert old in text, f"{old!r} not in {name}"
            text = text.replace(old, new)
        (tmp_path / f"{name}.yaml").write_text(text)
    loaded = load_data(tmp_path)
    assert [e for e in loaded.errors if e.message != "file is missing"] == []
    return [str(error) for error in DataErrors(build_registry(loaded.entries, loaded.invalid_ids)[1]).errors]


def test_the_made_up_files_link_up(tmp_path):
    assert reference_errors(tmp_path) == []


def test_every_arm_of_a_result_needs_a_value(tmp_path):
    assert reference_errors(tmp_path, trials=("        old: {value: 30, fact: made-up-fact, source: made-up-source, from_claim: true}\n", "")) == [
        "data/trials.yaml:17: study-a.results[0].values: give a value for every arm (both arms are always shown); missing: old"]


def test_a_value_for_an_arm_the_study_does_not_have_is_refused(tmp_path):
    assert reference_errors(tmp_path, trials=("        old: {value", "        oldd: {value")) == [
        "data/trials.yaml:17: study-a.results[0].values: give a value for every arm (both arms are always shown); missing: old",
        "data/trials.yaml:19: study-a.results[0].values.oldd: unknown arm 'oldd'; this trial's arms are new, old",
    ]


def test_a_rate_needs_its_time_frame(tmp_path):
    assert reference_errors(tmp_path, trials=("      timeframe_months: 12\n", "")) == [
        "data/trials.yaml:13: study-a.results[0]: a rate needs timeframe_months (the time frame readers are told)"]


def test_a_median_needs_no_time_frame(tmp_path):
    assert reference_errors(tmp_path, trials=("measure: pfs_rate\n      timeframe_months: 12", "measure: pfs_median")) == []


def test_an_option_compared_head_to_head_must_list_that_study(tmp_path):
    errors = reference_errors(tmp_path, treatments=("trials: [study-a]", "trials: []"),
                              trials=("{id: old, label: old medicine}", "{id: old, label: old medicine, treatment: new}"))
    assert errors == [
        "data/trials.yaml:10: study-a.arms[0].treatment: 'new' was compared head to head in STUDY-A; add 'study-a' to its "
        "trials in data/treatments.yaml",
        "data/trials.yaml:11: study-a.arms[1].treatment: 'new' was compared head to head in STUDY-A; add 'study-a' to its "
        "trials in data/treatments.yaml",
    ]


@pytest.mark.parametrize("kind", ["single_arm", "pooled"])
def test_a_study_without_a_comparison_need_not_be_listed_by_its_options(tmp_path, kind):
    assert reference_errors(tmp_path, treatments=("trials: [study-a]", "trials: []"),
                            trials=("status: final", f"kind: {kind}\n  status: final")) == []


def test_the_head_to_head_check_waits_while_the_option_names_an_unknown_study(tmp_path):
    assert reference_errors(tmp_path, treatments=("trials: [study-a]", "trials: [study-b]"),
                            trials=("{id: old, label: old medicine}", "{id: old, label: old medicine, treatment: new}")) == [
        "data/treatments.yaml:8: new.trials[0]: unknown trial id 'study-b'; did you mean 'study-a'?"]


def test_a_rated_side_effect_needs_a_value_for_the_options_arm(tmp_path):
    assert reference_errors(tmp_path, side_effects=("    new: {value: 12", "    old: {value: 12")) == [
        "data/treatments.yaml:9: new.rated_side_effects[0]: rate 'a-ild' has no value for an arm of STUDY-A that had this option"]


@pytest.mark.parametrize("severity", ["grade3_plus", "grade3_4", "fatal"])
def test_a_rated_side_effect_counting_severe_cases_only_is_refused_as_understating(tmp_path, severity):
    assert reference_errors(tmp_path, side_effects=("severity: any", f"severity: {severity}")) == [
        f"data/treatments.yaml:9: new.rated_side_effects[0]: rate 'a-ild' counts only severe cases (severity: {severity}), "
        "so a word for how often would understate 'lung inflammation'; list its any-grade rate, or name the effect as "
        "severe in data/effects.yaml"]


def test_a_rated_side_effect_counting_severe_cases_only_passes_when_its_name_says_severe(tmp_path):
    assert reference_errors(tmp_path, side_effects=("severity: any", "severity: grade3_plus"),
                            effects=("name: lung inflammation", "name: severe lung inflammation (grade 3 or higher)")) == []


def test_a_side_effect_rate_may_leave_arms_out_but_not_name_unknown_ones(tmp_path):
    assert reference_errors(tmp_path, side_effects=("    new: {value: 12, fact: made-up-fact, source: made-up-source, from_claim: true}\n",
                                                    "    new: {value: 12, fact: made-up-fact, source: made-up-source, from_claim: true}\n"
                                                    "  not_reported: {third: not given}\n")) == [
        "data/side_effects.yaml:8: a-ild.not_reported.third: unknown arm 'third'; this trial's arms are new, old"]


@pytest.mark.parametrize("file, old, new, error", [
    ("treatments", "medicines: [made-up-medicine]", "medicines: [made-up-medicin]",
     "data/treatments.yaml:4: new.medicines[0]: unknown medicine id 'made-up-medicin'; did you mean 'made-up-medicine'?"),
    ("treatments", "subtypes: [her2-positive]", "subtypes: [her2-positive, triple-negative]",
     "data/treatments.yaml:5: new.subtypes[1]: unknown subtype id 'triple-negative'"),
    ("treatments", "rated_side_effects: [a-ild]", "rated_side_effects: [a-ld]",
     "data/treatments.yaml:9: new.rated_side_effects[0]: unknown side effect id 'a-ld'; did you mean 'a-ild'?"),
    ("trials", "published: made-up-source", "published: another-source",
     "data/trials.yaml:8: study-a.published: unknown source id 'another-source'; did you mean 'made-up-source'?"),
    ("trials", "treatment: new}", "treatment: neww}",
     "data/trials.yaml:10: study-a.arms[0].treatment: unknown treatment id 'neww'; did you mean 'new'?"),
    ("side_effects", "effect: ild", "effect: ilf",
     "data/side_effects.yaml:2: a-ild.effect: unknown effect id 'ilf'; did you mean 'ild'?"),
    ("side_effects", "trial: study-a", "trial: study-b",
     "data/side_effects.yaml:3: a-ild.trial: unknown trial id 'study-b'; did you mean 'study-a'?"),
    ("effects", "name: lung inflammation", "name: lung inflammation\n  alert: made-up-alert",
     "data/effects.yaml:3: ild.alert: unknown alert id 'made-up-alert'"),
    ("medicines", "facts: [], source: made-up-source}", "facts: [made-up-fakt], source: made-up-sourc}",
     "data/medicines.yaml:4: made-up-medicine.given.facts[0]: unknown fact id 'made-up-fakt'; did you mean 'made-up-fact'?"),
    ("medicines", "serious_risks: []", "serious_risks: [made-up-alert]",
     "data/medicines.yaml:5: made-up-medicine.serious_risks[0]: unknown alert id 'made-up-alert'"),
    ("trials", "old: {value: 30, fact: made-up-fact, source: made-up-source, from_claim: true}",
     "old: {value: 30, fact: made-up-fakt, source: made-up-sourc, from_claim: true}",
     "data/trials.yaml:19: study-a.results[0].values.old.fact: unknown fact id 'made-up-fakt'; did you mean 'made-up-fact'?"),
])
def test_an_unknown_id_is_named_where_it_is_written(tmp_path, file, old, new, error):
    errors = reference_errors(tmp_path, **{file: (old, new)})
    assert error in errors


def test_an_unknown_source_in_a_figure_and_in_how_a_medicine_is_given_are_both_named(tmp_path):
    errors = reference_errors(tmp_path, medicines=("source: made-up-source}", "source: made-up-sourc}"),
                              trials=("old: {value: 30, fact: made-up-fact, source: made-up-source, from_claim: true}",
                                      "old: {value: 30, fact: made-up-fact, source: made-up-sourc, from_claim: true}"))
    assert errors == [
        "data/medicines.yaml:4: made-up-medicine.given.source: unknown source id 'made-up-sourc'; did you mean 'made-up-source'?",
        "data/trials.yaml:19: study-a.results[0].values.old.source: unknown source id 'made-up-sourc'; did you mean "
        "'made-up-source'?",
    ]


def test_kinds_are_named_as_writers_say_them():
    assert [kind_name(kind) for kind in ("treatments", "side_effects", "evidence", "key_facts")] == [
        "treatment", "side effect", "fact", "key fact"]
    assert str(UnknownId("trial", "destiny-breast9", ["destiny-breast09", "cleopatra"])) == (
        "unknown trial id 'destiny-breast9'; did you mean 'destiny-breast09'?")
    assert str(UnknownId("trial", "zzz", ["destiny-breast09"])) == "unknown trial id 'zzz'"


def test_a_later_error_is_located_in_its_file(tmp_path):
    reference_errors(tmp_path)
    loaded = load_data(tmp_path)
    registry, _ = build_registry(loaded.entries)
    assert str(registry.error_at("trials", "study-a", ("arms", 1, "label"), "a message")) == (
        "data/trials.yaml:11: study-a.arms[1].label: a message")
    with pytest.raises(LookupError, match="unknown side effect id 'a-ilf'; did you mean 'a-ild'"):
        registry.get("side_effects", "a-ilf")


def access_note(note_id: str, medicine: str, *indications: tuple[str, str]) -> AccessNote:
    return AccessNote.model_validate({
        "id": note_id, "medicine": medicine, "country": "us", "status": "Approved.", "confirmed": True,
        "as_of": "2026-01-01", "fact": "made-up-fact", "source_title": "Made up",
        "indications": [{"subtype": subtype, "line": line} for subtype, line in indications]})


def test_an_option_card_gets_the_notes_of_its_medicine_for_its_own_subtype_and_line():
    registry = registry_of(treatment("first-her2", [], lines=["first"], subtypes=["her2-positive"]),
                           treatment("later-both", [], lines=["later", "maintenance"],
                                     subtypes=["her2-positive", "triple-negative"]))
    for note in (access_note("first-her2-note", "m", ("her2-positive", "first")),
                 access_note("later-her2-note", "m", ("her2-positive", "later")),
                 access_note("first-tnbc-note", "m", ("triple-negative", "first")),
                 access_note("other-medicine-note", "other", ("her2-positive", "first")),
                 access_note("two-indications-note", "m", ("triple-negative", "later"), ("her2-positive", "first"))):
        registry.access[note.id] = note
    assert [note.id for note in registry.access_for("m", "first-her2")] == ["first-her2-note", "two-indications-note"]
    assert [note.id for note in registry.access_for("m", "later-both")] == ["later-her2-note", "two-indications-note"]
    assert [note.id for note in registry.access_for("other", "later-both")] == []


def test_rates_are_found_by_side_effect_and_by_study():
    registry = registry_of(side_effect_rate("a-ild", "study-a", {"new": 1}),
                           side_effect_rate("a-nausea", "study-a", {"new": 2}, effect="nausea"),
                           side_effect_rate("b-ild", "study-b", {"x": 3}))
    assert [rate.id for rate in registry.rates_for_effect("ild")] == ["a-ild", "b-ild"]
    assert [rate.id for rate in registry.side_effect_rates("study-a")] == ["a-ild", "a-nausea"]


def test_options_for_a_line_without_a_topic_leave_out_the_topic_groups():
    registry = registry_of(treatment("plain", [], lines=["later"]), treatment("brain", [], lines=["later"], topic="brain"),
                           treatment("first", [], lines=["first"]))
    assert [t.id for t in registry.treatments_for("her2-positive")] == ["plain", "brain", "first"]
    assert [t.id for t in registry.treatments_for("her2-positive", "later")] == ["plain"]
    assert [t.id for t in registry.treatments_for("her2-positive", "later", "brain")] == ["brain"]
    with pytest.raises(LookupError, match="unknown subtype id 'her2'"):
        registry.treatments_for("her2", "later")


def test_the_study_arm_of_an_option_in_a_made_up_trial_is_found():
    made_up = trial("study-a", {"new": "new", "old": None})
    assert [arm.treatment for arm in made_up.arms] == ["new", None]


def test_a_short_id_gets_the_longer_id_it_starts_as_a_hint():
    assert str(UnknownId("treatment", "tdxd", ["tdxd-later", "thp"])) == (
        "unknown treatment id 'tdxd'; did you mean 'tdxd-later'?")


def test_an_overdue_review_is_located_at_its_page_entry(tmp_path):
    (tmp_path / "reviews.yaml").write_text(
        "- page: index.md\n  last_reviewed: 2026-01-01\n  next_review: 2026-06-01\n  reviewed_by: Editors\n")
    loaded = load_data(tmp_path)
    registry, _ = build_registry(loaded.entries)
    assert str(registry.error_at("reviews", "index.md", ("next_review",), "the review is overdue")) == (
        "data/reviews.yaml:3: index.md.next_review: the review is overdue")

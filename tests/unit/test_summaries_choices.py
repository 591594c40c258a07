"""Which options a page groups together, which study's result each option shows, and which side-effect rows a
table gets: the choices summaries.py makes, on made-up studies set up to tell right from wrong."""
import pytest

from made_up_data import registry_of, result, side_effect_rate, treatment, trial
from mbc_guide.phrases import group_name
from mbc_guide.summaries import (
    HeadlineResult, TwoValuesInOneTable, check_one_value_per_option, different_studies, headline_result,
    headlines_side_by_side, option_groups, rate_rows,
)


def test_options_are_grouped_by_line_in_treatment_order_with_the_general_group_before_the_topics():
    registry = registry_of(
        treatment("later-brain", [], lines=["later"], topic="brain"),
        treatment("first-plain", [], lines=["first"]),
        treatment("later-adc", [], lines=["later"], topic="adc"),
        treatment("later-plain", [], lines=["later"]),
        treatment("first-and-later", [], lines=["first", "later"]),
        treatment("other-subtype", [], lines=["first"], subtypes=["triple-negative"]),
    )
    groups = option_groups(registry, "her2-positive")
    assert [(group_name(g.line, g.topic), [t.id for t in g.treatments]) for g in groups] == [
        ("First treatment", ["first-plain", "first-and-later"]),
        ("Later treatment", ["later-plain", "first-and-later"]),
        ("Later treatment: antibody-drug conjugates", ["later-adc"]),
        ("Later treatment: for cancer that has spread to the brain", ["later-brain"]),
    ]


def test_a_subtype_with_options_only_for_a_topic_gets_no_general_group():
    registry = registry_of(treatment("gene", [], lines=["later"], topic="gene-changes"))
    assert [(g.line, g.topic) for g in option_groups(registry, "her2-positive")] == [("later", "gene-changes")]


def test_an_unknown_subtype_is_refused_with_a_suggestion():
    registry = registry_of(treatment("first-plain", [], lines=["first"]))
    with pytest.raises(LookupError, match="unknown subtype id 'her2-positiv'; did you mean 'her2-positive'"):
        option_groups(registry, "her2-positiv")


def two_studies():
    """Option 'new' was compared with 'old' in STUDY-A; 'old' also has its own earlier STUDY-B against no option."""
    study_a = trial("study-a", {"new": "new", "old": "old"},
                    [result("a-pfs", "pfs_median", {"new": 20.5, "old": 12.0}),
                     result("a-response", "response_rate", {"new": 60, "old": 40})])
    study_b = trial("study-b", {"old": "old", "control": None}, [result("b-pfs", "pfs_median", {"old": 15.0, "control": 9.0})])
    return registry_of(study_a, study_b, treatment("new", ["study-a"]), treatment("old", ["study-b", "study-a"]))


def test_an_option_alone_shows_the_first_result_of_its_first_study():
    registry = two_studies()
    headline = headline_result(registry, registry.treatments["old"])
    assert (headline.trial.name, headline.result.id, headline.result.values["old"].value) == ("STUDY-B", "b-pfs", 15.0)


def test_options_compared_in_one_study_both_show_that_study():
    registry = two_studies()
    headlines = headlines_side_by_side(registry, [registry.treatments["new"], registry.treatments["old"]])
    assert {option: (h.trial.name, h.result.values[option].value) for option, h in headlines.items()} == {
        "new": ("STUDY-A", 20.5), "old": ("STUDY-A", 12.0)}
    assert not different_studies(headlines)


def test_options_never_compared_show_their_own_studies_and_say_so():
    registry = two_studies()
    other = trial("study-c", {"third": "third", "control": None}, [result("c-pfs", "pfs_median", {"third": 7.0, "control": 5.0})])
    registry.trials["study-c"] = other
    registry.treatments["third"] = treatment("third", ["study-c"])
    headlines = headlines_side_by_side(registry, [registry.treatments["old"], registry.treatments["third"]])
    assert {option: h.trial.name for option, h in headlines.items()} == {"old": "STUDY-B", "third": "STUDY-C"}
    assert different_studies(headlines)


def test_a_study_where_the_option_was_no_arm_or_without_results_gives_no_headline():
    pooled = trial("pooled", {"label": "option"}, [], kind="pooled")
    elsewhere = trial("elsewhere", {"x": "someone-else", "y": None}, [result("e-pfs", "pfs_median", {"x": 3.0, "y": 2.0})])
    registry = registry_of(pooled, elsewhere, treatment("option", ["pooled", "elsewhere"]))
    assert headline_result(registry, registry.treatments["option"]) is None
    headlines = headlines_side_by_side(registry, [registry.treatments["option"]])
    assert headlines == {"option": None}
    assert not different_studies(headlines)


def test_a_comparison_without_results_is_skipped_for_the_next_study_with_both_options():
    empty = trial("empty", {"p": "p", "q": "q"}, [])
    full = trial("full", {"p": "p", "q": "q"}, [result("f-pfs", "pfs_median", {"p": 8.0, "q": 6.0})])
    registry = registry_of(empty, full, treatment("p", ["empty", "full"]), treatment("q", ["empty", "full"]))
    headlines = headlines_side_by_side(registry, [registry.treatments["p"], registry.treatments["q"]])
    assert {option: h.trial.name for option, h in headlines.items()} == {"p": "FULL", "q": "FULL"}


def test_one_option_with_two_values_for_one_measure_in_one_table_is_refused_with_both_studies():
    registry = two_studies()
    study_a, study_b = registry.trials["study-a"], registry.trials["study-b"]
    with pytest.raises(TwoValuesInOneTable) as refused:
        check_one_value_per_option({"new": HeadlineResult(study_a, study_a.results[0]),
                                    "old": HeadlineResult(study_b, study_b.results[0])})
    assert str(refused.value) == ("option 'old' would show two values for pfs_median in one table (STUDY-A 12, STUDY-B 15); "
                                  "use the head-to-head study for both")


def test_the_same_value_twice_or_values_of_other_measures_are_allowed():
    registry = two_studies()
    study_a, study_b = registry.trials["study-a"], registry.trials["study-b"]
    same = HeadlineResult(study_a, study_a.results[0])
    check_one_value_per_option({"new": same, "old": same, "none": None})
    check_one_value_per_option({"new": HeadlineResult(study_a, study_a.results[1]),
                                "old": HeadlineResult(study_b, study_b.results[0])})


def test_an_arm_without_a_value_in_the_result_is_not_compared():
    study = trial("study-d", {"d": "d", "e": "e"}, [result("d-pfs", "pfs_median", {"d": 4.0, "e": 3.0})])
    partial = study.model_copy(update={"results": [study.results[0].model_copy(
        update={"values": {"d": study.results[0].values["d"]}})]})
    check_one_value_per_option({"d": HeadlineResult(study, study.results[0]), "e": HeadlineResult(partial, partial.results[0])})


def test_side_effect_rows_put_each_arms_severities_side_by_side_with_notes_on_the_first_arm():
    study = trial("study-a", {"new": "new", "old": "old"})
    registry = registry_of(
        study,
        side_effect_rate("a-any", "study-a", {"new": 12.1, "old": 1.0}, severity="any", note="Counted by experts."),
        side_effect_rate("a-severe", "study-a", {"new": 2.0}, severity="grade3_4", not_reported={"old": "not given"}),
        side_effect_rate("a-deaths", "study-a", {"new": 0.5}, severity="fatal"),
        side_effect_rate("a-other-effect", "study-a", {"new": 30.0}, effect="nausea"),
    )
    rows = rate_rows(registry, "ild")
    assert [(row.trial.name, row.arm_label, sorted(row.by_column)) for row in rows] == [
        ("STUDY-A", "new medicine", ["any", "fatal", "serious"]),
        ("STUDY-A", "old medicine", ["any", "serious"]),
    ]
    new, old = rows
    assert [figure.value for figure in new.figures] == [12.1, 2.0, 0.5]
    assert [figure.value for figure in old.figures] == [1.0]  # the severe rate was not reported for it
    assert [rate.id for rate in old.rates] == ["a-any", "a-severe"]
    assert (new.notes, old.notes) == (["Counted by experts."], [])


@pytest.mark.parametrize("severity, column", [("grade3_plus", "serious"), ("grade3", "serious"), ("grade3_4", "serious")])
def test_every_severe_grade_goes_in_the_serious_column(severity, column):
    registry = registry_of(trial("study-a", {"new": "new"}), side_effect_rate("r", "study-a", {"new": 5}, severity=severity))
    assert list(rate_rows(registry, "ild")[0].by_column) == [column]


def test_a_note_on_a_rate_given_only_as_not_reported_goes_on_that_arm():
    registry = registry_of(trial("study-a", {"new": "new", "old": "old"}),
                           side_effect_rate("r", "study-a", {}, not_reported={"old": "not given"}, note="Only a statement."))
    rows = rate_rows(registry, "ild")
    assert [(row.arm, row.notes) for row in rows] == [("old", ["Only a statement."])]


def test_an_arm_that_is_no_option_does_not_hide_the_arms_after_it():
    first = trial("study-e", {"control": None, "old": "old"}, [result("e-pfs", "pfs_median", {"control": 2.0, "old": 9.0})])
    second = trial("study-f", {"old": "old"}, [result("f-pfs", "pfs_median", {"old": 10.0})], kind="single_arm")
    with pytest.raises(TwoValuesInOneTable, match="option 'old' would show two values for pfs_median"):
        check_one_value_per_option({"a": HeadlineResult(first, first.results[0]), "b": HeadlineResult(second, second.results[0])})

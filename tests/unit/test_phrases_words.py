"""The exact words readers see for results, caveats and side effects (phrases.py), on made-up studies: every arm
named, the time frame said, the caveats next to the figure, words for how often taken from the rate."""
import pytest

from made_up_data import figure, result, side_effect_rate, trial
from mbc_guide import phrases
from mbc_guide.models import Figure, Indication, Result, Subtype


def study(**fields):
    return trial("study-a", {"new": "new", "old": "old"}, **fields)


def a_result(measure: str, values=None, **fields) -> Result:
    return Result.model_validate(result("r", measure, values or {"new": 20.5, "old": 12}, **fields))


@pytest.mark.parametrize("measure, sentence", [
    ("pfs_median", "Half of the people on new medicine lived without their cancer growing or spreading for about 1 year "
                   "and 9 months (20.5 months) or longer. On old medicine, this was 1 year (12 months). "
                   "From the STUDY-A study (main analysis)."),
    ("os_median", "Half of the people on new medicine lived for about 1 year and 9 months (20.5 months) or longer. "
                  "On old medicine, this was 1 year (12 months). Many people live longer than this middle value. "
                  "From the STUDY-A study (main analysis)."),
    ("brain_pfs_median", "Half of the people on new medicine lived without their cancer growing in the brain for about "
                         "1 year and 9 months (20.5 months) or longer. On old medicine, this was 1 year (12 months). "
                         "From the STUDY-A study (main analysis)."),
])
def test_a_median_names_both_arms_in_years_and_months(measure, sentence):
    assert phrases.result_sentence(study(), a_result(measure)) == sentence


@pytest.mark.parametrize("measure, sentence", [
    ("pfs_median", "Half of the people had no growth or spread of the cancer for at least: about 1 year and 9 months "
                   "(20.5 months) on new medicine; 1 year (12 months) on old medicine. (STUDY-A: open-label: people "
                   "knew their treatment)"),
    ("os_median", "Half of the people lived for at least: about 1 year and 9 months (20.5 months) on new medicine; "
                  "1 year (12 months) on old medicine. Many people live longer than this middle value. (STUDY-A: "
                  "open-label: people knew their treatment)"),
    ("brain_pfs_median", "Half of the people had no growth of the cancer in the brain for at least: about 1 year and 9 "
                         "months (20.5 months) on new medicine; 1 year (12 months) on old medicine. (STUDY-A: "
                         "open-label: people knew their treatment)"),
])
def test_the_printed_median_is_short_but_keeps_every_arm_and_the_caveats(measure, sentence):
    assert phrases.result_sentence(study(open_label=True), a_result(measure), short=True) == sentence


def test_a_printed_median_without_caveats_names_its_study_alone():
    assert phrases.result_sentence(study(), a_result("pfs_median"), short=True).endswith(
        "1 year (12 months) on old medicine. (STUDY-A)")


def test_a_printed_rate_is_the_full_sentence():
    rate = a_result("os_rate", {"new": 70.1, "old": 52}, timeframe_months=24)
    assert phrases.result_sentence(study(), rate, short=True) == (
        "After 2 years, about 70 out of 100 people on new medicine and 52 out of 100 people on old medicine were alive. "
        "From the STUDY-A study (main analysis).")


@pytest.mark.parametrize("measure, timeframe, sentence", [
    ("pfs_rate", 18, "After 18 months, about 70 out of 100 people on new medicine and 52 out of 100 people on old medicine "
                     "were alive without their cancer growing or spreading."),
    ("response_rate", None, "The cancer shrank in about 70 out of 100 people on new medicine and 52 out of 100 people on "
                            "old medicine."),
    ("complete_response", None, "Scans could no longer see the cancer in about 70 out of 100 people on new medicine and "
                                "52 out of 100 people on old medicine."),
    ("brain_response_rate", None, "Cancer in the brain shrank in about 70 out of 100 people on new medicine and 52 out of "
                                  "100 people on old medicine."),
])
def test_a_rate_names_both_arms_out_of_100(measure, timeframe, sentence):
    rate = a_result(measure, {"new": 70.1, "old": 52}, timeframe_months=timeframe)
    assert phrases.figures_sentence(study(), rate) == sentence


def test_a_rate_given_only_as_below_a_bound_says_fewer_than():
    rate = Result.model_validate(result("r", "response_rate", {"new": 1, "old": 3}) | {
        "values": {"new": figure(1, less_than=True), "old": figure(3)}})
    assert phrases.figures_sentence(study(), rate) == (
        "The cancer shrank in fewer than 1 out of 100 people on new medicine and 3 out of 100 people on old medicine.")


def test_a_single_arm_study_names_its_one_arm():
    single = trial("study-s", {"only": "only"}, kind="single_arm")
    assert phrases.figures_sentence(single, a_result("response_rate", {"only": 40})) == (
        "The cancer shrank in 40 out of 100 people on only medicine.")


@pytest.mark.parametrize("fields, analysis, caveats", [
    ({}, "primary", "From the STUDY-A study (main analysis)."),
    ({}, "updated", "From the STUDY-A study (updated analysis)."),
    ({}, "final", "From the STUDY-A study (final analysis)."),
    ({}, "long_term", "From the STUDY-A study (long-term update)."),
    ({"status": "interim", "overall_survival": "not_known_yet", "open_label": True}, "primary",
     "From the STUDY-A study (main analysis): early result (interim), may change; survival not known yet; "
     "open-label: people knew their treatment."),
    ({}, "interim", "From the STUDY-A study: early result (interim), may change."),
    ({}, "exploratory", "From the STUDY-A study: small or exploratory group, less certain."),
    ({"kind": "subgroup"}, "primary", "From the STUDY-A study (main analysis): small or exploratory group, less certain."),
    ({}, "post_hoc", "From the STUDY-A study: group chosen after the study (post hoc), less certain."),
    ({"kind": "single_arm", "overall_survival": "not_known_yet"}, "primary", "From the STUDY-A study (main analysis)."),
    ({"kind": "pooled", "overall_survival": "not_known_yet"}, "primary", "From the STUDY-A study (main analysis)."),
    ({"kind": "subgroup", "overall_survival": "not_known_yet"}, "primary",
     "From the STUDY-A study (main analysis): survival not known yet; small or exploratory group, less certain."),
])
def test_caveats_follow_the_study_and_its_analysis(fields, analysis, caveats):
    assert phrases.caveat_sentence(study(**fields), a_result("pfs_median", analysis=analysis)) == caveats


def test_a_results_own_caveats_come_after_the_studys_once_each():
    press = a_result("pfs_median", analysis="interim", caveats=["press_release", "may_be_chance"])
    assert phrases.caveat_sentence(study(status="interim"), press) == (
        "From the STUDY-A study: early result (interim), may change; press release only, not a full publication; "
        "the difference may be due to chance.")
    assert phrases.caveat_sentence(study(status="interim"), press, short=True) == (
        "STUDY-A: early result (interim), may change; press release only, not a full publication; "
        "the difference may be due to chance")


def test_a_study_without_a_result_gets_only_the_studys_caveats():
    assert phrases.caveat_sentence(study()) == "From the STUDY-A study."
    assert phrases.caveat_sentence(study(), short=True) == "STUDY-A"
    assert phrases.caveat_sentence(study(overall_survival="not_known_yet")) == (
        "From the STUDY-A study: survival not known yet.")


def test_a_table_row_of_a_study_says_keep_in_mind_only_when_something_applies():
    assert phrases.caveat_note(study(status="interim", overall_survival="not_known_yet")) == (
        "Keep in mind: early result (interim), may change; survival not known yet.")
    assert phrases.caveat_note(study()) == ""


@pytest.mark.parametrize("percent, less_than, word", [
    (10.1, False, "very common"), (10, False, "common"), (1, False, "common"), (0.99, False, "uncommon"),
    (0.1, False, "uncommon"), (0.09, False, "rare"), (0, False, "none seen"),
    (1, True, "uncommon or rare"), (0.5, True, "uncommon or rare"), (2, True, "common"), (0.5, False, "uncommon"),
])
def test_words_for_how_often_follow_the_leaflet_bands(percent, less_than, word):
    assert phrases.frequency_word(percent, less_than) == word


def test_without_a_bound_a_rate_below_1_is_uncommon():
    assert phrases.frequency_word(0.5) == "uncommon"


def test_exact_figures_keep_the_published_precision_with_their_unit():
    median, rate = a_result("pfs_median"), a_result("pfs_rate", {"new": 70.1, "old": 52}, timeframe_months=24)
    assert phrases.exact_figures(study(), median.values, phrases.result_unit(median)) == (
        "new medicine 20.5 months; old medicine 12 months")
    assert phrases.exact_figures(study(), rate.values, phrases.result_unit(rate)) == "new medicine 70.1%; old medicine 52%"


@pytest.mark.parametrize("measure, timeframe, name", [
    ("os_median", None, "Median survival"),
    ("pfs_rate", 24, "Alive without growth or spread after 2 years"),
    ("os_rate", 18, "Alive after 18 months"),
])
def test_a_row_of_exact_figures_is_named_with_its_time_frame(measure, timeframe, name):
    assert phrases.measure_name(a_result(measure, timeframe_months=timeframe)) == name


def test_a_result_label_adds_its_note_only_when_the_study_reports_the_measure_twice():
    note = "In people with HER2-low cancer. Counted by a central lab."
    first = result("low", "pfs_median", {"new": 13, "old": 8}, note=note)
    second = result("ultralow", "pfs_median", {"new": 15, "old": 8}, note="In people with HER2-ultralow cancer.")
    twice = study(results=[first, second])
    assert [phrases.result_label(twice, r) for r in twice.results] == [
        "Median time without growth or spread, in people with HER2-low cancer",
        "Median time without growth or spread, in people with HER2-ultralow cancer",
    ]
    once = study(results=[first, result("os", "os_median", {"new": 30, "old": 25})])
    assert [phrases.result_label(once, r) for r in once.results] == ["Median time without growth or spread",
                                                                      "Median survival"]


@pytest.mark.parametrize("measure, timeframe, plural, singular", [
    ("pfs_rate", 24, "were alive without their cancer growing or spreading after 2 years",
     "was alive without the cancer growing or spreading after 2 years"),
    ("response_rate", None, "had their cancer shrink", "had the cancer shrink"),
])
def test_rate_meanings_agree_with_one_or_many_people(measure, timeframe, plural, singular):
    rate = a_result(measure, {"new": 70, "old": 50}, timeframe_months=timeframe)
    assert (phrases.rate_meaning(rate), phrases.rate_meaning(rate, singular=True)) == (plural, singular)


def test_the_lead_above_median_bars_says_what_the_middle_value_counts():
    assert phrases.median_lead(a_result("pfs_median")) == (
        "Half of the people lived without their cancer growing or spreading for this long or longer, in each group.")
    assert phrases.median_lead(a_result("os_median")) == "Half of the people lived for this long or longer, in each group."


def a_rate(severity="any", counts="all_causes", effect="ild", **fields):
    return side_effect_rate("r", "study-a", {"new": 12.1}, severity=severity, counts=counts, effect=effect,
                            not_reported={"old": "not given in the report"}, **fields)


def test_a_side_effect_cell_is_the_rate_what_the_evidence_says_or_not_in_our_sources():
    rate = a_rate()
    assert [phrases.rate_cell(rate, arm) for arm in ("new", "old", "third")] == [
        "about 12 out of 100", "not given in the report", "not in our sources"]


def test_a_cell_in_the_serious_column_says_when_the_rate_counts_other_grades():
    grades_3_and_4 = a_rate(severity="grade3_4")
    assert [phrases.table_cell(grades_3_and_4, arm, "serious") for arm in ("new", "third")] == [
        "about 12 out of 100 (grades 3 and 4)", "not in our sources"]
    assert phrases.table_cell(a_rate(severity="grade3_plus"), "new", "serious") == "about 12 out of 100"
    assert phrases.table_cell(grades_3_and_4, "new", "any") == "about 12 out of 100"


@pytest.mark.parametrize("rate, heading", [
    (dict(counts="serious_adverse_events", severity="grade3_plus", effect="serious"),
     "Serious adverse events (side effects that needed hospital care or were life-threatening)"),
    (dict(severity="fatal", counts="adjudicated_drug_related"),
     "Deaths from lung inflammation judged by experts to be caused by the medicine"),
    (dict(severity="grade3_plus", effect="serious"), "Severe side effects of any kind (grade 3 or higher)"),
    (dict(severity="any", effect="serious"), "Lung inflammation (any grade)"),
    (dict(severity="any", counts="treatment_related"), "Lung inflammation thought to be caused by the treatment (any grade)"),
    (dict(severity="grade3"), "Lung inflammation (grade 3 only; grade 4 counted apart)"),
])
def test_side_effect_headings_come_from_what_was_counted_and_how_severe(rate, heading):
    assert phrases.side_effect_heading(a_rate(**rate), "lung inflammation") == heading


def test_a_side_effect_as_a_verb_phrase():
    assert phrases.side_effect_meaning(a_rate(counts="treatment_related"), "lung inflammation") == (
        "had lung inflammation thought to be caused by the treatment (any grade)")
    assert phrases.side_effect_meaning(a_rate(severity="fatal"), "lung inflammation") == "died of lung inflammation"


def test_how_a_rate_was_counted():
    assert phrases.how_counted(a_rate(), study()) == "all cases, whatever the cause"
    assert phrases.how_counted(a_rate(counts="treatment_related", analysis="interim"), study()) == (
        "thought to be caused by the treatment (early (interim) analysis)")


def test_a_rated_side_effect_names_how_often_the_rate_and_the_study():
    rate = a_rate()
    assert phrases.rated_side_effect(rate, "lung inflammation", Figure.model_validate(figure(12.1)), "STUDY-A") == (
        "Lung inflammation: very common (about 12 out of 100 people in STUDY-A)")
    assert phrases.rated_side_effect(rate, "lung inflammation", Figure.model_validate(figure(1, less_than=True)),
                                     "STUDY-A") == "Lung inflammation: uncommon or rare (fewer than 1 out of 100 people in STUDY-A)"


def test_indications_are_grouped_by_subtype_with_their_lines():
    subtypes = {subtype_id: Subtype.model_validate({
        "id": subtype_id, "name": short, "short_name": short, "page": "x.md", "what_it_means": "x", "how_tested": "x",
        "questions": []}) for subtype_id, short in (("her2-positive", "HER2-positive"), ("triple-negative", "Triple-negative"))}
    indications = [Indication(subtype="her2-positive", line="first"), Indication(subtype="triple-negative", line="later"),
                   Indication(subtype="her2-positive", line="maintenance")]
    assert phrases.indications_in_words(indications, subtypes) == (
        "HER2-positive cancer, first or maintenance treatment; triple-negative cancer, later treatment")


@pytest.mark.parametrize("line, topic, name", [
    ("later", None, "Later treatment"), ("maintenance", None, "Maintenance treatment"),
    ("first", "pd-l1-positive", "First treatment: when the cancer is PD-L1 positive"),
])
def test_group_names(line, topic, name):
    assert phrases.group_name(line, topic) == name


@pytest.mark.parametrize("value, unit, words, exact", [
    (65, "years", "65 years", "65 years"),
    (5.4, "months", "about 5 months", "5.4 months"),
    (87, "percent", "87 out of 100 people", "87%"),
    (12.5, "percent", "about 13 out of 100 people", "12.5%"),
])
def test_key_facts_in_words_and_as_published(value, unit, words, exact):
    assert (phrases.key_fact_value(value, unit), phrases.key_fact_exact(value, unit)) == (words, exact)


def test_the_first_sentence_of_a_note():
    note = "  The first drip takes about 90 minutes.   Later ones take 30 minutes. "
    assert phrases.sentences(note) == ["The first drip takes about 90 minutes.", "Later ones take 30 minutes."]
    assert phrases.first_sentence(note) == "The first drip takes about 90 minutes."
    assert phrases.sentences("One sentence without a full stop") == ["One sentence without a full stop"]


@pytest.mark.parametrize("name, label", [
    ("lung inflammation (interstitial lung disease, ILD)", "lung inflammation"),
    ("tiredness (fatigue)", "tiredness (fatigue)"),
    ("a name of exactly thirty (30ch)", "a name of exactly thirty"),
    ("name of exactly 30 chars (abc)", "name of exactly 30 chars (abc)"),
    ("a long name without brackets at all here", "a long name without brackets at all here"),
    # Korean: no space before the bracket, and each Hangul letter is as wide as two Latin ones.
    ("폐 염증(간질성 폐질환, ILD 또는 폐렴)", "폐 염증"),
    ("피로(피곤함)", "피로(피곤함)"),
])
def test_long_names_lose_their_bracketed_terms_in_phone_tables(name, label):
    assert phrases.short_label(name) == label


def test_three_arms_are_listed_with_commas_and_a_final_and():
    three = trial("study-t", {"a": "a", "b": "b", "c": "c"})
    assert phrases.figures_sentence(three, a_result("response_rate", {"a": 70, "b": 52, "c": 30})) == (
        "The cancer shrank in 70 out of 100 people on a medicine, 52 out of 100 people on b medicine and "
        "30 out of 100 people on c medicine.")


def test_whole_months_under_a_year_are_not_said_twice():
    assert phrases.figures_sentence(study(), a_result("pfs_median", {"new": 11, "old": 6})) == (
        "Half of the people on new medicine lived without their cancer growing or spreading for 11 months or longer. "
        "On old medicine, this was 6 months.")


def test_a_printed_median_keeps_the_caveats_of_its_result():
    press = a_result("pfs_median", analysis="interim", caveats=["press_release"])
    assert phrases.result_sentence(study(), press, short=True).endswith(
        "on old medicine. (STUDY-A: early result (interim), may change; press release only, not a full publication)")


def test_a_name_with_two_bracketed_terms_loses_both_in_phone_tables():
    assert phrases.short_label("lung inflammation (pneumonitis) (ILD, interstitial lung disease)") == "lung inflammation"


@pytest.mark.parametrize("text, inside", [("A visit", "a visit"), ("Triple-negative", "triple-negative"),
                                          ("HER2-low", "HER2-low")])
def test_names_inside_a_sentence(text, inside):
    assert phrases.mid_sentence(text) == inside

"""Every kind of data mistake a writer can make gives one located line: file:line: field: message."""
import shutil
from pathlib import Path

import pytest

from mbc_guide.cli import main
from mbc_guide.errors import DataErrors
from mbc_guide.registry import load_registry

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ alone, for mistakes found by loading it."""
    return Path(shutil.copytree(REPO / "data", tmp_path / "data"))


def errors_for(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_registry(data_dir)
    return [str(error) for error in caught.value.errors]


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count))


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_the_real_data_is_valid(registry):
    assert "destiny-breast09" in registry.trials
    assert registry.trials["destiny-breast09"].results[0].values["tdxd-pertuzumab"].value == 40.7


# Each kind of YAML slip a writer makes on one line of data/trials.yaml, and libyaml's words for it. The line given
# is the one the writer typed, whether libyaml notices at that line or lines later (an unclosed quote: at the end).
YAML_SLIPS = {
    "unclosed-list": ("  status: [interim\n", "did not find expected ',' or ']'"),
    "key-without-colon": ("  status interim\n", "could not find expected ':'"),
    "unclosed-quote": ('  status: "interim\n', "found unexpected end of stream"),
    "tab-for-indent": ("\tstatus: interim\n", "found a tab character where an indentation space is expected"),
    "less-indented": (" status: interim\n", "did not find expected '-' indicator"),
    "second-colon": ("  status: interim: early\n", "mapping values are not allowed in this context"),
    "text-after-quote": ('  status: "interim" early\n', "did not find expected key"),
}


@pytest.mark.parametrize("slip", YAML_SLIPS)
def test_yaml_syntax_error_names_the_writers_line(data_copy, slip):
    typed, problem = YAML_SLIPS[slip]
    trials = data_copy / "trials.yaml"
    replace_in(trials, "  status: interim\n", typed)
    line = trials.read_text().splitlines().index(typed.rstrip("\n")) + 1
    assert errors_for(data_copy) == [f"data/trials.yaml:{line}: YAML syntax error: {problem}"]


def test_number_written_as_words(project_copy):
    trials = project_copy / "data" / "trials.yaml"
    replace_in(trials, "value: 40.7,", "value: forty point seven,")
    line = line_of(trials, "forty point seven")
    assert errors_for(project_copy / "data") == [
        f"data/trials.yaml:{line}: destiny-breast09.results[0].values.tdxd-pertuzumab.value: "
        "must be a number written in digits, not 'forty point seven'"
    ]


def test_misspelt_key_suggests_the_right_one(project_copy):
    subtypes = project_copy / "data" / "subtypes.yaml"
    replace_in(subtypes, "  how_tested: >-", "  how_testd: >-")
    line = line_of(subtypes, "how_testd")
    errors = errors_for(project_copy / "data")
    assert f"data/subtypes.yaml:{line}: her2-positive.how_testd: unknown field 'how_testd'; did you mean 'how_tested'?" in errors
    assert any(e.startswith("data/subtypes.yaml:") and e.endswith("her2-positive.how_tested: required field is missing") for e in errors)


def test_missing_required_field(project_copy):
    sources = project_copy / "data" / "sources.yaml"
    replace_in(sources, "  publisher: New England Journal of Medicine (Tolaney and others)\n", "")
    assert errors_for(project_copy / "data") == [
        f"data/sources.yaml:{line_of(sources, 'id: db09-nejm-2025')}: db09-nejm-2025.publisher: required field is missing"
    ]


def test_duplicate_id(project_copy):
    effects = project_copy / "data" / "effects.yaml"
    effects.write_text(effects.read_text() + "- id: nausea\n  name: nausea again\n")
    last_line = len(effects.read_text().splitlines()) - 1
    assert errors_for(project_copy / "data") == [
        f"data/effects.yaml:{last_line}: nausea: duplicate id 'nausea'; each id must be used once"
    ]


def test_empty_file(project_copy):
    (project_copy / "data" / "glossary.yaml").write_text("# nothing here yet\n")
    assert errors_for(project_copy / "data") == ["data/glossary.yaml:1: the file is empty; it needs a list of entries"]


@pytest.mark.parametrize("file, old, new, expected", [
    ("treatments.yaml", "trials: [destiny-breast09]", "trials: [destiny-breast99]",
     "tdxd-pertuzumab.trials[0]: unknown trial id 'destiny-breast99'; did you mean 'destiny-breast09'?"),
    ("trials.yaml", "fact: db09-pfs-median-thp, source: db09-nejm-2025", "fact: db09-pfs-median-thp, source: nowhere",
     "destiny-breast09.results[0].values.thp.source: unknown source id 'nowhere'"),
    ("side_effects.yaml", "tdxd-pertuzumab: {value: 12.1,", "tdxd-pertuzumab: {value: 851,",
     "db09-ild-any.values.tdxd-pertuzumab.value: 851 is not a number of people out of 100; a rate is from 0 to 100"),
    ("side_effects.yaml", "tdxd-pertuzumab: {value: 12.1,", "tdxd-pertuzumab: {value: -1,",
     "db09-ild-any.values.tdxd-pertuzumab.value: -1 is not a number of people out of 100; a rate is from 0 to 100"),
    ("trials.yaml", "value: 40.7,", "value: 1000000000,",
     "destiny-breast09.results[0].values.tdxd-pertuzumab.value: 1000000000 months is not a time a study reports; it "
     "must be more than 0 and at most 240 (20 years)"),
    ("trials.yaml", "followup_months: {value: 29.2,", "followup_months: {value: 0,",
     "destiny-breast09.followup_months.value: 0 months is not a time a study reports; it must be more than 0 and at "
     "most 240 (20 years)"),
    ("key_facts.yaml", "figure: {value: 87.0,", "figure: {value: 187.0,",
     "ild-first-year.figure.value: 187.0 is not a number of people out of 100; a rate is from 0 to 100"),
    ("trials.yaml", "participants: {value: 383,", "participants: {value: -383,",
     "destiny-breast09.arms[0].participants.value: -383 is below 0; a number of people is 0 or more"),
    ("trials.yaml", "value: 26.9,", "value: -26.9,",
     "destiny-breast09.results[0].values.thp.value: -26.9 is below 0; counts, rates and times are never negative"),
    ("trials.yaml", "timeframe_months: 24", "timeframe_months: 5000",
     "destiny-breast09.results[1].timeframe_months: 5000 months is not a time a study reports; it must be more than 0 "
     "and at most 240 (20 years)"),
], ids=["unknown-trial", "unknown-source-on-a-figure", "rate-above-100", "rate-below-0", "months-beyond-any-study",
        "months-zero", "key-fact-percent-above-100", "participants-below-0", "median-below-0", "time-frame-beyond-any-study"])
def test_one_changed_line_gives_one_located_error(project_copy, file, old, new, expected):
    """Unknown references and values out of their range (rates 0-100, people 0 or more, months a study can report)."""
    path = project_copy / "data" / file
    replace_in(path, old, new)
    assert errors_for(project_copy / "data") == [f"data/{file}:{line_of(path, new)}: {expected}"]


def test_a_result_must_give_every_arm(project_copy):
    trials = project_copy / "data" / "trials.yaml"
    replace_in(trials, "        thp: {value: 78.6, fact: db09-orr-thp, source: db09-nejm-2025}\n", "")
    assert errors_for(project_copy / "data") == [
        f"data/trials.yaml:{line_of(trials, 'tdxd-pertuzumab: {value: 85.1') - 1}: destiny-breast09.results[2].values: give a "
        "value for every arm (both arms are always shown); missing: thp"]


def test_errors_from_several_files_come_in_one_run(project_copy):
    replace_in(project_copy / "data" / "trials.yaml", "value: 40.7,", "value: forty,")
    (project_copy / "data" / "glossary.yaml").write_text("")
    errors = errors_for(project_copy / "data")
    assert [e.split(":")[0] for e in errors] == ["data/glossary.yaml", "data/trials.yaml"]


def test_check_command_prints_lines_not_a_traceback(project_copy, capsys):
    trials = project_copy / "data" / "trials.yaml"
    replace_in(trials, "value: 40.7,", "value: forty,")
    assert main(["check", "--data-dir", str(project_copy / "data")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert (f"data/trials.yaml:{line_of(trials, 'value: forty,')}: destiny-breast09.results[0].values.tdxd-pertuzumab"
            ".value: must be a number written in digits, not 'forty'") in err.splitlines()


def test_key_written_twice_in_one_entry(project_copy):
    subtypes = project_copy / "data" / "subtypes.yaml"
    replace_in(subtypes, "  short_name: HER2-positive\n", "  short_name: HER2-positive\n  short_name: HER2+\n")
    line = line_of(subtypes, "short_name: HER2+")
    assert errors_for(project_copy / "data") == [
        f"data/subtypes.yaml:{line}: YAML syntax error: the key 'short_name' is written twice"]


def test_yes_and_no_stay_words(tmp_path):
    from mbc_guide.yaml_source import read_yaml, to_plain

    (tmp_path / "words.yaml").write_text("- answer: no\n  other: yes\n  flag: true\n")
    document, errors = read_yaml(tmp_path / "words.yaml", "data/words.yaml")
    assert errors == [] and to_plain(document) == [{"answer": "no", "other": "yes", "flag": True}]


def test_a_side_effect_split_by_its_comma_is_refused(data_copy):
    """Unquoted, 'lung inflammation, which can be serious' is two items in a [list]; the second reads as a fragment."""
    path = data_copy / "treatments.yaml"
    quoted = '"lung inflammation, which can be serious"]'
    replace_in(path, quoted, "lung inflammation, which can be serious]")
    assert errors_for(data_copy) == [
        f"data/treatments.yaml:{line_of(path, 'lung inflammation, which can be serious]')}: tdxd-pertuzumab."
        "main_side_effects: 'which can be serious' reads as the end of the side effect before it: a comma inside an "
        "item splits it in a [list]; put the whole item in quotes"]

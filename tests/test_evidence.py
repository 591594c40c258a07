"""Every figure in data/ equals its entry in data/evidence.yaml (checked in every build), and that record equals
../shared/evidence/ whenever the folder is present. Without the folder (a clone elsewhere) the shared tests skip."""
import re
from pathlib import Path

import pytest
import yaml

from mbc_guide.cli import build_site, main
from mbc_guide.errors import DataErrors
from mbc_guide.evidence import ABSENT_NOTE, compare_with_shared, shared_evidence_dir
from mbc_guide.figure_checks import numbers_in
from mbc_guide.registry import iter_figures, load_registry

REPO = Path(__file__).resolve().parent.parent
SHARED = shared_evidence_dir(REPO)
needs_shared = pytest.mark.skipif(SHARED is None, reason="no ../shared/evidence/ beside the project (set "
                                                          "MBC_EVIDENCE_DIR): the record is checked against it in CI")
KINDS_WITH_FIGURES = ("trials", "side_effects", "key_facts")


def ids_in(name: str) -> set[str]:
    return {entry["id"] for entry in yaml.safe_load((SHARED / name).read_text())}


@pytest.fixture(scope="module")
def facts():
    if SHARED is None:
        pytest.skip("no ../shared/evidence/ beside the project (set MBC_EVIDENCE_DIR)")
    return {entry["id"]: entry for entry in yaml.safe_load((SHARED / "facts.yaml").read_text())}


def all_figures(registry):
    for kind in KINDS_WITH_FIGURES:
        for entry in getattr(registry, kind).values():
            for location, figure in iter_figures(entry):
                yield f"{entry.id}.{'.'.join(map(str, location))}", figure


def errors_for(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_registry(data_dir)
    return [str(error) for error in caught.value.errors]


def break_line(path: Path, old: str, new: str) -> int:
    text = path.read_text()
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1))
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if new in line)


def test_there_are_figures_to_check(registry):
    assert sum(1 for _ in all_figures(registry)) > 30


def test_every_cited_fact_is_in_the_record(registry):
    cited = {figure.fact for _, figure in all_figures(registry)}
    cited |= {f for m in registry.medicines.values() for f in m.given.facts}
    cited |= {f for a in registry.alerts.values() for f in a.facts} | {n.fact for n in registry.access.values()}
    cited |= {contact.fact for contact in registry.support.values()}
    cited |= {cost.fact for cost in registry.costs.values()}
    assert cited - set(registry.evidence) == set()
    assert set(registry.evidence) - cited == set(), "the record holds exactly the evidence data/ cites"


def test_a_figure_that_differs_from_its_evidence_fails_the_build(project_copy, capsys):
    trials = project_copy / "data" / "trials.yaml"
    line = break_line(trials, "value: 40.7,", "value: 40.8,")
    expected = (f"data/trials.yaml:{line}: destiny-breast09.results[0].values.tdxd-pertuzumab.value: 40.8 differs from "
                "evidence 'db09-pfs-median-tdxd-p', which says 40.7 months; copy the value exactly (pages round it for "
                "readers)")
    assert errors_for(project_copy / "data") == [expected]
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert capsys.readouterr().err.splitlines() == [expected]


def test_a_misspelt_fact_id_suggests_the_right_one(project_copy):
    trials = project_copy / "data" / "trials.yaml"
    line = break_line(trials, "fact: db09-pfs-median-thp,", "fact: db09-pfs-medan-thp,")
    assert errors_for(project_copy / "data") == [
        f"data/trials.yaml:{line}: destiny-breast09.results[0].values.thp.fact: unknown fact id 'db09-pfs-medan-thp'; "
        "did you mean 'db09-pfs-median-thp'?"]


def test_a_figure_from_a_claim_must_be_stated_in_it(project_copy):
    key_facts = project_copy / "data" / "key_facts.yaml"
    line = break_line(key_facts, "figure: {value: 65, fact: ild-pooled-risk-factors",
                      "figure: {value: 66, fact: ild-pooled-risk-factors")
    [error] = errors_for(project_copy / "data")
    assert re.fullmatch(rf"data/key_facts.yaml:{line}: ild-risk-age.figure.value: 66 is not stated in the claim of "
                        r"evidence 'ild-pooled-risk-factors' \(.+\)", error)


def test_lint_and_check_refuse_a_wrong_figure(project_copy, capsys, monkeypatch):
    monkeypatch.chdir(project_copy)
    line = break_line(project_copy / "data" / "trials.yaml", "value: 40.7,", "value: 47,")
    error = (f"data/trials.yaml:{line}: destiny-breast09.results[0].values.tdxd-pertuzumab.value: 47 differs from "
             "evidence 'db09-pfs-median-tdxd-p', which says 40.7 months; copy the value exactly (pages round it for readers)")
    assert main(["check"]) == 1
    assert error in capsys.readouterr().err.splitlines()
    assert main(["lint"]) == 1
    assert error in capsys.readouterr().err.splitlines()


def test_without_shared_evidence_the_build_says_so_in_one_line(project_copy, capsys, monkeypatch):
    monkeypatch.delenv("MBC_EVIDENCE_DIR", raising=False)
    assert shared_evidence_dir(project_copy) is None  # the copy sits in a temporary folder without ../shared
    result = build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert result and result.notes == [ABSENT_NOTE]


@needs_shared
def test_the_record_equals_the_shared_evidence(registry):
    assert compare_with_shared(registry, SHARED) == []


@needs_shared
def test_the_record_is_what_the_script_writes(tmp_path):
    import shutil
    import subprocess
    import sys

    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    (data / "evidence.yaml").unlink()
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_evidence_record.py"), "--data-dir", str(data),
                    "--evidence-dir", str(SHARED)], check=True, capture_output=True)
    assert (data / "evidence.yaml").read_text() == (REPO / "data" / "evidence.yaml").read_text()


@needs_shared
def test_a_record_changed_by_hand_fails_the_build(project_copy, monkeypatch, capsys):
    monkeypatch.setenv("MBC_EVIDENCE_DIR", str(SHARED))
    record = project_copy / "data" / "evidence.yaml"
    text = record.read_text()
    entry = "- id: db09-pfs-median-tdxd-p\n  file: facts.yaml\n  value: 40.7\n"
    assert entry in text
    record.write_text(text.replace(entry, entry.replace("40.7", "40.8")))
    break_line(project_copy / "data" / "trials.yaml", "value: 40.7,", "value: 40.8,")
    line = record.read_text().splitlines().index("- id: db09-pfs-median-tdxd-p") + 3
    assert not build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert capsys.readouterr().err.splitlines() == [
        f"data/evidence.yaml:{line}: db09-pfs-median-tdxd-p.value: differs from facts.yaml in the shared evidence (value: 40.7); "
        "run scripts/make_evidence_record.py"]


def test_every_figure_cites_the_publication_its_evidence_names(registry):
    """The source's link is the evidence entry's page or its primary DOI, so readers reach what was read."""
    problems = []
    for where, figure in all_figures(registry):
        fact = registry.evidence[figure.fact]
        source = registry.sources[figure.source]
        allowed = set(re.findall(r"https?://[^\s;]+", str(fact.source.url_or_doi)))
        primary = fact.primary or {}
        # The primary publication's DOI, where the entry names it (in `primary` or in the text of its source).
        named = " ".join(str(getattr(fact.source, key) or "") for key in ("url_or_doi", "where", "title"))
        for doi in re.findall(r"10\.\d{4,}/[^\s;,)]+", f"{primary.get('doi_or_pmid') or ''} {named}"):
            allowed |= {f"https://doi.org/{doi}", f"https://doi.org/{doi.upper()}", f"https://doi.org/{doi.lower()}"}
        links = {source.url, source.read_in_url} - {None}
        # A source without any link (its only copy was a mirror) must say where it was read instead.
        if not links & allowed and not (source.read_in and (primary or not links)):
            problems.append(f"{where}: source {source.id} links {sorted(links)}, evidence read it at {sorted(allowed)}")
    assert problems == []


def test_text_facts_cited_for_schedules_and_alerts_exist(registry, facts):
    cited = [f for m in registry.medicines.values() for f in m.given.facts]
    cited += [f for a in registry.alerts.values() for f in a.facts]
    known = set(facts) | ids_in("support.yaml")
    assert cited and [f for f in cited if f not in known] == []


@needs_shared
def test_every_access_note_cites_an_access_fact(registry):
    known = ids_in("access.yaml")
    assert [note.id for note in registry.access.values() if note.fact not in known] == []


@needs_shared
def test_the_do_not_link_list_is_the_evidence_readmes(registry):
    """The hosts the build refuses are the README's list, so a host added there must be added to the build."""
    from mbc_guide.models import DO_NOT_LINK_HOSTS
    readme = (SHARED / "README.md").read_text()
    listed = readme[readme.index("Never link readers to these hosts"):].split(". Cite")[0]
    for host in DO_NOT_LINK_HOSTS:
        assert host in listed, host
    named = re.findall(r"[a-z0-9.-]+\.(?:com|org|net|app)\b", listed)
    assert [host for host in named if not any(host.endswith(h) for h in DO_NOT_LINK_HOSTS)] == []


CAVEAT_WORDS_IN_EVIDENCE = {
    "press_release": re.compile(r"press release", re.I),
    "post_hoc": re.compile(r"post[- ]hoc", re.I),
}


def test_every_result_carries_the_caveat_its_evidence_names(registry, facts):
    """A figure read in a press release, or from a group chosen after the study, carries that caveat kind."""
    from mbc_guide.phrases import caveat_kinds
    problems = []
    for trial in registry.trials.values():
        for result in trial.results:
            kinds = caveat_kinds(trial, result)
            for figure in result.values.values():
                fact = facts[figure.fact]
                text = f"{fact['source'].get('title', '')} {fact['source'].get('where', '')} {fact.get('caveat') or ''}"
                for kind, pattern in CAVEAT_WORDS_IN_EVIDENCE.items():
                    if pattern.search(text) and kind not in kinds:
                        problems.append(f"{trial.id}.{result.id}: evidence {figure.fact} says {kind}")
    assert sorted(set(problems)) == []


def test_no_dose_amounts_reach_readers(registry):
    """Schedules may be shown, dose amounts never (evidence README)."""
    texts = [t["en"] for m in registry.medicines.values() for t in (m.given.schedule, *m.given.details)]
    assert [t for t in texts if re.search(r"\d\s*(mg|mcg|g/m|mg/kg)\b", t)] == []


def test_every_time_frame_is_stated_by_its_results_evidence(registry):
    """'After 2 years' is a figure too: the months (or years) appear in the claim of the result's own entries."""
    problems = []
    for trial in registry.trials.values():
        for result in trial.results:
            if result.timeframe_months is None:
                continue
            stated = set().union(*(numbers_in(registry.evidence[f.fact].claim) for f in result.values.values()))
            if not {float(result.timeframe_months), result.timeframe_months / 12} & stated:
                problems.append(f"{trial.id}.{result.id}: {result.timeframe_months} months is not stated in its entries' claims")
    assert problems == []

"""Every figure in data/ is copied exactly from ../shared/evidence/facts.yaml and cites a matching source."""
import os
import re
from pathlib import Path

import pytest
import yaml

from mbc_guide.registry import iter_figures

EVIDENCE_DIR = Path(os.environ.get("MBC_EVIDENCE_DIR", Path(__file__).resolve().parents[2] / "shared" / "evidence"))

KINDS_WITH_FIGURES = ("trials", "side_effects", "key_facts")


def ids_in(name: str) -> set[str]:
    return {entry["id"] for entry in yaml.safe_load((EVIDENCE_DIR / name).read_text())}


@pytest.fixture(scope="module")
def facts():
    path = EVIDENCE_DIR / "facts.yaml"
    assert path.is_file(), f"the evidence file is required: {path} (set MBC_EVIDENCE_DIR to its folder)"
    return {entry["id"]: entry for entry in yaml.safe_load(path.read_text())}


def all_figures(registry):
    for kind in KINDS_WITH_FIGURES:
        for entry in getattr(registry, kind).values():
            for location, figure in iter_figures(entry):
                yield f"{entry.id}.{'.'.join(map(str, location))}", figure


def numbers_in(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


def test_there_are_figures_to_check(registry):
    assert sum(1 for _ in all_figures(registry)) > 30


def test_every_figure_matches_its_evidence_entry(registry, facts):
    problems = []
    for where, figure in all_figures(registry):
        fact = facts.get(figure.fact)
        if fact is None:
            problems.append(f"{where}: fact {figure.fact!r} is not in the evidence file")
        elif figure.from_claim:
            stated = " ".join(str(fact.get(key) or "") for key in ("claim", "arm", "comparator"))
            if float(figure.value) not in numbers_in(stated):
                problems.append(f"{where}: {figure.value} is not stated in the claim of {figure.fact!r}")
        elif fact["value"] is None or float(fact["value"]) != float(figure.value):
            problems.append(f"{where}: {figure.value} differs from {figure.fact!r} value {fact['value']!r}")
    assert problems == []


def test_every_figure_cites_the_publication_its_evidence_names(registry, facts):
    """The source's link is the evidence entry's page or its primary DOI, so readers reach what was read."""
    problems = []
    for where, figure in all_figures(registry):
        fact = facts[figure.fact]
        source = registry.sources[figure.source]
        allowed = set(re.findall(r"https?://[^\s;]+", str(fact["source"]["url_or_doi"])))
        primary = fact.get("primary") or {}
        # The primary publication's DOI, where the entry names it (in `primary` or in the text of its source).
        named = " ".join(str(fact["source"].get(key) or "") for key in ("url_or_doi", "where", "title"))
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


def test_every_access_note_cites_an_access_fact(registry):
    known = ids_in("access.yaml")
    assert [note.id for note in registry.access.values() if note.fact not in known] == []


def test_the_do_not_link_list_is_the_evidence_readmes(registry):
    """The hosts the build refuses are the README's list, so a host added there must be added to the build."""
    from mbc_guide.models import DO_NOT_LINK_HOSTS
    readme = (EVIDENCE_DIR / "README.md").read_text()
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


def test_every_time_frame_is_stated_by_its_results_evidence(registry, facts):
    """'After 2 years' is a figure too: the months (or years) appear in the claim of the result's own entries."""
    problems = []
    for trial in registry.trials.values():
        for result in trial.results:
            if result.timeframe_months is None:
                continue
            stated = set().union(*(numbers_in(facts[f.fact]["claim"]) for f in result.values.values()))
            if not {float(result.timeframe_months), result.timeframe_months / 12} & stated:
                problems.append(f"{trial.id}.{result.id}: {result.timeframe_months} months is not stated in its entries' claims")
    assert problems == []

"""Every figure in data/ is copied exactly from ../shared/evidence/facts.yaml and cites a matching source."""
import os
import re
from pathlib import Path

import pytest
import yaml

from mbc_guide.registry import iter_figures

EVIDENCE_DIR = Path(os.environ.get("MBC_EVIDENCE_DIR", Path(__file__).resolve().parents[2] / "shared" / "evidence"))

KINDS_WITH_FIGURES = ("trials", "side_effects", "key_facts")


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
        doi = re.search(r"10\.\d{4,}/\S+?(?=;|\s|$)", primary.get("doi_or_pmid") or "")
        if doi:
            allowed.add(f"https://doi.org/{doi.group(0)}")
        links = {source.url, source.read_in_url} - {None}
        # A source without any link (its only copy was a mirror) must say where it was read instead.
        if not links & allowed and not (source.read_in and (primary or not links)):
            problems.append(f"{where}: source {source.id} links {sorted(links)}, evidence read it at {sorted(allowed)}")
    assert problems == []


def test_text_facts_cited_for_schedules_and_alerts_exist(registry, facts):
    cited = [f for m in registry.medicines.values() for f in m.given.facts]
    cited += [f for a in registry.alerts.values() for f in a.facts]
    assert cited and [f for f in cited if f not in facts] == []


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

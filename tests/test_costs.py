"""The Korea costs page: each figure is its evidence entry's own (English and Korean), an unknown fact id or a
figure the evidence does not state fails with one located line, and the macro shows each fact's source and date."""
import html
import shutil
from pathlib import Path

import pytest

from mbc_guide.errors import DataErrors
from mbc_guide.figure_checks import cost_problems, numbers_in
from mbc_guide.languages import registry_in
from mbc_guide.page_macros import GuideMacros
from mbc_guide.registry import load_registry
from mbc_guide.rendering import component_environment

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(REPO / "data", tmp_path / "data"))


def korean(registry):
    return registry_in(registry, "ko", REPO / "data")


def test_every_cost_figure_in_both_languages_is_stated_by_its_evidence_entry(registry):
    costs = korean(registry).costs
    assert costs and all(set(fact.text) == {"en", "ko"} for fact in costs.values())
    for fact in costs.values():
        evidence = registry.evidence[fact.fact]
        assert evidence.claim_ko, f"{fact.fact} is not a kr_costs.yaml entry"
        assert list(cost_problems(fact, evidence)) == [], fact.id
        if fact.value is not None:
            assert fact.value == evidence.value


def test_the_rate_shown_is_the_five_percent_of_the_evidence(registry):
    fact = registry.costs["sanjeong-rate"]
    assert registry.evidence[fact.fact].value == fact.value == "5%"
    assert numbers_in(korean(registry).costs["sanjeong-rate"].text["ko"].replace("{value}", fact.value)) == {5.0}


def test_a_figure_the_evidence_does_not_state_is_refused(registry):
    fact = registry.costs["catastrophic-limit"]
    wrong = fact.model_copy(update={"text": {"en": "The limit rose to 60 million won a year in 2024."}})
    assert [problem for _, problem in cost_problems(wrong, registry.evidence[fact.fact])] == [
        "60 in the en text is not stated in evidence 'kr-catastrophic-annual-limit'; figures come from the evidence entry"]
    other_value = fact.model_copy(update={"value": "4%"})
    problems = [p for _, p in cost_problems(other_value, registry.evidence[fact.fact])]
    assert problems and problems[0].startswith("'4%' differs from evidence 'kr-catastrophic-annual-limit'")


def errors_after(data_copy: Path, old: str, new: str) -> tuple[list[str], int]:
    """The load errors once `old` becomes `new` in data/costs.yaml, and the line it is on."""
    costs = data_copy / "costs.yaml"
    assert old in costs.read_text()
    costs.write_text(costs.read_text().replace(old, new, 1))
    line = next(n for n, row in enumerate(costs.read_text().splitlines(), 1) if new in row)
    with pytest.raises(DataErrors) as caught:
        load_registry(data_copy)
    return [str(error) for error in caught.value.errors], line


def test_an_unknown_fact_id_fails_with_one_located_line(data_copy):
    messages, line = errors_after(data_copy, "fact: kr-sanjeong-cancer-5pct", "fact: kr-sanjeong-cancer-6pct")
    assert len(messages) == 1
    assert messages[0].startswith(f"data/costs.yaml:{line}: sanjeong-rate.fact: unknown fact id 'kr-sanjeong-cancer-6pct'")


def test_a_wrong_figure_in_the_data_fails_the_load(data_copy):
    messages, line = errors_after(data_copy, "value: 1577-1000", "value: 1577-1001")
    assert messages == [f"data/costs.yaml:{line}: ask-nhis.value: '1577-1001' differs from evidence 'kr-nhis-hotline', "
                        "which says '1577-1000'; copy the value exactly"]


def test_a_link_is_https_and_never_a_do_not_link_host(data_copy):
    messages, line = errors_after(data_copy, "url: https://www.data.go.kr/catalog/15141651",
                                  "url: http://www.data.go.kr/catalog/15141651")
    assert len(messages) == 1 and messages[0].startswith(f"data/costs.yaml:{line}: sanjeong-apply.url:")


@pytest.mark.parametrize("language, page, source_word", [("en", "costs-korea.md", "Source:"), ("ko", "ko/costs-korea.md", "출처:")])
def test_each_section_shows_every_fact_with_its_source_and_date(registry, language, page, source_word):
    korean_registry = korean(registry)
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"),
                         registries={"ko": korean_registry})
    macros.start_page(page)
    for kind in ("co-payment", "re-registration", "covered-or-not", "yearly-cap", "support-programmes",
                 "unapproved-medicines", "trials", "where-to-ask"):
        shown = html.unescape(str(macros.cost_facts(kind)))
        facts = [fact for fact in korean_registry.costs.values() if fact.kind == kind]
        assert facts and shown.count(source_word) == len(facts)
        for fact in facts:
            assert fact.text[language].replace("{value}", fact.value or "") in shown
            assert fact.source_title in shown and (fact.date is None or fact.date in shown)
            assert fact.url is None or f'href="{fact.url}"' in shown


def test_an_unknown_section_is_refused(registry):
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
    macros.start_page("costs-korea.md")
    with pytest.raises(LookupError, match="no cost facts in data for 'fees'; use one of co-payment"):
        macros.cost_facts("fees")


def test_the_costs_page_is_linked_from_both_support_pages():
    english = REPO / "content" / "en" / "support.md"  # content/en/ once the Korean edition is on
    english = english if english.exists() else REPO / "content" / "support.md"
    for support in (english, REPO / "content" / "ko" / "support.md"):
        assert "(costs-korea.md)" in support.read_text(encoding="utf-8")

"""The sources page's folds: each source under the one study it backs, else under what else cites it."""
from made_up_data import figure, registry_of, result, side_effect_rate, trial

from mbc_guide.models import Source
from mbc_guide.source_groups import access_by_country, source_groups


def _source(source_id: str, title: str) -> Source:
    return Source.model_validate({"id": source_id, "title": title, "publisher": "Made up", "published": "2026",
                                  "supports": {"en": "Made up."}})


def _with_sources(registry, *ids: str):
    for source_id in ids:
        registry.sources[source_id] = _source(source_id, title=f"Title of {source_id}")
    return registry


def _folds(registry) -> dict[str, list[str]]:
    studies, others = source_groups(registry)
    return {group.anchor: [source.id for source in group.sources] for group in [*studies, *others]}


def test_a_source_goes_under_the_study_it_publishes_even_when_another_study_cites_it_too():
    paper = {"published": "study-b-paper"}
    cited_by_a = result("pfs", "pfs_median", {"x": 1.0}) | {"values": {"x": figure(1.0) | {"source": "study-b-paper"}}}
    registry = _with_sources(registry_of(trial("study-a", {"x": None}, [cited_by_a]), trial("study-b", {"y": None}, **paper)),
                             "study-b-paper", "made-up-source")
    folds = _folds(registry)
    assert folds["sources-study-b"] == ["study-b-paper"]
    assert folds["sources-study-a"] == ["made-up-source"]


def test_a_source_only_a_side_effect_rate_cites_goes_under_the_rate_s_study():
    rate = side_effect_rate("a-ild", "study-a", {"x": 2.0})
    rate.values["x"] = rate.values["x"].model_copy(update={"source": "label-table"})
    registry = _with_sources(registry_of(trial("study-a", {"x": None}), rate), "label-table", "made-up-source")
    assert _folds(registry)["sources-study-a"] == ["label-table", "made-up-source"]


def test_a_source_no_study_cites_goes_under_the_other_sources_and_each_source_is_in_one_fold():
    registry = _with_sources(registry_of(trial("study-a", {"x": None})), "made-up-source", "zz-background", "aa-background")
    studies, others = source_groups(registry)
    assert [group.label for group in studies] == ["STUDY-A"]
    assert [(group.kind, [s.id for s in group.sources]) for group in others] == [
        ("other", ["aa-background", "zz-background"])]  # by title; empty kinds are left out


def test_studies_fold_in_order_of_their_names_whatever_their_case():
    registry = _with_sources(registry_of(trial("b", {"x": None}, name="tropion"), trial("a", {"x": None}, name="TROPiCS"),
                                         trial("c", {"x": None}, name="Ascent")), "made-up-source")
    assert [group.label for group in source_groups(registry)[0]] == ["Ascent"]  # all three cite one source: one home
    registry = _with_sources(registry_of(trial("b", {"x": None}, name="tropion", published="b-paper"),
                                         trial("a", {"x": None}, name="TROPiCS", published="a-paper")), "a-paper", "b-paper")
    assert [group.label for group in source_groups(registry)[0]] == ["TROPiCS", "tropion"]


def test_the_real_data_folds_every_source_once(registry):
    folded = [source.id for groups in source_groups(registry) for group in groups for source in group.sources]
    assert sorted(folded) == sorted(registry.sources)
    assert "db09-nejm-2025" in _folds(registry)["sources-destiny-breast09"]


def test_access_notes_fold_by_country_in_the_order_the_data_names_them(registry):
    countries = access_by_country(registry.access.values())
    assert [country for country, _ in countries] == list(dict.fromkeys(n.country for n in registry.access.values()))
    assert sum(len(notes) for _, notes in countries) == len(registry.access)

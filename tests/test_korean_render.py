"""Korean pages: macros render in the page's language from the Korean overlay and the UI string catalogue."""
import re
from pathlib import Path

import pytest

from mbc_guide import ui_strings
from mbc_guide.generated_pages import generated_pages, nav_section
from mbc_guide.korean_overlay import english_fingerprint, english_texts
from mbc_guide.korean_phrases import particle
from mbc_guide.languages import (MissingTranslation, editions, korean_registry, page_language, page_path_in_edition,
                                 registry_in)
from mbc_guide.page_macros import GuideMacros
from mbc_guide.rendering import component_environment
from mbc_guide.ui_strings import MissingUiString, load_catalogue

REPO = Path(__file__).resolve().parent.parent
COMPONENTS = REPO / "overrides" / "components"
MADE_UP = "번역문"  # the made-up Korean every string of the test overlay gets


def write_overlay(data_dir: Path, registry, wanted: set[tuple[str, str]] | None = None) -> Path:
    """A made-up Korean overlay in data_dir/ko/: every string of the wanted entries ((kind, id); all if None)."""
    folder = data_dir / "ko"
    folder.mkdir(parents=True, exist_ok=True)
    items: dict[str, list[str]] = {}
    for english in english_texts(registry):
        if wanted is None or (english.kind, english.entry_id) in wanted:
            korean = f"{MADE_UP} {{value}}" if "{value}" in english.text else MADE_UP
            items.setdefault(english.kind, []).append(
                f"- id: {english.entry_id}\n  field: {english.field}\n"
                f"  from_english: '{english_fingerprint(english.text)}'\n  ko: \"{korean}\"\n")
    for kind, lines in items.items():
        (folder / f"{kind}.yaml").write_text("".join(lines), encoding="utf-8")
    return data_dir


def korean_macros(registry, data_dir: Path) -> GuideMacros:
    return GuideMacros(registry, component_environment(COMPONENTS), registries={"ko": korean_registry(registry, data_dir)})


def visible_words(html: str) -> str:
    """The text a reader sees (tags and addresses removed)."""
    without_anchors = re.sub(r"\{ #[a-z0-9-]+ \}", " ", html)  # Markdown heading anchors
    return re.sub(r"\s+", " ", re.sub(r"https?://\S+", " ", re.sub(r"<[^>]+>", " ", without_anchors)))


def english_words_left(html: str, names: set[str]) -> set[str]:
    """English words in the text that are not names (studies, sources): UI words left untranslated."""
    return {word for word in re.findall(r"\b[A-Za-z][a-z]{3,}\b", visible_words(html)) if word not in names}


def names_of(registry, trial_ids: list[str]) -> set[str]:
    names: set[str] = set()
    for trial_id in trial_ids:
        names |= set(re.findall(r"[A-Za-z]+", registry.trials[trial_id].name))
    for source in registry.sources.values():
        names |= set(re.findall(r"[A-Za-z]+", f"{source.title} {source.publisher} {source.published}"))
    return names


def test_page_language_is_the_first_folder():
    assert page_language("ko/options/tdxd-pertuzumab.md") == "ko"
    assert page_language("en/options/tdxd-pertuzumab.md") == "en"
    assert page_language("options/tdxd-pertuzumab.md") == "en"
    assert page_language("kobold.md") == "en"
    assert page_path_in_edition("ko/options/x.md") == "options/x.md"
    assert page_path_in_edition("index.md") == "index.md"


def test_editions_default_to_english_and_refuse_unknown_languages():
    assert editions({}) == ["en"]
    assert editions({"editions": ["ko", "en"]}) == ["en", "ko"]
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        editions({"editions": ["en", "fr"]})


def test_korean_registry_merges_the_overlay_into_a_copy(registry, tmp_path):
    data_dir = write_overlay(tmp_path, registry, {("trials", "destiny-breast09")})
    korean = korean_registry(registry, data_dir)
    trial = korean.trials["destiny-breast09"]
    assert trial.arms[0].label == {"en": registry.trials["destiny-breast09"].arms[0].label["en"], "ko": MADE_UP}
    assert "ko" not in registry.trials["destiny-breast09"].arms[0].label  # the English registry is never changed
    assert registry_in(registry, "en", data_dir) is registry


def test_korean_registry_names_the_reviewer_in_korean(registry, tmp_path):
    data_dir = write_overlay(tmp_path, registry, {("reviews", "her2-positive.md")})
    korean = korean_registry(registry, data_dir)
    assert korean.reviews["her2-positive.md"].reviewed_by == MADE_UP
    assert korean.reviews["her2-positive.md"].last_reviewed == registry.reviews["her2-positive.md"].last_reviewed
    assert registry.reviews["her2-positive.md"].reviewed_by != MADE_UP  # the English registry is never changed


def test_result_in_korean_has_korean_words_and_number_words(registry, tmp_path):
    trial_id = "destiny-breast09"
    data_dir = write_overlay(tmp_path, registry, {("trials", trial_id)})
    macros = korean_macros(registry, data_dir)
    macros.start_page("ko/her2-positive.md", f'{{{{ trial_results("{trial_id}") }}}}')
    html = str(macros.trial_results(trial_id))
    text = visible_words(html)
    assert "약 3년 5개월(40.7개월)" in text  # the median, in Korean number words
    assert "1년" in text and "2년" in text and "3년" in text  # the bars' scale
    assert "그림 읽는 방법" in text and "출처" in text  # the catalogue's Korean
    assert MADE_UP in text
    assert english_words_left(html, names_of(registry, [trial_id])) == set()


def test_generated_option_page_in_korean(registry, tmp_path):
    data_dir = write_overlay(tmp_path, registry)
    korean = korean_registry(registry, data_dir)
    macros = korean_macros(registry, data_dir)
    treatment = "tdxd-pertuzumab"
    page = next(p for p in generated_pages(korean, {}, "ko") if p.path == f"options/{treatment}.md")
    assert page.title == MADE_UP
    macros.start_page(f"ko/{page.path}", page.source)
    html = str(macros.option_page(treatment))
    text = visible_words(html)
    for heading in ("어떻게 투여하나요?", "어떤 부작용이 있을 수 있나요?", "담당 의료진에게 할 질문"):
        assert heading in text
    assert re.search(r"100명 중 (약 )?\d+명", text)
    trials = registry.treatments[treatment].trials
    names = names_of(registry, trials) | {"PDF", "QR"}
    names |= {w for m in registry.medicines.values() for w in re.findall(r"[A-Za-z]+", m.brand or "")}
    names |= {w for n in registry.access.values() for w in re.findall(r"[A-Za-z]+", n.source_title)}
    assert english_words_left(html, names) == set()


def test_generated_titles_in_korean(registry, tmp_path):
    korean = korean_registry(registry, write_overlay(tmp_path, registry))
    titles = {page.path: page.title for page in generated_pages(korean, {}, "ko")}
    assert titles["options/index.md"] == "치료 방법"
    assert titles["studies/destiny-breast09.md"] == f"{MADE_UP} 연구"  # study names are translated too
    assert titles["compare/her2-positive.md"] == f"{MADE_UP} 치료 방법 비교"
    assert list(nav_section(korean, "studies", "ko")) == ["연구"]
    english = {page.path: page.title for page in generated_pages(registry, {})}
    assert english["studies/destiny-breast09.md"] == "The DESTINY-Breast09 study"


def test_a_korean_page_never_falls_back_to_english(registry, tmp_path):
    data_dir = write_overlay(tmp_path, registry, set())  # no Korean at all
    macros = korean_macros(registry, data_dir)
    macros.start_page("ko/her2-positive.md")
    with pytest.raises(MissingTranslation, match="no 'ko' text"):
        macros.urgent_symptoms("lung-inflammation")


def test_a_missing_korean_ui_string_fails_with_file_and_line(registry, tmp_path, monkeypatch):
    catalogue = tmp_path / "ui_strings.yaml"
    text = ui_strings.CATALOGUE.read_text(encoding="utf-8")
    # Drop the Korean of the urgent boxes' label: the Korean page must stop at its line.
    dropped = re.sub(r'(- id: urgent\.label\n  en: "Urgent symptoms"\n)  ko: .*\n', r"\1", text)
    assert dropped != text
    catalogue.write_text(dropped, encoding="utf-8")
    line = dropped.splitlines().index("- id: urgent.label") + 1
    monkeypatch.setattr(ui_strings, "CATALOGUE", catalogue)
    monkeypatch.setattr(ui_strings, "SHOWN", "src/mbc_guide/ui_strings.yaml")
    macros = korean_macros(registry, write_overlay(tmp_path / "data", registry, {("alerts", "lung-inflammation")}))
    macros.start_page("ko/her2-positive.md")
    with pytest.raises(MissingUiString, match=rf"^src/mbc_guide/ui_strings\.yaml:{line}: urgent\.label\.ko: missing Korean"):
        macros.urgent_symptoms("lung-inflammation")
    assert load_catalogue().missing("ko")[0].line == line


def test_every_ui_string_has_korean():
    assert [str(problem) for problem in load_catalogue().missing("ko")] == []


def test_korean_particles_follow_the_last_sound():
    assert particle("폐렴", "으로", "로") == "폐렴으로"
    assert particle("설사", "으로", "로") == "설사로"
    assert particle("피부 발진(두드러기)", "이", "가") == "피부 발진(두드러기)이"  # the word before the brackets
    assert particle("간질성 폐질환(폐렴)", "으로", "로") == "간질성 폐질환(폐렴)으로"
    assert particle("T-DXd", "이", "가") == "T-DXd가"


def test_study_page_in_korean_says_rates_as_people_out_of_100(registry, tmp_path):
    data_dir = write_overlay(tmp_path, registry)
    macros = korean_macros(registry, data_dir)
    macros.start_page("ko/studies/destiny-breast09.md", '{{ study_page("destiny-breast09") }}')
    text = visible_words(str(macros.study_page("destiny-breast09")))
    assert "2년 후" in text and "100명 중 약 70명" in text  # the 2-year rate of the first arm
    assert "연구 세부 사항: 정확한 수치와 출처" in text
    assert "Half of the people" not in text and "out of 100" not in text


@pytest.mark.parametrize("name", ["CAVEAT_WORDS", "ANALYSIS_WORDS", "MEASURE_NAMES", "RATE_MEANINGS", "SEVERITY_WORDS",
                                  "COUNTED_WORDS", "LINE_NAMES", "TOPIC_NAMES", "ROUTE_WORDS", "MEDIAN_MEANINGS",
                                  "SHORT_MEDIAN_MEANINGS"])
def test_korean_phrase_tables_cover_every_english_key(name):
    """A new measure, caveat, line or topic gets its Korean words too: a Korean page would otherwise stop."""
    from mbc_guide import korean_phrases, phrases
    assert set(getattr(korean_phrases, name)) == set(getattr(phrases, name))


def test_the_gate_names_a_ui_string_without_korean(tmp_path, monkeypatch):
    catalogue = tmp_path / "ui_strings.yaml"
    catalogue.write_text('- id: one.word\n  en: "Word"\n  ko: "낱말"\n- id: two.words\n  en: "Two words"\n',
                         encoding="utf-8")
    monkeypatch.setattr(ui_strings, "CATALOGUE", catalogue)
    assert ui_strings.catalogue_problems("ko") == ["src/mbc_guide/ui_strings.yaml:4: two.words.ko: missing Korean text"]
    catalogue.write_text('- id: one.word\n  en: "Word"\n  colour: red\n', encoding="utf-8")
    assert ui_strings.catalogue_problems("ko")[0].startswith("src/mbc_guide/ui_strings.yaml:3: one.word.colour:")


def test_every_string_id_the_components_and_helpers_name_is_in_the_catalogue():
    """A typo in an id would only show when a page uses that component: read every literal id instead."""
    named = set()
    for path in [*COMPONENTS.glob("*.html"), *(REPO / "src" / "mbc_guide").glob("*.py")]:
        named |= set(re.findall(r'\b(?:ui|ui_plain|_ui|ui_text)\(\s*"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"', path.read_text()))
    assert len(named) > 150
    assert sorted(named - set(load_catalogue().strings)) == []

"""Korean lint: sentence length in 어절, the summary and questions sections, typed figures and glossary terms at first
use, each problem one `path:line: message` line; and the Korean pages themselves pass it."""
import re
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from mbc_guide import korean_lint
from mbc_guide.languages import registry_in
from mbc_guide.lint import prose_lines
from mbc_guide.models import GlossaryTerm

REPO = Path(__file__).resolve().parent.parent
PAGE = "content/ko/page.md"
SECTIONS = '!!! abstract "핵심 요약"\n\n    - 짧은 요약입니다.\n\n## 담당 의료진에게 물어볼 질문\n\n- 질문입니다.\n'


def findings(markdown: str, meta: dict | None = None, glossary: list[GlossaryTerm] = ()) -> list[str]:
    return [str(f) for f in korean_lint.page_findings(PAGE, markdown, meta or {}, 1, glossary)]


def sentence(eojeol: int) -> str:
    return " ".join(["말"] * (eojeol - 1) + ["합니다."])


def test_a_sentence_over_30_eojeol_is_one_line_with_its_file_and_line():
    found = findings(SECTIONS + "\n" + sentence(5) + "\n" + sentence(31) + "\n")
    assert len(found) == 1
    line = SECTIONS.count("\n") + 3
    assert found[0].startswith(f"{PAGE}:{line}: sentence of 31 어절 (at most 30)")


def test_a_sentence_of_30_eojeol_among_short_ones_passes():
    assert findings(SECTIONS + "\n" + " ".join([sentence(30)] + [sentence(5)] * 4) + "\n") == []


def test_a_page_whose_sentences_average_over_15_eojeol_is_found_even_when_none_is_over_30():
    found = findings(SECTIONS.replace("짧은 요약입니다.", sentence(20)).replace("질문입니다.", sentence(18)) + sentence(20))
    assert len(found) == 1 and "average" in found[0] and "(aim: at most 15)" in found[0]


def test_sentences_split_at_full_stops_and_question_marks():
    parts = korean_lint.sentences(prose_lines("첫 문장입니다. 둘째 문장인가요? 셋째 항목\n"))
    assert [part.eojeol for part in parts] == [2, 2, 2]


def test_a_page_without_summary_or_questions_gets_one_line_each():
    found = findings(sentence(5) + "\n")
    assert found == [f'{PAGE}:1: no summary: start the page with !!! abstract "핵심 요약" and a few bullet points',
                     f"{PAGE}:1: no '## 담당 의료진에게 물어볼 질문' section; end the page with questions to ask"]
    assert findings(sentence(5) + "\n", {"reference": True}) == []
    assert findings('!!! abstract "핵심 요약"\n\n    - 요약입니다.\n\n{{ questions("her2-positive") }}\n') == []


@pytest.mark.parametrize("text", ["100명 중 12명에게 생겼습니다.", "이 약은 5% 정도입니다."])
def test_a_figure_typed_into_a_korean_page_is_found(text):
    found = findings(SECTIONS + text + "\n")
    assert len(found) == 1 and "looks like a figure typed into the page" in found[0]


@pytest.mark.parametrize("text", ["2017년 8월부터 시행되었습니다.", "그림마다 100명을 보여 줍니다.", "먼저 119에 전화하세요.",
                                  "HER2 점수가 1+이면 저발현입니다.", "CDK4/6 억제제와 DESTINY-Breast09 연구입니다."])
def test_dates_the_100_people_frame_the_emergency_number_and_names_are_not_figures(text):
    assert findings(SECTIONS + text + "\n") == []


def test_not_figures_in_front_matter_allows_a_phrase():
    assert findings(SECTIONS + "점수가 0이지만 조금 있습니다.\n", {"not_figures": ["점수가 0"]}) == []


ILD = GlossaryTerm(id="ild", term="간질성 폐질환", abbreviation="ILD", definition={"en": "Lung inflammation."},
                   plain={"en": "lung inflammation", "ko": "폐 염증"})


@pytest.mark.parametrize("text", ["폐 염증이 생깁니다. 간질성 폐질환은 드뭅니다.",
                                  "폐 염증(간질성 폐질환)이 생깁니다. 간질성 폐질환은 드뭅니다.",
                                  "폐 염증, 곧 [간질성 폐질환](glossary.md)은 드뭅니다.",
                                  "폐 염증은 간질성 폐질환 또는 폐렴이라고 합니다.",
                                  "폐 염증을 간질성 폐질환(폐렴)이라고 합니다."])
def test_a_term_after_its_plain_words_passes_with_or_without_a_particle(text):
    """Its tooltip attaches before a particle too (test_korean_tooltips), so a particle is no finding."""
    assert findings(SECTIONS + text + "\n", glossary=[ILD]) == []


@pytest.mark.parametrize("text", ["간질성 폐질환(ILD)이 생길 수 있습니다.", "간질성 폐질환은 드뭅니다.\n\n폐 염증입니다."])
def test_a_term_before_its_plain_words_is_found(text):
    found = findings(SECTIONS + text + "\n", glossary=[ILD])
    assert len(found) == 1 and "used before it is explained; say '폐 염증' first" in found[0]


def korean_pages() -> list[Path]:
    return sorted((REPO / "content" / "ko").rglob("*.md"))


def test_every_english_page_has_its_korean_page():
    english = {p.relative_to(REPO / "content").as_posix() for p in (REPO / "content").rglob("*.md")
               if p.relative_to(REPO / "content").parts[0] not in ("ko", "en")}
    english |= {p.relative_to(REPO / "content" / "en").as_posix() for p in (REPO / "content" / "en").rglob("*.md")}
    korean = {p.relative_to(REPO / "content" / "ko").as_posix() for p in korean_pages()}
    assert english and english - korean == set()


MACRO_CALL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
SECTION = re.compile(r"^#{1,3} ", re.M)


@pytest.mark.parametrize("page", korean_pages(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_a_korean_page_has_its_english_pages_macro_calls_front_matter_keys_and_sections(page):
    english_root = REPO / "content" / "en" if (REPO / "content" / "en").is_dir() else REPO / "content"
    english_source = (english_root / page.relative_to(REPO / "content" / "ko")).read_text(encoding="utf-8")
    korean_source = page.read_text(encoding="utf-8")
    (english, english_meta), (korean, korean_meta) = get_data(english_source), get_data(korean_source)
    assert MACRO_CALL.findall(korean) == MACRO_CALL.findall(english)
    assert set(korean_meta) == set(english_meta)
    assert len(SECTION.findall(korean)) == len(SECTION.findall(english))


@pytest.mark.parametrize("page", korean_pages(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_the_korean_pages_pass_the_korean_lint(page, registry):
    glossary = registry_in(registry, "ko", REPO / "data").glossary.values()
    source = page.read_text(encoding="utf-8")
    body, meta = get_data(source)
    first_line = len(source.splitlines()) - len(body.splitlines()) + 1  # as the plugin counts
    found = korean_lint.page_findings(page.relative_to(REPO).as_posix(), body, meta, first_line, glossary)
    assert [str(f) for f in found] == []


def test_the_korean_build_reports_a_korean_page_problem_with_its_file_and_line(tmp_path, capsys):
    """`mbc-guide build` and `lint` run the Korean rules on Korean pages (and the English rules on English pages)."""
    from korean_site import korean_site_sources
    from mbc_guide.cli import build_site

    project = korean_site_sources(tmp_path)
    support = project / "content" / "ko" / "support.md"
    text = support.read_text(encoding="utf-8")
    anchor = "## 어떤 감정이 들 수 있나요?\n\n"
    support.write_text(text.replace(anchor, anchor + sentence(31) + "\n", 1), encoding="utf-8")
    line = support.read_text(encoding="utf-8").splitlines().index(sentence(31)) + 1
    assert build_site(project / "mkdocs.yml", project / "site") is None
    errors = capsys.readouterr().err.splitlines()
    assert [e for e in errors if "content/ko/" in e] == [f"content/ko/support.md:{line}: sentence of 31 어절 (at most 30): "
                                                         "'말 말 말 말 말 말 말 말 말 말 말 말 말 말 말...'; split it in two"]

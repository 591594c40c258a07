"""Korean glossary tooltips and page words: a term with a particle after it is a use and gets its <abbr>; a term in a
link, a heading, an attribute or the middle of a longer word is left alone."""
import pytest

from mbc_guide.glossary import focusable_first_uses
from mbc_guide.korean_tooltips import korean_terms_used, text_runs, with_tooltips
from mbc_guide.models import GlossaryTerm

ILD = GlossaryTerm(id="ild", term="간질성 폐질환(폐렴)", abbreviation="ILD",
                   definition={"en": "Lung inflammation.", "ko": "폐에 염증이 생기는 병입니다."})
PNEUMONITIS = GlossaryTerm(id="pneumonitis", term="폐렴", definition={"en": "Inflammation.", "ko": "폐의 염증입니다."})
HER2 = GlossaryTerm(id="her2", term="HER2", abbreviation="HER2", definition={"en": "A protein.", "ko": "단백질입니다."})
HER2_LOW = GlossaryTerm(id="her2-low", term="HER2 저발현", definition={"en": "A little HER2.", "ko": "HER2가 조금 있는 암입니다."})
CARE_TEAM = GlossaryTerm(id="care-team", term="담당 의료진",
                         definition={"en": "Your doctors.", "ko": "나를 돌보는 \"의사\"와 <간호사>입니다."})
PLACEBO = GlossaryTerm(id="placebo", term="위약", definition={"en": "A dummy.", "ko": "가짜 약입니다."})
GLOSSARY = [ILD, PNEUMONITIS, HER2, HER2_LOW, CARE_TEAM, PLACEBO]


def tooltips(page_html: str) -> str:
    return with_tooltips(page_html, GLOSSARY, "ko")


@pytest.mark.parametrize("word, particle", [("담당 의료진", "을"), ("담당 의료진", "에게"), ("HER2", "가"),
                                            ("간질성 폐질환(폐렴)", "이라고"), ("위약", "과"), ("HER2", "")])
def test_a_term_with_a_particle_after_it_gets_its_tooltip(word, particle):
    marked = tooltips(f"<p>먼저 {word}{particle} 봅니다.</p>")
    assert f">{word}</abbr>{particle} 봅니다." in marked and marked.count("<abbr") == 1


def test_the_tooltip_is_the_korean_definition_escaped_for_an_attribute():
    marked = tooltips("<p>담당 의료진은 돕습니다.</p>")
    assert '<abbr title="나를 돌보는 &quot;의사&quot;와 &lt;간호사&gt;입니다.">담당 의료진</abbr>은' in marked


def test_the_longest_name_wins_and_names_are_not_nested():
    marked = tooltips("<p>간질성 폐질환(폐렴)은 드물고, HER2 저발현도 있습니다. 폐렴이 생깁니다.</p>")
    assert '<abbr title="폐에 염증이 생기는 병입니다.">간질성 폐질환(폐렴)</abbr>은' in marked
    assert '<abbr title="HER2가 조금 있는 암입니다.">HER2 저발현</abbr>도' in marked
    assert '<abbr title="폐의 염증입니다.">폐렴</abbr>이' in marked and marked.count("<abbr") == 3


def test_a_name_broken_over_two_lines_is_one_use():
    assert tooltips("<p>담당\n의료진과 이야기하세요.</p>").count("<abbr") == 1


@pytest.mark.parametrize("page_html", [
    '<p><a href="glossary.html">담당 의료진</a>에게 물어보세요.</p>',
    '<h2 id="x">담당 의료진에게 물어볼 질문<a class="headerlink" href="#x">¶</a></h2>',
    '<p>질문은 <code>HER2</code>가 아닙니다.</p>',
    '<p><abbr title="이미 있음">HER2</abbr>가 있습니다.</p>',
    '<p><img alt="HER2가 있는 세포" src="a.png"> 그림입니다.</p>',
    '<p title="담당 의료진에게">글입니다.</p>',
    '<script>const words = "HER2가";</script>',
])
def test_a_term_in_a_link_heading_code_abbr_attribute_or_script_gets_no_tooltip(page_html):
    assert tooltips(page_html) == page_html


@pytest.mark.parametrize("text", ["면역폐렴이 생깁니다.", "그 위약금은 없습니다.", "폐렴구균 백신입니다.", "XHER2가 아닙니다.",
                                  "HER2-양성입니다."])
def test_a_word_that_only_contains_a_term_gets_no_tooltip(text):
    """A name after a letter is in the middle of a word; a name followed by a syllable no particle starts with
    ("구균", "금") is the start of a longer word."""
    assert tooltips(f"<p>{text}</p>") == f"<p>{text}</p>"


def test_text_after_a_link_closes_gets_tooltips_again():
    marked = tooltips('<p><a href="x.html">HER2</a>와 담당 의료진</p>')
    assert '<a href="x.html">HER2</a>와 <abbr title="나를' in marked


def test_the_first_tooltip_of_each_term_takes_focus_and_later_ones_do_not():
    marked = focusable_first_uses(tooltips("<p>HER2가 있고, 또 HER2는 있습니다.</p>"))
    assert marked.count('tabindex="0"') == 1 and marked.index('tabindex="0"') < marked.index("또")


def test_text_runs_keep_the_page_whole_and_attribute_values_with_a_bracket_inside_their_tag():
    page_html = '<p data-x="a > b">HER2가</p><pre>HER2</pre>'
    runs = list(text_runs(page_html))
    assert "".join(piece for piece, _ in runs) == page_html
    assert [piece for piece, markable in runs if markable] == ["HER2가"]


def test_the_words_used_are_found_with_particles_in_glossary_order():
    used = korean_terms_used("담당 의료진에게 묻고, 간질성 폐질환(폐렴)이나 HER2가 있는지 봅니다.", GLOSSARY)
    assert used == [ILD, HER2, CARE_TEAM]


def test_a_word_that_only_contains_a_term_does_not_count_as_using_it():
    assert korean_terms_used("면역폐렴과 위약금, 폐렴구균", GLOSSARY) == []

"""Units behind the page checks: glossary words, the body text graded for reading level, the review override."""
from mbc_guide.glossary import terms_used, undefined_abbreviations
from mbc_guide.models import GlossaryTerm
from mbc_guide.reading_level import body_text
from mbc_guide.reviews import allow_overdue

ILD = GlossaryTerm(id="ild", term="interstitial lung disease", abbreviation="ILD", definition="Lung inflammation.")
PD_L1 = GlossaryTerm(id="pd-l1", term="PD-L1", definition="A protein.")


def test_abbreviations_not_in_the_glossary_are_found_once_each():
    text = "ILD and PD-L1 are defined. HER2 and HER2 and CDK4/6 are not. A4 paper is fine."
    assert undefined_abbreviations(text, [ILD, PD_L1]) == ["CDK4/6", "HER2"]
    assert undefined_abbreviations(text, [ILD, PD_L1], allowed=["HER2"]) == ["CDK4/6"]


def test_terms_are_found_by_name_or_abbreviation_as_whole_words():
    assert terms_used("Report new cough (ILD).", [ILD, PD_L1]) == [ILD]
    assert terms_used("Interstitial lung disease is rare.", [ILD, PD_L1]) == [ILD]
    assert terms_used("BILD and PD-L10 are other words.", [ILD, PD_L1]) == []


def test_body_text_keeps_prose_and_drops_tables_figures_and_source_notes():
    html = ('<h2>Heading</h2><p>First sentence<br>goes on.</p>'
            '<table><tr><td>cell words</td></tr></table>'
            '<p class="source-note">Exact figures: 40.7 months.</p><figure><svg><title>icons</title></svg></figure>'
            '<ul><li>a list item</li></ul>')
    assert body_text(html) == "Heading. First sentence. goes on. a list item."


def test_overdue_override_works_only_outside_ci():
    assert allow_overdue({}) == (False, None)
    assert allow_overdue({"MBC_ALLOW_OVERDUE_REVIEWS": "1"}) == (True, None)
    allowed, notice = allow_overdue({"MBC_ALLOW_OVERDUE_REVIEWS": "1", "CI": "true"})
    assert not allowed and "ignored in CI" in notice


def test_only_the_first_use_of_each_defined_word_takes_keyboard_focus():
    from mbc_guide.glossary import focusable_first_uses
    html = '<p><abbr title="a protein">HER2</abbr> and <abbr title="a protein">HER2</abbr>, <abbr title="lungs">ILD</abbr></p>'
    assert focusable_first_uses(html) == (
        '<p><abbr title="a protein" tabindex="0">HER2</abbr> and <abbr title="a protein">HER2</abbr>, '
        '<abbr title="lungs" tabindex="0">ILD</abbr></p>')



def test_a_defined_word_inside_a_link_does_not_take_focus():
    """HTML forbids a focusable element inside <a>; the next use outside the link is the one that takes focus."""
    from mbc_guide.glossary import focusable_first_uses
    html = '<a href="x.html"><abbr title="a protein">HER2</abbr>-positive</a> <abbr title="a protein">HER2</abbr>'
    assert focusable_first_uses(html) == (
        '<a href="x.html"><abbr title="a protein">HER2</abbr>-positive</a> <abbr title="a protein" tabindex="0">HER2</abbr>')

def test_unknown_filter_is_named_with_its_line():
    from jinja2 import Environment

    from mbc_guide.page_checks import template_problems
    assert template_problems(Environment(), "text\n{{ 'x' | nosuch }}\n", []) == [(2, "unknown filter 'nosuch'")]
    assert template_problems(Environment(), "{{ 'x' | upper }}", []) == []


def test_material_toggles_lose_the_autocomplete_html_forbids_on_checkboxes():
    from mbc_guide.valid_html import toggles_without_autocomplete
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" class="md-search__input" autocomplete="off">')
    assert toggles_without_autocomplete(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" class="md-search__input" autocomplete="off">')

"""The lung-inflammation page in both editions: its table of every study folds, closed, under the table's name; every
figure in the fold keeps its study, what was counted and its study's caveats; the words around the fold quote none."""
import re

import pytest

from mbc_guide.language_words import numbers_in, phrases_in
from mbc_guide.languages import korean_registry, text_in
from mbc_guide.summaries import rate_rows
from mbc_guide.ui_strings import ui_text
from project_edits import add_after, failed_build_errors
from test_pages import plain

PAGES = {"en": "lung-inflammation.html", "ko": "ko/lung-inflammation.html"}
FOLD = '<details class="across-studies-fold">'


@pytest.fixture(scope="module")
def registries(registry, site_sources):
    return {"en": registry, "ko": korean_registry(registry, site_sources / "data")}


def fold_of(html: str) -> tuple[int, int]:
    """Where the fold starts and ends in the page (it holds a fold of its own: 'How to read these pictures')."""
    start = html.index(FOLD)
    depth, at = 0, start
    for tag in re.finditer(r"<(/?)details\b", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            at = start + tag.end()
            break
    return start, html.index(">", at) + 1


def page(built_site, language: str) -> str:
    return (built_site / PAGES[language]).read_text(encoding="utf-8")


@pytest.mark.parametrize("language", PAGES)
def test_the_table_of_every_study_and_its_pictures_fold_closed_under_one_line(built_site, registries, language):
    html = page(built_site, language)
    assert html.count(FOLD) == 1, "one fold, closed (no 'open')"
    start, end = fold_of(html)
    fold = html[start:end]
    effect = registries[language].effects["ild"]
    summary = plain(re.search(r"<summary>(.*?)</summary>", fold, re.S).group(1))
    phrases, name = phrases_in(language), text_in(effect.name, language)
    # The summary names the effect in its plain words, one line on a phone; the caption inside gives every term.
    assert summary == ui_text("across.label", language, effect=phrases.sentence_case(phrases.short_label(name)))
    assert "(" not in summary and name in plain(re.search(r"<caption>(.*?)</caption>", fold, re.S).group(1))
    assert fold.count('<table class="side-effects across-studies') == 1 and html.count("across-studies stacked") == 1
    assert fold.count('class="icon-arrays"') == 2 == html.count('class="icon-arrays"'), "both pictures, in the fold"


@pytest.mark.parametrize("language", PAGES)
def test_every_figure_in_the_fold_keeps_its_study_what_was_counted_and_its_caveats(built_site, registries, language):
    html = page(built_site, language)
    fold = html[slice(*fold_of(html))]
    phrases, numbers = phrases_in(language), numbers_in(language)
    rows = rate_rows(registries[language], "ild", language)
    shown = re.findall(r'<tr><th scope="row">(.*?)</tr>', fold, re.S)
    assert len(shown) == len(rows)
    for index, (row, cells) in enumerate(zip(rows, shown)):
        text = plain(cells)
        assert row.trial.name in text, (row.trial.id, row.arm)
        for column, rate in row.by_column.items():
            assert phrases.table_cell(rate, row.arm, column) in text, (rate.id, row.arm)
        first_of_study = index == 0 or rows[index - 1].trial.id != row.trial.id
        if first_of_study:  # the study's caveats and what was counted are said at its first row
            for rate in row.rates:  # a row's way of counting may open its cell, in capitals
                assert phrases.how_counted(rate, row.trial).casefold() in text.casefold(), (rate.id, row.arm)
            assert phrases.caveat_note(row.trial) in text, row.trial.id
    exact = plain(fold[fold.index('<p class="source-note"'):])
    for row in rows:
        for figure in row.figures:
            words = "across.figure_below" if figure.less_than else "across.figure"
            assert ui_text(words, language, value=numbers.format_number(figure.value)) in exact, (row.trial.id, figure)


@pytest.mark.parametrize("language", PAGES)
def test_the_pictures_in_the_fold_say_what_was_counted_and_their_study_s_caveats(built_site, registries, language):
    html = page(built_site, language)
    fold = plain(html[slice(*fold_of(html))])
    phrases = phrases_in(language)
    for rate_id in ("db09-ild-any", "db04-ild-any"):
        rate = registries[language].side_effects[rate_id]
        trial = registries[language].trials[rate.trial]
        assert f"{phrases.how_counted(rate, trial)}. {phrases.caveat_note(trial)}".strip() in fold, rate_id


@pytest.mark.parametrize("language", PAGES)
def test_the_section_around_the_fold_quotes_no_figure(built_site, language):
    """A figure shown outside the fold would lose the counting and caveats the table gives it: the section's own
    words say only why the studies differ."""
    html = page(built_site, language)
    start, end = fold_of(html)
    section = html[html.rindex("<h2", 0, start):html.index("<h2", end)]
    outside = plain(section.replace(html[start:end], ""))
    assert outside and not re.search(r"\d", outside), outside


def test_a_picture_of_another_side_effect_in_the_fold_is_one_located_line(project_copy):
    page_file = project_copy / "content" / "en" / "lung-inflammation.md"
    line = add_after(page_file, "# Lung inflammation",
                     '{{ side_effect_across_studies("ild", folded=True, pictures=["db09-serious"]) }}')
    assert failed_build_errors(project_copy) == [
        f"content/en/lung-inflammation.md:{line}: side_effect_across_studies(): picture 'db09-serious' is a rate of "
        "effect 'serious', not 'ild'; draw a rate of 'ild' here"]

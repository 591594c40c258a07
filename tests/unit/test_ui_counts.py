"""A count of one reads as one thing: the catalogue's `_one` form of a string is used when the count is 1."""
import pytest

from mbc_guide.ui_strings import ui_markup, ui_text


@pytest.mark.parametrize("string_id, one, three", [
    ("sources.show", "Show the source of this page", "Show the 3 sources of this page"),
    ("glossary.show", "Show the word explained", "Show the 3 words explained"),
    ("option_briefs.count", "1 option", "3 options"),
])
def test_a_count_of_one_takes_the_singular_form(string_id, one, three):
    assert ui_text(string_id, "en", count=1) == one
    assert ui_text(string_id, "en", count=3) == three
    assert str(ui_markup(string_id, "en", count=1)) == one


def test_korean_says_the_count_either_way():
    assert ui_text("sources.show", "ko", count=1) == "이 페이지의 출처 1개 보기"
    assert ui_text("sources.show", "ko", count=2) == "이 페이지의 출처 2개 보기"


def test_a_string_without_a_singular_form_is_used_as_it_is():
    assert ui_text("sources.used_on_pages", "en", count=2) == "Used on 2 pages"

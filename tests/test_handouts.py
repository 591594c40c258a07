"""Handout helpers: the site's address, QR codes that a phone can read, which pages are handouts."""
import pytest

from mbc_guide.handouts import Handout, is_handout, qr_code_svg, web_address
from qr_decoding import decode_qr, svg_qr_to_image


def test_web_address_joins_the_site_url_and_the_page():
    assert web_address("https://example.org/guide/", "her2-positive.md") == "https://example.org/guide/her2-positive.html"
    assert web_address("https://example.org/guide", "handouts/x.md") == "https://example.org/guide/handouts/x.html"


def test_web_address_needs_the_site_url():
    with pytest.raises(ValueError, match="site_url"):
        web_address("", "index.md")


@pytest.mark.parametrize("url", ["https://mbc-guide.example.org/her2-positive.html",
                                 "https://mbc-guide.example.org/hr-positive-her2-negative.html"])
def test_qr_code_reads_back_as_the_address(url):
    svg = qr_code_svg(url)
    assert f"<title>QR code for {url}</title>" in svg and 'role="img"' in svg
    assert decode_qr(svg_qr_to_image(svg)) == [url]


def test_handouts_are_the_pages_in_the_handouts_folder_except_its_index():
    assert is_handout("handouts/her2-positive.md")
    assert not is_handout("handouts/index.md")
    assert not is_handout("her2-positive.md")
    assert not is_handout("handouts/deeper/page.md")


def test_each_handout_has_an_a4_and_a_letter_pdf_beside_its_page():
    handout = Handout("handouts/triple-negative.md", "Triple-negative")
    assert handout.html == "handouts/triple-negative.html"
    assert [handout.pdf(p) for p in ("a4", "letter")] == ["handouts/triple-negative-a4.pdf", "handouts/triple-negative-letter.pdf"]


def test_questions_every_list_holds_are_offered_once():
    from mbc_guide.handouts import common_questions

    assert common_questions([["a", "b", "c"], ["c", "a"], ["a", "x", "c"]]) == ["a", "c"]
    assert common_questions([["a"], ["b"]]) == []
    assert common_questions([]) == []

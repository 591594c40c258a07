"""The sources page's "Used on" line: a fold of links once a source is used on several pages."""
from mbc_guide.used_by import used_on

PAGES = {"studies/destiny-breast09.html": "DESTINY-Breast09", "her2-positive.html": "HER2-positive"}


def test_several_pages_fold_under_their_count_with_links_relative_to_the_sources_page():
    line = used_on(PAGES, "ko", "ko")
    assert line.startswith('<details class="used-on"><summary>사용한 페이지 2개</summary>')
    assert line.index('href="../her2-positive.html"') < line.index('href="../studies/destiny-breast09.html"')


def test_one_page_is_a_link_on_the_line_itself():
    assert used_on({"her2-positive.html": "HER2-positive"}, "", "en") == \
        '<p class="used-on">Used on: <a href="her2-positive.html">HER2-positive</a></p>'


def test_a_source_no_page_uses_yet_says_so_in_the_pages_language():
    assert used_on({}, "", "en") == '<p class="used-on">Used on: no page yet</p>'
    assert used_on({}, "ko", "ko") == '<p class="used-on">사용한 페이지: 아직 없음</p>'


def test_a_page_uses_the_sources_whose_address_its_own_words_link():
    from mbc_guide.models import Source
    from mbc_guide.used_by import linked_sources, sources_by_address

    def source(source_id, url, read_in_url=None):
        return Source.model_validate({"id": source_id, "title": "T", "publisher": "P", "published": "2026",
                                      "url": url, "read_in_url": read_in_url, "supports": {"en": "S."}})
    by_address = sources_by_address([source("who", "https://www.ncbi.nlm.nih.gov/books/NBK195251/"),
                                     source("paper", "https://doi.org/10.1/x", "https://www.ncbi.nlm.nih.gov/books/NBK195251/")])
    page = ("Palliative care should [ideally start early](https://www.ncbi.nlm.nih.gov/books/NBK195251/).\n"
            "See [the glossary](glossary.md) and https://doi.org/10.1/x named without a link.")
    assert linked_sources(page, by_address) == {"who", "paper"}  # both were read at the linked address
    assert linked_sources("No links here.", by_address) == set()

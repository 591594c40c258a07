"""The Korean edition of the site: pages under /ko/, the language switch, offline search of both editions, and the
gate that stops the build on missing or out-of-date Korean text and on a page without its Korean page."""
import json
import re
from pathlib import Path

from mbc_guide.cli import build_site
from mbc_guide.edition_gate import unpaired_pages
from mbc_guide.korean_overlay import english_fingerprint
from mbc_guide.languages import korean_registry
from project_edits import failed_build_errors


def search_index(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("{"):text.rindex("}") + 1])


def test_every_english_page_has_its_korean_page_under_ko_with_korean_language(built_site):
    english = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
               if not p.relative_to(built_site).as_posix().startswith(("ko/", "assets/", "search/"))
               and p.name != "404.html" and "handouts/lung-inflammation" not in p.as_posix()}
    assert english and all((built_site / "ko" / page).is_file() for page in english)
    for page in ("index.html", "options/thp.html", "handouts/her2-positive.html"):
        assert '<html lang="ko"' in (built_site / "ko" / page).read_text(encoding="utf-8")
        assert '<html lang="en"' in (built_site / page).read_text(encoding="utf-8")


def test_the_language_switch_links_the_same_page_in_the_other_edition_relatively(built_site):
    switch = re.compile(r'<a href="([^"]+)" hreflang="(en|ko)"')
    korean = dict((lang, href) for href, lang in switch.findall((built_site / "ko/options/thp.html").read_text(encoding="utf-8")))
    english = dict((lang, href) for href, lang in switch.findall((built_site / "handouts/her2-positive.html").read_text(encoding="utf-8")))
    assert korean == {"en": "../../options/thp.html", "ko": "thp.html"}
    assert english == {"en": "her2-positive.html", "ko": "../ko/handouts/her2-positive.html"}


def test_no_page_asks_material_to_fetch_the_sitemap(built_site):
    """Material fetches sitemap.xml for each <link rel="alternate" hreflang> in the head; from disk that fails."""
    for page in ("index.html", "ko/index.html", "ko/options/thp.html"):
        assert 'rel="alternate"' not in (built_site / page).read_text(encoding="utf-8")


def test_the_one_404_page_stays_the_english_one(built_site):
    assert '<html lang="en"' in (built_site / "404.html").read_text(encoding="utf-8")


def test_the_korean_edition_has_its_own_site_name_and_navigation(built_site):
    page = (built_site / "ko/index.html").read_text(encoding="utf-8")
    assert "전이성 유방암 치료 안내" in page and "유방암의 종류" in page and "Types of breast cancer" not in page
    assert "Treatment options" not in page and "Last reviewed" not in page
    assert re.search(r'마지막 검토: <time datetime="(\d{4})-(\d\d)-(\d\d)">\1년 \d{1,2}월 \d{1,2}일</time>', page)


def test_a_korean_page_names_its_reviewer_in_korean_and_an_english_page_in_english(built_site, site_sources, registry):
    """The review line is the one that says who checked the page: on a Korean page, in Korean (data/ko/reviews.yaml),
    on a page built from data too (options/ share options/index.md's review)."""
    korean = korean_registry(registry, site_sources / "data")
    for page, review_of in (("her2-positive.html", "her2-positive.md"), ("options/tdxd-pertuzumab.html", "options/index.md")):
        english_reviewer = registry.reviews[review_of].reviewed_by
        korean_reviewer = korean.reviews[review_of].reviewed_by
        assert re.search(r"[가-힣]", korean_reviewer) and korean_reviewer != english_reviewer
        korean_line = review_line(built_site / "ko" / page)
        assert f"({korean_reviewer}). 다음 검토 예정일:" in korean_line
        assert english_reviewer not in korean_line and not re.search(r"[A-Za-z]{3,}", korean_line)
        assert f"by {english_reviewer}. Next review due:" in review_line(built_site / page)


def review_line(page: Path) -> str:
    """The words of the page's review line (the first paragraph of aside.review-dates), tags removed."""
    line = re.search(r'<aside class="review-dates"[^>]*>\s*<p>(.*?)</p>', page.read_text(encoding="utf-8"), re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", line.group(1))).strip()


def test_offline_search_index_holds_both_editions_with_the_korean_separator(built_site):
    """search_index.js (what pages opened from disk read) is the merged index, not the last edition's alone."""
    script, merged = search_index(built_site / "search/search_index.js"), search_index(built_site / "search/search_index.json")
    assert script == merged
    locations = [doc["location"] for doc in script["docs"]]
    assert any(loc.startswith("ko/") for loc in locations) and any(loc.startswith("options/") for loc in locations)
    assert script["config"]["separator"] == r"[\s\-\(\)\[\]\.,·/]+"
    assert any("탈모" in doc["text"] for doc in script["docs"] if doc["location"].startswith("ko/"))


def test_sitemap_lists_both_editions_with_their_alternates(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://mbc-guide.example.org/ko/options/thp.html" in sitemap
    assert 'hreflang="ko" href="https://mbc-guide.example.org/ko/index.html"' in sitemap


def test_a_missing_korean_string_fails_the_build_with_its_line(tmp_path):
    from korean_site import korean_site_sources

    project = korean_site_sources(tmp_path)
    without_overlay_item(project / "data/ko/subtypes.yaml", "her2-positive", "name")
    errors = failed_build_errors(project)
    missing = [e for e in errors if "her2-positive.name: missing Korean text" in e]
    assert len(missing) == 1 and re.fullmatch(r"data/ko/subtypes\.yaml:\d+: her2-positive\.name: missing Korean text "
                                              r"\(English at data/subtypes\.yaml:\d+, from_english: '[0-9a-f]{12}'\)", missing[0])


def test_a_stale_korean_string_fails_the_build_with_its_line(tmp_path):
    from korean_site import korean_site_sources

    project = korean_site_sources(tmp_path)
    subtypes = project / "data/subtypes.yaml"
    subtypes.write_text(subtypes.read_text(encoding="utf-8").replace("short_name: HER2-positive",
                                                                     "short_name: HER2 positive", 1), encoding="utf-8")
    errors = failed_build_errors(project)
    stale = [e for e in errors if "Korean text out of date" in e]
    assert stale == [f"data/ko/subtypes.yaml:{_line_of(project / 'data/ko/subtypes.yaml', 'her2-positive', 'short_name') + 2}: "
                     "her2-positive.short_name: Korean text out of date (English changed since translation; English "
                     f"at data/subtypes.yaml:4, now from_english: '{english_fingerprint('HER2 positive')}')"]


def test_a_missing_or_stale_korean_reviewer_fails_the_build_with_its_line(tmp_path):
    from korean_site import korean_site_sources

    project = korean_site_sources(tmp_path)
    overlay = project / "data/ko/reviews.yaml"
    without_overlay_item(overlay, "support.md", "reviewed_by")
    reviews = project / "data/reviews.yaml"
    lines = reviews.read_text(encoding="utf-8").splitlines(keepends=True)
    page_line = lines.index("- page: about.md\n") + 1
    assert lines[page_line + 2] == "  reviewed_by: Site editorial team\n"
    lines[page_line + 2] = "  reviewed_by: Patient information team\n"
    reviews.write_text("".join(lines), encoding="utf-8")
    errors = [e for e in failed_build_errors(project) if e.startswith("data/ko/reviews.yaml:")]
    assert len(errors) == 2, errors
    assert re.fullmatch(r"data/ko/reviews\.yaml:\d+: support\.md\.reviewed_by: missing Korean text \(English at "
                        r"data/reviews\.yaml:\d+, from_english: '[0-9a-f]{12}'\)", errors[1]), errors
    assert errors[0] == (f"data/ko/reviews.yaml:{_line_of(overlay, 'about.md', 'reviewed_by') + 2}: about.md.reviewed_by: "
                         "Korean text out of date (English changed since translation; English at data/reviews.yaml:"
                         f"{page_line + 3}, now from_english: '{english_fingerprint('Patient information team')}')")


def without_overlay_item(overlay: Path, entry_id: str, field: str) -> None:
    """The overlay file with one item's Korean text left out, as a translator who has not got to it yet leaves it."""
    text = overlay.read_text(encoding="utf-8")
    item = re.search(rf"(?m)^- id: {re.escape(entry_id)}\n  field: {re.escape(field)}\n(?:  .*\n)+", text)
    assert item, f"{overlay.name} has no item {entry_id}.{field}"
    overlay.write_text(text.replace(item.group(0), ""), encoding="utf-8")


def _line_of(overlay: Path, entry_id: str, field: str) -> int:
    lines = overlay.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1)
                if line == f"- id: {entry_id}" and lines[n] == f"  field: {field}")


def test_an_english_page_without_its_korean_page_fails_the_build_naming_it(tmp_path):
    from korean_site import korean_site_sources

    project = korean_site_sources(tmp_path)
    (project / "content/ko/support.md").unlink()
    assert ("content/en/support.md: no Korean page; write content/ko/support.md (the same macros, in Korean), or take "
            "ko out of extra.editions in mkdocs.yml") in failed_build_errors(project)


def test_pairs_are_checked_both_ways(tmp_path):
    docs = tmp_path / "content"
    for page in ("en/index.md", "en/handouts/x.md", "ko/index.md", "ko/extra.md"):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# page\n")
    assert unpaired_pages(docs) == [
        "content/en/handouts/x.md: no Korean page; write content/ko/handouts/x.md (the same macros, in Korean), or "
        "take ko out of extra.editions in mkdocs.yml",
        "content/ko/extra.md: no English page content/en/extra.md; every Korean page mirrors an English one with the "
        "same path"]


def test_with_english_only_the_korean_overlay_is_not_read(project_copy):
    """The switch off ([en]): a broken Korean file does not stop the English site."""
    (project_copy / "data/ko/subtypes.yaml").write_text("- id: [broken\n", encoding="utf-8")
    (project_copy / "content/ko").mkdir(exist_ok=True)
    assert build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert not (project_copy / "site/ko").exists()


def test_an_unknown_edition_is_one_line(project_copy):
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("  editions: [en]", "  editions: [en, kr]"))
    errors = failed_build_errors(project_copy)
    assert errors == ["mkdocs.yml: extra.editions: unknown language 'kr'; use en, ko"]

"""Every mistake a writer can make in a page gives one located line and stops the build: the lint rules, markup in
data, a page left out of the navigation, an image without alt text and a front matter key that hides a macro."""
import datetime as dt
import re

import pytest

from mbc_guide import clock
from mbc_guide.cli import build_site, main
from mbc_guide.errors import DataErrors
from mbc_guide.registry import load_registry
from project_edits import add_after, failed_build_errors


LINE_MISTAKES = {
    "figure typed into a page": (
        "her2-positive.md", "# HER2-positive", "Most people live 12 months longer.",
        "'12' looks like a figure typed into the page; figures come from data with their source (use key_fact or "
        "another macro). If it is not a figure, list it under not_figures: in the page's front matter"),
    "term used before its plain words": (
        "her2-positive.md", "# HER2-positive", "Some medicines can cause pneumonitis.",
        "'pneumonitis' is used before it is explained; say 'lung inflammation' first or in the same sentence"),
    "link to a source not in the sources file": (
        "lung-inflammation.md", "# Lung inflammation", "Read [a new study](https://example.org/new-study).",
        "link to https://example.org/new-study is not a source in data/sources.yaml; add the source there first"),
}


@pytest.mark.parametrize("mistake", LINE_MISTAKES)
def test_one_line_mistake_names_the_page_and_line(project_copy, mistake):
    page_name, anchor, added, message = LINE_MISTAKES[mistake]
    line = add_after(project_copy / "content" / "en" / page_name, anchor, added)
    assert f"content/en/{page_name}:{line}: {message}" in failed_build_errors(project_copy)


def test_years_dates_and_names_with_digits_are_not_figures(project_copy):
    page = project_copy / "content" / "en" / "her2-positive.md"
    add_after(page, "# HER2-positive", "In 2025 the HER2 and PD-L1 tests and CDK4/6 medicines were checked on 26 May 2026.")
    assert build_site(project_copy / "mkdocs.yml", project_copy / "site")


def test_sentence_over_25_words(project_copy):
    page = project_copy / "content" / "en" / "index.md"
    sentence = "This sentence " + "goes on and on " * 7 + "until it ends."
    line = add_after(page, "# Treatment options", sentence)
    errors = failed_build_errors(project_copy)
    assert any(e.startswith(f"content/en/index.md:{line}: sentence of 33 words (at most 25): 'This sentence goes on") for e in errors)


def test_page_without_summary_or_questions(project_copy):
    page = project_copy / "content" / "en" / "index.md"
    text = page.read_text().replace('!!! abstract "In short"', '!!! abstract "Summary"')
    page.write_text(text.replace("## Questions to ask your care team", "## Things to ask"))
    errors = failed_build_errors(project_copy)
    assert 'content/en/index.md:1: no summary: start the page with !!! abstract "In short" and a few bullet points' in errors
    assert "content/en/index.md:1: no '## Questions to ask your care team' section; end the page with questions to ask" in errors


def test_reading_grade_above_8(project_copy):
    page = project_copy / "content" / "en" / "what-matters-to-me.md"
    hard = ("Pharmacological considerations regarding immunotherapeutic combinations necessitate comprehensive "
            "multidisciplinary evaluation. ")
    page.write_text(page.read_text() + "\n" + hard * 40 + "\n")
    errors = failed_build_errors(project_copy)
    assert any(re.fullmatch(r"content/en/what-matters-to-me.md:1: reading grade \d+\.\d is above 8; use shorter sentences "
                            r"and everyday words", e) for e in errors)


def test_review_due_within_30_days_warns(project_copy, next_review):
    reviews = project_copy / "data" / "reviews.yaml"
    soon = clock.today() + dt.timedelta(days=10)
    text = reviews.read_text()
    reviews.write_text(text.replace(f"next_review: {next_review}", f"next_review: {soon}", 1))
    line = next(n for n, l in enumerate(reviews.read_text().splitlines(), 1) if f"next_review: {soon}" in l)
    result = build_site(project_copy / "mkdocs.yml", project_copy / "site")
    assert result and [w for w in result.warnings if w.startswith("data/reviews.yaml")] == [
        f"data/reviews.yaml:{line}: index.md.next_review: warning: review is due on {soon}, within 30 days; plan the "
        "check against the evidence"]


def test_page_missing_from_the_navigation(project_copy, next_review):
    (project_copy / "content" / "en" / "extra.md").write_text("# Extra\n")
    reviews = project_copy / "data" / "reviews.yaml"
    reviews.write_text(reviews.read_text() + f"- page: extra.md\n  last_reviewed: 2026-11-26\n  next_review: {next_review}\n"
                                              "  reviewed_by: Site editorial team\n")
    assert ("content/en/extra.md: page is not in the navigation; add it under nav: in mkdocs.yml"
            in failed_build_errors(project_copy))


def test_image_without_alt_text(project_copy):
    (project_copy / "content" / "en" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    page = project_copy / "content" / "en" / "index.md"
    line = add_after(page, "# Treatment options", "![](chart.png)")
    assert (f"content/en/index.md:{line}: image chart.png has no alt text; say what it shows, as in "
            "![A chart of ...](file.png)") in failed_build_errors(project_copy)


def test_front_matter_key_that_hides_a_macro(project_copy):
    page = project_copy / "content" / "en" / "glossary.md"
    page.write_text(page.read_text().replace("---\n", "---\nglossary: false\n", 1))
    assert ("content/en/glossary.md:2: front matter key 'glossary' has the name of a macro and would hide it on this page; "
            "rename or remove the key") in failed_build_errors(project_copy)


@pytest.mark.parametrize("markup", ["<script>alert(1)</script>", "<b>bold</b>", "click javascript:alert(1)"])
def test_markup_in_a_data_string_is_refused_with_its_line(project_copy, markup):
    glossary = project_copy / "data" / "glossary.yaml"
    text = glossary.read_text()
    definition = "  definition: A protein on some cancer cells that tells them to grow."
    glossary.write_text(text.replace(definition, f"{definition} {markup}", 1))
    line = next(n for n, l in enumerate(glossary.read_text().splitlines(), 1) if markup in l)
    with pytest.raises(DataErrors) as caught:
        load_registry(project_copy / "data")
    [error] = [str(e) for e in caught.value.errors]
    assert error.startswith(f"data/glossary.yaml:{line}: her2.definition: contains markup ")
    assert error.endswith("write plain text (the site shows data as text, never as code)")


def test_lint_command_reports_without_publishing(project_copy, capsys, monkeypatch):
    monkeypatch.chdir(project_copy)
    assert main(["lint"]) == 0
    assert "lint passed: " in capsys.readouterr().out
    page = project_copy / "content" / "en" / "index.md"
    line = add_after(page, "# Treatment options", "It works for 7 in 10 people.")
    assert main(["lint"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"content/en/index.md:{line}: '{figure}' looks like a figure typed into the page; figures come from data with their "
        "source (use key_fact or another macro). If it is not a figure, list it under not_figures: in the page's front "
        "matter" for figure in ("7", "10")] + ["lint found errors; fix the lines above"]
    assert not (project_copy / "site").exists()


ALLOWED_TAGS = "table, caption, thead, tbody, tfoot, tr, th, td, div, span, br"

# One added line -> the whole one-line message the build prints at that line (and nothing else). A writer who
# made several of these on different pages reads them all after one build.
PAGE_LINE_MISTAKES = {
    "raw script": ("<script>alert(1)</script>",
                   f"HTML tag <script> is not allowed in pages; write Markdown or use a macro (allowed tags: {ALLOWED_TAGS})"),
    "raw bold tag": ("Some <b>bold</b> words.",
                     f"HTML tag <b> is not allowed in pages; write Markdown or use a macro (allowed tags: {ALLOWED_TAGS})"),
    "event handler on an allowed tag": ('<div onclick="steal()">Hello.</div>',
                                        "<div> has 'onclick'; scripts and styles are not allowed in pages (the "
                                        "stylesheet styles them)"),
    "macro with a value too few": ('{{ options("her2-positive") }}',
                                   "options(): the line is missing; write options(subtype, line, topic)"),
    "macro with a value too many": ('{{ options("her2-positive", "first", "brain", "more") }}',
                                    "options(): 4 values given, but it takes at most 3; write options(subtype, line, topic)"),
    "macro with a misspelt word": ('{{ options("her2-positive", "firts") }}',
                                   "options(): 'firts' is not a line; did you mean 'first'? Use one of: first, "
                                   "maintenance, later"),
    "macro with a misspelt id": ('{{ option("thp2") }}', "option(): unknown treatment id 'thp2'; did you mean 'thp'?"),
    "macro with an unknown id (the message keeps its closing quote)": ('{{ option("zzzz") }}',
                                                                       "option(): unknown treatment id 'zzzz'"),
    "macro with a misspelt argument name": ('{{ option_grid(subtpye="her2-positive") }}',
                                            "option_grid(): it has no value called 'subtpye'; did you mean 'subtype'? "
                                            "Write option_grid(subtype)"),
    "host readers must never visit, named in words": ("We read it on uat.mimsdev.com first.",
                                                       "names uat.mimsdev.com, a host readers must never be sent to "
                                                       "(mirror, test server or repost); name the publication instead"),
    "link to a missing page": ("See [the page](nosuch.md).",
                               "link 'nosuch.md' goes to no page in content/; check the file name"),
}
# Mistakes a build reports only when the pages have no other: code that fails stops its page's rendering, and
# anchors are checked once every page has rendered without an error.
PAGE_LINE_MISTAKES_SEEN_ALONE = {
    "template code that fails as it runs": ("{{ 1/0 }}", "the template code on this line failed (ZeroDivisionError: "
                                                         "division by zero); check the macro call or remove the braces"),
    "link to a missing anchor": ("See [that part](her2-positive.md#nowhere).",
                                 "link 'her2-positive.md#nowhere': her2-positive.md has no heading with the anchor "
                                 "'#nowhere'; check the heading's words"),
    "link to a missing anchor on the page": ("See [here](#nothere).",
                                             "link '#nothere': this page has no heading with that anchor; check the "
                                             "heading's words"),
}


@pytest.fixture(scope="module")
def mistakes_on_their_own_pages(module_project_copy) -> tuple[dict[str, str], list[str]]:
    """Each of PAGE_LINE_MISTAKES on its own writer's page, under the page's heading, and one build: (mistake ->
    the line expected, the lines the build printed)."""
    content = module_project_copy / "content" / "en"
    pages = sorted(content.rglob("*.md"))
    assert len(pages) >= len(PAGE_LINE_MISTAKES), "fewer writer's pages than mistakes to spread over them"
    expected = {}
    for (mistake, (added, message)), page in zip(PAGE_LINE_MISTAKES.items(), pages):
        heading = next(line for line in page.read_text().splitlines() if line.startswith("# "))
        line = add_after(page, heading, added)
        expected[mistake] = f"{page.relative_to(module_project_copy).as_posix()}:{line}: {message}"
    return expected, failed_build_errors(module_project_copy)


@pytest.mark.xdist_group("page-mistakes-build")
@pytest.mark.parametrize("mistake", PAGE_LINE_MISTAKES)
def test_a_page_mistake_is_one_whole_located_line(mistakes_on_their_own_pages, mistake):
    expected, errors = mistakes_on_their_own_pages
    page = expected[mistake].split(":")[0]
    assert [error for error in errors if error.startswith(f"{page}:")] == [expected[mistake]]


@pytest.mark.xdist_group("page-mistakes-build")
def test_one_build_reports_the_mistakes_of_every_page_and_nothing_else(mistakes_on_their_own_pages):
    expected, errors = mistakes_on_their_own_pages
    assert sorted(errors) == sorted(expected.values())


@pytest.mark.parametrize("mistake", PAGE_LINE_MISTAKES_SEEN_ALONE)
def test_a_page_mistake_seen_alone_is_one_whole_located_line(project_copy, mistake):
    added, message = PAGE_LINE_MISTAKES_SEEN_ALONE[mistake]
    line = add_after(project_copy / "content" / "en" / "index.md", "# Treatment options", added)
    assert failed_build_errors(project_copy) == [f"content/en/index.md:{line}: {message}"]


@pytest.mark.parametrize("added, opened, message", [
    ('{{ options("her2-positive", "first")', 0, "'{{' opened here is never closed; add '}}'"),
    ("{% if true %}\n\nSome words.", 0, "'{% if %}' opened here is never closed; add '{% endif %}'"),
], ids=["unclosed-braces", "unclosed-if"])
def test_an_unclosed_tag_is_reported_where_it_opens(project_copy, added, opened, message):
    line = add_after(project_copy / "content" / "en" / "index.md", "# Treatment options", added)
    assert failed_build_errors(project_copy) == [f"content/en/index.md:{line + opened}: {message}"]


def test_an_unknown_front_matter_key_suggests_the_right_one(project_copy):
    page = project_copy / "content" / "en" / "about.md"
    page.write_text(page.read_text().replace("\ntitle: About this site", "\ntitel: About this site", 1))
    line = page.read_text().splitlines().index("titel: About this site") + 1
    assert failed_build_errors(project_copy) == [
        f"content/en/about.md:{line}: unknown front matter key 'titel'; did you mean 'title'?"]


def test_a_wrong_front_matter_value_names_its_key(project_copy):
    page = project_copy / "content" / "en" / "about.md"
    page.write_text(page.read_text().replace("\nreference: true", "\nreference: maybe", 1))
    assert failed_build_errors(project_copy) == [
        "content/en/about.md:2: front matter reference: Input should be a valid boolean, unable to interpret input"]


def test_a_handout_page_without_a_handout_macro_is_refused(project_copy):
    page = project_copy / "content" / "en" / "handouts" / "symptom-cards.md"
    page.write_text(page.read_text().replace("{{ symptom_cards() }}", "Call your care team."))
    assert failed_build_errors(project_copy) == [
        "content/en/handouts/symptom-cards.md:1: a handout page shows its sheet with handout(subtype) or "
        "symptom_cards(), which print the date, web address, QR code and care team box; add one of them"]


@pytest.mark.parametrize("folder, name", [("content/en", "about.md"), ("data", "glossary.yaml"), (".", "mkdocs.yml")])
def test_a_file_that_is_not_utf8_names_its_line(project_copy, folder, name):
    path = project_copy / folder / name
    lines = path.read_bytes().split(b"\n")
    lines.insert(3, "# caf\u00e9 written by an old editor".encode("latin-1"))
    path.write_bytes(b"\n".join(lines))
    shown = name if folder == "." else f"{folder}/{name}"
    assert failed_build_errors(project_copy) == [
        f"{shown}:4: the file is not UTF-8 text (byte 0xe9, maybe a character pasted from another program); "
        "save the file as UTF-8 in your editor"]


def test_a_fault_in_a_component_is_one_line_at_the_macro_call(project_copy):
    """Not the writer's mistake, but still one located line and no traceback."""
    (project_copy / "overrides" / "components" / "questions.html").write_text("{{ no_such_value }}\n")
    page = project_copy / "content" / "en" / "her2-positive.md"
    line = next(n for n, text in enumerate(page.read_text().splitlines(), 1) if "{{ questions(" in text)
    errors = failed_build_errors(project_copy)
    assert (f"content/en/her2-positive.md:{line}: questions(): the macro failed on a problem in the site's code, not in "
            "your text (UndefinedError: 'no_such_value' is undefined); send this line to the developers") in errors
    # Handouts show the questions too: each page that calls the component gets its own line, nothing else.
    assert all(re.fullmatch(r"content/en/[\w/-]+\.md:\d+: (questions|handout)\(\): the macro failed on a problem in the "
                            r"site's code, not in your text \(UndefinedError: 'no_such_value' is undefined\); send this "
                            r"line to the developers", error) for error in errors), errors


def test_an_unexpected_error_is_one_line_and_leaves_no_staging_folder(project_copy, monkeypatch):
    def broken_build(config):
        raise OSError(28, "No space left on device", str(project_copy / "site" / "index.html"))

    monkeypatch.setattr("mkdocs.commands.build.build", broken_build)
    assert failed_build_errors(project_copy) == [
        f"error: {project_copy / 'site' / 'index.html'}: No space left on device; check that the file or folder "
        "exists, that you may write to it and that the disk is not full, then build again"]
    assert list(project_copy.glob(".site-building-*")) == []


def test_ctrl_c_during_a_build_is_one_line_and_leaves_no_staging_folder(project_copy, capsys, monkeypatch):
    def interrupted_build(config):
        raise KeyboardInterrupt

    monkeypatch.setattr("mkdocs.commands.build.build", interrupted_build)
    site = project_copy / "site"
    assert main(["build", "--config", str(project_copy / "mkdocs.yml"), "--site-dir", str(site)]) == 130
    assert capsys.readouterr().err.splitlines() == ["stopped; nothing was changed"]
    assert list(project_copy.glob(".site-building-*")) == [] and not site.exists()

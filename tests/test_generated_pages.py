"""A page per option and per study, built from data: adding an entry adds its page; writers add their own words."""
import re

from mbc_guide.cli import build_site
from mbc_guide.repetition import REPEATED_WORDS_LIMIT, repetition

NEW_OPTION = """
- id: new-example-option
  name: Trastuzumab deruxtecan given a new way
  short_name: New T-DXd
  medicines: [trastuzumab-deruxtecan]
  subtypes: [her2-positive]
  lines: [later]
  what_it_is: An example option added by a test. It shows that a page is built for it.
  trials: [destiny-breast03]
  clinic_visits: A visit for a drip every 3 weeks.
  main_side_effects: [feeling sick]
  hair_loss: Common.
  time_on_treatment: As long as it works.
"""


def test_every_type_has_a_compare_page_listed_at_the_old_address(built_site, registry):
    index = (built_site / "compare-options.html").read_text()
    for subtype in registry.subtypes.values():
        compare = (built_site / "compare" / f"{subtype.id}.html").read_text()
        # Every option of that type has its column; the old page's section link (#her2-positive) still lands there.
        assert [t.id for t in registry.treatments_for(subtype.id) if f'data-option="{t.id}"' not in compare] == []
        assert f'<li id="{subtype.id}"><a href="compare/{subtype.id}.html">' in index


def test_every_option_and_every_study_has_its_page_in_the_navigation(built_site, registry):
    for kind, folder in (("treatments", "options"), ("trials", "studies")):
        for entry in getattr(registry, kind).values():
            assert (built_site / folder / f"{entry.id}.html").is_file(), entry.id
    # The menu prunes folded sections (navigation.prune), so the start page links each folder's index, and a page
    # inside a folder lists its neighbours.
    navigation = (built_site / "index.html").read_text()
    assert 'href="options/index.html"' in navigation and 'href="studies/index.html"' in navigation
    assert 'href="thp.html"' in (built_site / "options" / "tdxd-pertuzumab.html").read_text()
    for kind, folder in (("treatments", "options"), ("trials", "studies")):
        index = (built_site / folder / "index.html").read_text()
        assert [e.id for e in getattr(registry, kind).values() if f'href="{e.id}.html"' not in index] == []


def test_an_option_added_to_the_data_gets_its_page_and_a_card(project_copy):
    treatments = project_copy / "data" / "treatments.yaml"
    treatments.write_text(treatments.read_text() + NEW_OPTION)
    site = project_copy / "site"
    assert build_site(project_copy / "mkdocs.yml", site)
    page = (site / "options" / "new-example-option.html").read_text()
    assert "<h1" in page and "Trastuzumab deruxtecan given a new way" in page
    assert "An example option added by a test." in page
    assert 'class="urgent-box"' in page  # its medicine's alert, from data/alerts.yaml
    assert 'href="../studies/destiny-breast03.html"' in page
    overview = (site / "her2-positive.html").read_text()
    assert 'data-option="new-example-option"' in overview and 'href="options/new-example-option.html"' in overview
    assert 'href="new-example-option.html"' in (site / "options" / "index.html").read_text()
    # Its type's compare page gets its column (in the later-line table) and its card for phones; no other type's.
    compare = (site / "compare" / "her2-positive.html").read_text()
    later = compare[compare.index('id="later"'):]
    assert 'data-option="new-example-option"' in later and 'href="../options/new-example-option.html"' in later
    assert '<details class="compare-card" data-option="new-example-option">' in later
    assert "new-example-option" not in (site / "compare" / "triple-negative.html").read_text()


def build_with_writers_file(project_copy, path: str, text: str) -> bool:
    own = project_copy / "content" / "en" / path
    own.parent.mkdir(exist_ok=True)
    own.write_text(text)
    return build_site(project_copy / "mkdocs.yml", project_copy / "site")


def test_writers_words_open_the_generated_page(project_copy):
    assert build_with_writers_file(project_copy, "options/thp.md", "Many people have **THP** at a day unit. Ask your nurse about it.\n")
    site = project_copy / "site"
    html = (site / "options" / "thp.html").read_text()
    assert html.index("</strong> at a day unit") < html.index("id=\"how-given\"")
    assert not (site / "options" / "thp" / "index.html").exists()


def test_writers_page_for_an_unknown_option_fails_in_one_line(project_copy, capsys):
    assert not build_with_writers_file(project_copy, "options/thpp.md", "A note.\n")
    assert ("content/en/options/thpp.md: no option or study with this id in data/; a writer's page in options/ adds text to the "
            "page built for that id") in capsys.readouterr().err.splitlines()


def test_writers_mistake_in_own_words_names_its_line(project_copy, capsys):
    assert not build_with_writers_file(project_copy, "studies/patina.md", 'A note about the study.\n\n{{ optoin("thp") }}\n')
    assert "content/en/studies/patina.md:3: unknown macro or variable 'optoin'; did you mean option, options?" in capsys.readouterr().err.splitlines()


def test_a_study_with_one_group_gets_no_time_bar(built_site):
    html = (built_site / "studies" / "destiny-breast12.html").read_text()
    assert "median-chart" not in html
    assert "there is no group to compare with" in html


def test_time_bars_on_a_page_share_one_scale_in_years(built_site):
    for page in ("her2-positive.html", "hr-positive-her2-negative.html", "studies/cleopatra.html", "options/thp.html"):
        html = (built_site / page).read_text()
        scales = set(re.findall(r'data-scale-years="(\d+)"', html))
        assert len(scales) == 1, (page, scales)
        assert f"<span>{scales.pop()} years</span>" in html


def test_side_effect_pictures_look_different_from_results(built_site):
    html = (built_site / "options" / "tdxd-pertuzumab.html").read_text()
    harm = re.findall(r'<figure class="result-figure result-figure--harm".*?</figure>', html, re.S)
    assert harm and all("icon-array--harm" in figure and "Side effect" in figure for figure in harm)
    assert "drawn on the same 100 people" not in html


def test_repetition_counts_every_copy_of_a_sentence_said_twice():
    said = "The cancer shrank in about 80 out of 100 people. "
    found = repetition(said * 2 + "Each study had different people and times of its own.")
    assert found.repeated_words == 20 and found.words == 30
    assert repetition("Ask your care team. Ask your care team. " + "Word " * 40).repeated_words == 0  # a short refrain
    assert REPEATED_WORDS_LIMIT == 0.05

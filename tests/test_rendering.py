from pathlib import Path

from markupsafe import Markup

from mbc_guide import phrases
from mbc_guide.page_macros import GuideMacros
from mbc_guide.phrases import result_sentence
from mbc_guide.rendering import component_environment, render_component

REPO = Path(__file__).resolve().parent.parent


def test_median_sentence_names_both_arms_in_months_and_years(registry):
    trial = registry.trials["destiny-breast09"]
    sentence = result_sentence(trial, trial.results[0])
    assert sentence == (
        "Half of the people on trastuzumab deruxtecan with pertuzumab lived without their cancer growing or spreading "
        "for about 3 years and 5 months (40.7 months) or longer. On THP, this was about 2 years and 3 months (26.9 months). "
        "From the DESTINY-Breast09 study: early result (interim), may change; "
        "survival not known yet; open-label: people knew their treatment."
    )


def test_rate_sentence_has_time_frame_and_both_arms(registry):
    trial = registry.trials["destiny-breast09"]
    sentence = result_sentence(trial, trial.results[1])
    assert sentence.startswith("After 2 years, about 70 out of 100 people on trastuzumab deruxtecan with pertuzumab")
    assert "about 52 out of 100 people on THP" in sentence


def test_components_escape_data_text(tmp_path: Path):
    (tmp_path / "echo.html").write_text("<p>{{ text }}</p>")
    html = render_component(component_environment(tmp_path), "echo.html", text="<script>alert(1)</script>")
    assert html == Markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")


def test_option_page_lists_every_medicine_and_its_sources(registry):
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
    macros.start_page("options/tdxd-pertuzumab.md")
    html = str(macros.option_page("tdxd-pertuzumab"))
    assert "Trastuzumab deruxtecan (Enhertu)" in html and "Pertuzumab (Perjeta)" in html
    assert 'href="../studies/destiny-breast09.html"' in html
    assert {"db09-nejm-2025", "enhertu-label-dosing"} <= set(macros.page.sources)


def test_urgent_words_are_the_same_wherever_they_appear(registry):
    """Boxes may be grouped differently on each page, but every word comes from the alert's one data entry."""
    import html as html_lib

    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
    alert = registry.alerts["lung-inflammation"]
    words = [alert.title["en"] + ":", *(s["en"] for s in alert.symptoms), *phrases.sentences(alert.action["en"]),
             *(item["en"] for item in alert.tell_them)]
    for shown in (macros.urgent_symptoms("lung-inflammation"), macros.option_page("tdxd-pertuzumab")):
        text = html_lib.unescape(str(shown))
        assert [w for w in words if w not in text] == []
    alone = html_lib.unescape(str(macros.urgent_symptoms("lung-inflammation")))
    assert "<li>a fever</li>" in alone and alert.action["en"].split(". ")[0] in alone
    # The overview's short list says the same entry's name and every symptom, in one line.
    line = f"<strong>{alert.name['en']}</strong>: " + "; ".join(symptom["en"] for symptom in alert.symptoms) + "."
    assert line in str(macros.urgent_boxes("her2-positive"))


def test_alerts_with_the_same_opening_line_share_one_box_that_says_it_once(registry):
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
    lung, infection = registry.alerts["lung-inflammation"], registry.alerts["infection-low-white-cells"]
    assert lung.title == infection.title
    text = html_lib_text(macros.urgent_symptoms("infection-low-white-cells", "lung-inflammation"))
    assert text.count(lung.title["en"]) == 1 and text.count("Do not wait for your next visit.") == 1
    assert text.count("Tell them") == 1 and text.count("the name of your cancer medicine") == 1
    assert "your temperature, if you have measured it" in text and "when your symptoms started" in text
    assert text.count('class="urgent-box"') == 1 and text.index(infection.name["en"]) < text.index(lung.name["en"])
    # Different opening lines: two boxes, each with its own line.
    two = html_lib_text(macros.urgent_symptoms("lung-inflammation", "severe-diarrhea"))
    assert two.count('class="urgent-box"') == 2 and registry.alerts["severe-diarrhea"].title["en"] + ":" in two


def html_lib_text(markup) -> str:
    import html as html_lib

    return html_lib.unescape(str(markup))


def test_option_page_shows_every_urgent_box_of_its_medicines_from_data(registry):
    """A new alert in data/alerts.yaml shows on every option with one of its medicines, with no new code."""
    from mbc_guide.models import Alert

    heart = Alert(id="heart", name="Heart", title="Call your care team straight away if you have", symptoms=["a racing heart"],
                  action="Do not wait.", medicines=["pertuzumab"], page="lung-inflammation.md", facts=["x"],
                  source="enhertu-medication-guide")
    registry.alerts["heart"] = heart
    try:
        macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
        assert "a racing heart" in str(macros.option_page("thp")) and "a racing heart" in str(macros.urgent_boxes("her2-positive"))
        assert "a racing heart" not in str(macros.option_page("ribociclib-hormone"))
    finally:
        del registry.alerts["heart"]


def test_tooltip_text_from_data_is_shown_as_text(registry):
    """Even if markup slipped past the data check, a tooltip shows it as text and never runs it."""
    import markdown

    from mbc_guide.glossary import abbreviation_lines

    term = registry.glossary["her2"].model_copy(update={"definition": {"en": 'A protein "x" <script>alert(1)</script>'}})
    html = markdown.markdown("HER2 is tested.\n\n" + abbreviation_lines([term]), extensions=["abbr"])
    assert "<script>" not in html
    assert 'title="A protein &quot;x&quot; &lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_a_study_page_gives_each_caveat_in_full_once_and_later_results_refer_back(registry):
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
    macros.start_page("studies/tropion-breast02.md")
    text = html_lib_text(macros.study_page("tropion-breast02"))
    assert text.count("These results were shown at a conference in 2025.") == 1
    assert text.count("conference only, not yet in a journal") == 1
    # The second result adds its own caveat (a press release) and refers back for the rest.
    assert "press release only, not a full publication. Other caveats: see above." in text
    macros.start_page("studies/monaleesa-2.md")
    text = html_lib_text(macros.study_page("monaleesa-2"))
    assert text.count("The study started many years ago.") == 1 and "Study notes: see above." in text


def test_reused_environment_lasts_while_the_components_are_the_same(tmp_path: Path):
    from mbc_guide.rendering import reused_component_environment

    (tmp_path / "echo.html").write_text("{{ text }}")
    first = reused_component_environment(tmp_path)
    assert reused_component_environment(tmp_path) is first
    assert render_component(first, "echo.html", text="a") == "a"
    # An edited component: a new environment, which sees the edit.
    (tmp_path / "echo.html").write_text("[{{ text }}]")
    edited = reused_component_environment(tmp_path)
    assert edited is not first
    assert render_component(edited, "echo.html", text="a") == "[a]"
    (tmp_path / "new.html").write_text("new")
    assert reused_component_environment(tmp_path) is not edited

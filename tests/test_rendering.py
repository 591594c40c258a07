from pathlib import Path

from markupsafe import Markup

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


def test_option_lists_every_medicine_and_its_sources(registry):
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
    macros.start_page("her2-positive.md")
    html = str(macros.option("tdxd-pertuzumab"))
    assert "Trastuzumab deruxtecan (Enhertu)" in html and "Pertuzumab (Perjeta)" in html
    assert 'id="trial-destiny-breast09"' in html
    assert {"db09-nejm-2025", "enhertu-label-dosing"} <= set(macros.page.sources)


def test_urgent_box_is_the_same_wherever_it_appears(registry):
    macros = GuideMacros(registry, component_environment(REPO / "overrides" / "components"))
    box = str(macros.urgent_symptoms("lung-inflammation"))
    assert box in str(macros.option("tdxd-pertuzumab"))


def test_tooltip_text_from_data_is_shown_as_text(registry):
    """Even if markup slipped past the data check, a tooltip shows it as text and never runs it."""
    import markdown

    from mbc_guide.glossary import abbreviation_lines

    term = registry.glossary["her2"].model_copy(update={"definition": {"en": 'A protein "x" <script>alert(1)</script>'}})
    html = markdown.markdown("HER2 is tested.\n\n" + abbreviation_lines([term]), extensions=["abbr"])
    assert "<script>" not in html
    assert 'title="A protein &quot;x&quot; &lt;script&gt;alert(1)&lt;/script&gt;"' in html

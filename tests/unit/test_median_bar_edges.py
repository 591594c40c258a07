"""Median bars at their edges: a bar as long as the scale, a very short bar, the year lines and the year names under
the bars, and the words next to each bar."""
import re
import xml.etree.ElementTree as ET

import pytest

from mbc_guide.charts import Bar, median_bars

SVG = "{http://www.w3.org/2000/svg}"


def bar_svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring("<svg" + part[:part.index("</svg>") + 6]) for part in html.split("<svg")[1:]]


def test_a_bar_as_long_as_the_scale_fills_it():
    html = median_bars([Bar("A", 48), Bar("B", 30)], "label", scale_years=4)
    assert float(bar_svgs(html)[0].find(f"{SVG}rect").get("width")) == 298.0  # 300 less a 1-unit margin each side


def test_a_bar_longer_than_the_scale_is_refused_with_the_scale():
    with pytest.raises(ValueError) as refused:
        median_bars([Bar("A", 48.1), Bar("B", 30)], "label", scale_years=4)
    assert str(refused.value) == "a bar is longer than the scale of 4 years"


def test_one_bar_alone_is_refused_with_the_reason():
    with pytest.raises(ValueError) as refused:
        median_bars([Bar("Everyone", 17.3)], "label")
    assert str(refused.value) == ("median_bars needs a bar for every arm of a comparison (at least two); "
                                  "a study with one arm gets no bar")


def test_a_very_short_bar_is_still_drawn():
    html = median_bars([Bar("A", 0.1), Bar("B", 30)], "label", scale_years=4)
    assert float(bar_svgs(html)[0].find(f"{SVG}rect").get("width")) == 1.0


def test_year_lines_mark_each_whole_year_inside_the_scale():
    html = median_bars([Bar("A", 40), Bar("B", 30)], "label", scale_years=4)
    for svg in bar_svgs(html):
        lines = svg.findall(f"{SVG}line")
        assert [(line.get("x1"), line.get("x2")) for line in lines] == [("75.0", "75.0"), ("150.0", "150.0"),
                                                                       ("225.0", "225.0")]


def test_a_one_year_scale_has_no_year_line_and_names_1_year():
    html = median_bars([Bar("A", 9.7), Bar("B", 5.6)], "label")
    assert all(svg.findall(f"{SVG}line") == [] for svg in bar_svgs(html))
    assert re.search(r'<p class="median-chart__axis"[^>]*>(.*?)</p>', html).group(1) == "<span>0</span><span>1 year</span>"


def test_the_years_under_the_bars_are_named_from_1_to_the_scale():
    html = median_bars([Bar("A", 30), Bar("B", 20)], "label")
    assert re.search(r'<p class="median-chart__axis"[^>]*>(.*?)</p>', html).group(1) == (
        "<span>0</span><span>1 year</span><span>2 years</span><span>3 years</span>")


def test_bars_alternate_two_fills_so_neighbours_differ():
    html = median_bars([Bar("A", 30), Bar("B", 20), Bar("C", 10)], "label")
    assert [svg.find(f"{SVG}rect").get("class") for svg in bar_svgs(html)] == ["bar bar-0", "bar bar-1", "bar bar-0"]


def test_a_whole_number_of_months_below_a_year_is_not_said_twice():
    html = median_bars([Bar("A", 6), Bar("B", 24)], "label")
    labels = re.findall(r'<p class="median-chart__label">(.*?)</p>', html)
    assert labels == ["A: 6 months", "B: 2 years (24 months)"]


def test_the_chart_is_well_formed_and_says_only_its_labels_and_years():
    root = ET.fromstring(median_bars([Bar("A", 30), Bar("B", 20)], "label"))
    assert "".join(root.itertext()) == (
        "A: 2 years and 6 months (30 months)B: 1 year and 8 months (20 months)01 year2 years3 years")

import xml.etree.ElementTree as ET

import pytest

from mbc_guide.charts import ICON_SIZE, ROW_PITCH, Bar, icon_array, median_bars, years_scale

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def people(root: ET.Element, state: str) -> int:
    """People drawn in a state: the area of that state's rectangles, in cells of one person (rows of 10 spaced apart)."""
    return sum(int(r.get("width")) * int(r.get("height")) // (ICON_SIZE * ROW_PITCH) for r in root.findall(f"{SVG}rect")
               if r.get("class") == f"people-{state}")


@pytest.mark.parametrize("percent, filled, partial", [
    (70.1, 70, 0), (52.1, 52, 0), (12.5, 13, 0), (12.4, 12, 0), (1.0, 1, 0), (0.5, 0, 1), (0.4, 0, 1), (0, 0, 0),
    (100, 100, 0), (99.5, 100, 0), (9.6, 10, 0),
])
def test_icon_array_fills_the_rounded_number_of_people(percent, filled, partial):
    root = parse(icon_array(percent, "label"))
    assert people(root, "on") == filled
    assert len(root.findall(f"{SVG}g[@class='icon-part']")) == partial
    assert people(root, "on") + people(root, "off") + partial == 100
    assert root.get("data-filled") == str(filled)


def test_filled_people_come_first_row_by_row():
    root = parse(icon_array(23, "label"))
    cells = set()
    for rect in root.findall(f"{SVG}rect[@class='people-on']"):
        x, y, w, h = (int(rect.get(k)) // 20 for k in ("x", "y", "width", "height"))
        cells |= {(row, column) for row in range(y, y + h) for column in range(x, x + w)}
    assert sorted(cells) == [(index // 10, index % 10) for index in range(23)]


def test_a_rate_below_1_is_one_half_filled_person_first_in_line():
    root = parse(icon_array(0.5, "label"))
    part = root.find(f"{SVG}g[@class='icon-part']")
    assert [inner.get("class") for inner in part.findall(f"{SVG}g")] == ["icon-off", "icon-on"]
    assert all(int(r.get("x")) >= 20 or int(r.get("y")) >= 20 for r in root.findall(f"{SVG}rect"))


def test_icon_array_has_an_accessible_name():
    root = parse(icon_array(12.1, "THP: about 12 out of 100 people had lung inflammation"))
    title = root.find(f"{SVG}title")
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == title.get("id")
    assert title.text == "THP: about 12 out of 100 people had lung inflammation"


def test_filled_and_empty_icons_differ_in_shape_not_only_colour():
    """Print in black and white: filled icons are solid, empty ones are outlines (see guide.css)."""
    root = parse(icon_array(50, "half"))
    drawn = {pattern.find(f"{SVG}g").get("class") for pattern in root.iter(f"{SVG}pattern")}
    assert drawn == {"icon-on", "icon-off"}


def test_icon_array_escapes_label_text():
    svg = icon_array(10, "<script>alert(1)</script>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    parse(svg)


def bar_lengths(html: str) -> list[float]:
    bars = ["<svg" + part[:part.index("</svg>") + 6] for part in html.split("<svg")[1:]]
    return [float(parse(bar).find(f"{SVG}rect").get("width")) + 2 for bar in bars]  # 1-unit margin each side


def test_median_bars_are_to_scale_in_whole_years_and_labelled_in_months_and_years():
    html = median_bars([Bar("A", 40.7), Bar("B", 26.9)], "Half of the people ...")
    assert "A: about 3 years and 5 months (40.7 months)" in html
    assert "B: about 2 years and 3 months (26.9 months)" in html
    lengths = bar_lengths(html)
    assert lengths[0] == pytest.approx(300 * 40.7 / 48, abs=0.1)  # 4 whole years hold 40.7 months
    assert lengths[1] / lengths[0] == pytest.approx(26.9 / 40.7, abs=0.001)
    assert 'data-scale-years="4"' in html and "<span>4 years</span>" in html and "<span>5 years</span>" not in html
    assert 'role="img"' in html and 'aria-label="Half of the people ..."' in html


def test_bars_of_one_page_share_its_scale():
    short = median_bars([Bar("A", 9.7), Bar("B", 5.6)], "short", scale_years=4)
    long = median_bars([Bar("A", 40.7), Bar("B", 26.9)], "long", scale_years=4)
    assert bar_lengths(short)[0] / bar_lengths(long)[0] == pytest.approx(9.7 / 40.7, abs=0.001)
    with pytest.raises(ValueError):
        median_bars([Bar("A", 49), Bar("B", 30)], "too long", scale_years=4)


@pytest.mark.parametrize("months, years", [(12, 1), (12.1, 2), (40.7, 4), (0.5, 1)])
def test_the_scale_is_the_whole_years_that_hold_the_longest_bar(months, years):
    assert years_scale(months) == years


def test_a_study_with_one_arm_gets_no_bar():
    with pytest.raises(ValueError):
        median_bars([Bar("Everyone", 17.3)], "one arm")


def test_side_effects_are_drawn_in_another_shape_than_results():
    benefit, harm = parse(icon_array(30, "a")), parse(icon_array(30, "b", "harm"))
    shapes = lambda root: {child.tag for pattern in root.iter(f"{SVG}pattern") for child in pattern.iter() if child.tag != f"{SVG}pattern" and child.tag != f"{SVG}g"}
    assert shapes(benefit) != shapes(harm)
    assert "icon-array--harm" in harm.get("class") and "icon-array--benefit" in benefit.get("class")


def test_each_picture_fills_from_its_own_patterns():
    first, second = parse(icon_array(30, "a")), parse(icon_array(30, "b"))
    for root in (first, second):
        defined = {pattern.get("id") for pattern in root.iter(f"{SVG}pattern")}
        used = {rect.get("fill")[5:-1] for rect in root.iter(f"{SVG}rect")}
        assert len(defined) == 2 and used == defined
    assert {p.get("id") for p in first.iter(f"{SVG}pattern")}.isdisjoint({p.get("id") for p in second.iter(f"{SVG}pattern")})

import xml.etree.ElementTree as ET

import pytest

from mbc_guide.charts import Bar, icon_array, median_bars

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def people(root: ET.Element, state: str) -> int:
    """People drawn in a state: the area of that state's rectangles, in 20 by 20 cells."""
    return sum(int(r.get("width")) * int(r.get("height")) // 400 for r in root.findall(f"{SVG}rect")
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


def test_median_bars_are_to_scale_and_labelled_in_months_and_years():
    html = median_bars([Bar("A", 40.7), Bar("B", 26.9)], "Half of the people ...")
    assert "40.7 months (about 3 years and 5 months)" in html
    assert "26.9 months (about 2 years and 3 months)" in html
    bars = ["<svg" + part[:part.index("</svg>") + 6] for part in html.split("<svg")[1:]]
    lengths = [float(parse(bar).find(f"{SVG}rect").get("width")) + 2 for bar in bars]  # 1-unit margin each side
    assert lengths[0] == 300
    assert lengths[1] / lengths[0] == pytest.approx(26.9 / 40.7, abs=0.001)
    assert 'role="img"' in html and 'aria-label="Half of the people ..."' in html


def test_median_bars_need_data():
    with pytest.raises(ValueError):
        median_bars([], "nothing")


def test_each_picture_fills_from_its_own_patterns():
    first, second = parse(icon_array(30, "a")), parse(icon_array(30, "b"))
    for root in (first, second):
        defined = {pattern.get("id") for pattern in root.iter(f"{SVG}pattern")}
        used = {rect.get("fill")[5:-1] for rect in root.iter(f"{SVG}rect")}
        assert len(defined) == 2 and used == defined
    assert {p.get("id") for p in first.iter(f"{SVG}pattern")}.isdisjoint({p.get("id") for p in second.iter(f"{SVG}pattern")})

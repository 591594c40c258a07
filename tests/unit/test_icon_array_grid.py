"""The 100-person picture covers its 10 by 10 grid exactly: every person drawn once, filled or outlined, inside the
picture, and the picture says nothing but its label."""
import xml.etree.ElementTree as ET

import pytest

from mbc_guide.charts import ICON_SIZE, ROW_PITCH, icon_array

SVG = "{http://www.w3.org/2000/svg}"


def cells_by_state(root: ET.Element) -> dict[str, list[tuple[int, int]]]:
    """(row, column) of every person a rectangle draws, by state; a person may appear twice only if the picture is wrong."""
    drawn: dict[str, list[tuple[int, int]]] = {"on": [], "off": []}
    for rect in root.iter(f"{SVG}rect"):
        state = rect.get("class").removeprefix("people-")
        x, width = int(rect.get("x")) // ICON_SIZE, int(rect.get("width")) // ICON_SIZE
        y, height = int(rect.get("y")) // ROW_PITCH, int(rect.get("height")) // ROW_PITCH
        drawn[state] += [(row, column) for row in range(y, y + height) for column in range(x, x + width)]
    return drawn


@pytest.mark.parametrize("percent, filled", [(0, 0), (0.5, 0), (7, 7), (23, 23), (52.1, 52), (90, 90), (100, 100)])
def test_every_person_of_the_grid_is_drawn_once_inside_the_picture(percent, filled):
    root = ET.fromstring(icon_array(percent, "label"))
    drawn = cells_by_state(root)
    half_filled = [(0, 0)] if 0 < percent < 1 else []  # drawn on its own, first in line
    everyone = drawn["on"] + drawn["off"] + half_filled
    assert sorted(everyone) == [(row, column) for row in range(10) for column in range(10)]
    assert sorted(drawn["on"]) == [(index // 10, index % 10) for index in range(filled)]
    assert root.get("viewBox") == f"0 0 {10 * ICON_SIZE} {10 * ROW_PITCH}"


@pytest.mark.parametrize("percent, partial", [(0.5, "true"), (12, "false"), (0, "false")])
def test_the_picture_says_whether_it_has_a_half_filled_person(percent, partial):
    assert ET.fromstring(icon_array(percent, "label")).get("data-partial") == partial


def test_the_picture_says_nothing_but_its_label():
    root = ET.fromstring(icon_array(23, "23 out of 100 people"))
    assert "".join(root.itertext()) == "23 out of 100 people"

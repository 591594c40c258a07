"""Pictures of numbers keep at least 3:1 contrast against what is behind them (WCAG 1.4.11), measured in the
browser in both palettes, because axe does not check SVG shapes."""
import pytest

from contrast import contrast_ratio, parse_rgb

PAGES_WITH_PICTURES = ["her2-positive.html", "hr-positive-her2-negative.html", "triple-negative.html",
                       "lung-inflammation.html", "options/tdxd-pertuzumab.html", "studies/destiny-breast09.html"]

# For every drawn shape: its fill or stroke colour, and the first opaque background behind it.
SHAPE_COLOURS = """
() => {
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour && !colour.endsWith(", 0)") && colour !== "transparent") return colour;
    }
    return "rgb(255, 255, 255)";
  };
  const shapes = document.querySelectorAll(".icon-array pattern path, .icon-array pattern circle, .icon-array pattern rect, .icon-array .icon-part path, .icon-array .icon-part rect, .median-chart rect");
  return Array.from(shapes, (shape) => {
    const style = getComputedStyle(shape);
    const paint = style.fill !== "none" ? style.fill : style.stroke;
    return {paint, background: background(shape.closest("svg").parentElement)};
  });
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_path", PAGES_WITH_PICTURES)
def test_icon_arrays_and_bars_have_3_to_1_contrast(reader_tab, page_path, scheme):
    shapes = reader_tab.open(page_path, 1280, scheme).evaluate(SHAPE_COLOURS)

    assert shapes, "no pictures found on the page"
    ratios = {(s["paint"], s["background"]): contrast_ratio(parse_rgb(s["paint"]), parse_rgb(s["background"]))
              for s in shapes}
    too_faint = {pair: round(ratio, 2) for pair, ratio in ratios.items() if ratio < 3}
    assert too_faint == {}


def test_contrast_ratio_matches_known_wcag_values():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert parse_rgb("rgba(122, 31, 76, 1)") == (122, 31, 76)

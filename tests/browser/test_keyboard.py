"""Without a mouse: a skip link that works, every control reached by Tab with a visible focus that is never
hidden under the sticky header, tooltips that open on focus, and a menu that opens from the keyboard on phones."""
import pytest
from playwright.sync_api import expect
from settled import settle, settled_then
from site_pages import PAGES, widths_for

WIDTHS = (1280, 320)

# Every element a keyboard user should reach: visible, enabled, not taken out of the Tab order.
MARK_REACHABLE = """
() => {
  const candidates = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  let count = 0;
  const radioGroups = new Set();  // Tab stops once in a group of radio buttons; arrow keys move inside it
  for (const element of candidates) {
    if (element.tabIndex < 0 || element.disabled || element.closest('[hidden], [inert]')) continue;
    if (element.type === 'radio') {
      if (radioGroups.has(element.name)) continue;
      radioGroups.add(element.name);
    }
    if (element.closest('details:not([open])') && element.tagName !== 'SUMMARY') continue;
    if (!element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    element.dataset.reachable = String(count++);
  }
  return count;
}
"""

# Where the focused element is and whether its focus can be seen.
FOCUS_STATE = """
() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;  // past the last control, focus leaves the page
  // A visually hidden input (Material's palette switch, a content tab) shows its focus on its visible label.
  const next = focused.nextElementSibling;
  const label = next && next.tagName === 'LABEL' ? next
    : focused.id ? document.querySelector(`label[for="${CSS.escape(focused.id)}"]`) : null;
  const shown = (focused.getBoundingClientRect().width === 0 && label && label.checkVisibility()) ? label : focused;
  const box = shown.getBoundingClientRect();
  const style = getComputedStyle(shown);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  // Hidden means another element is drawn on top of the centre of its visible part (such as the sticky header).
  const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const onTop = document.elementFromPoint(x, y);
  return {
    key: focused.dataset.reachable ?? null,
    name: (focused.getAttribute('aria-label') || focused.textContent || focused.className).trim().slice(0, 40),
    covered: !!onTop && !shown.contains(onTop) && !onTop.contains(shown) && !!onTop.closest('.md-header'),
    offscreen: box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth,
    ring,
  };
}
"""


def press(page, key):
    """A key press, then the page as it is once every transition the key started has finished."""
    page.keyboard.press(key)
    settle(page)


# Settling and reading the focus in one call: a long page takes hundreds of Tabs.
SETTLED_FOCUS_STATE = settled_then(FOCUS_STATE)


def tab(page):
    """Tab, then where focus went on the settled page (None once focus has left the page)."""
    page.keyboard.press("Tab")
    state = page.evaluate(SETTLED_FOCUS_STATE)
    assert not (state or {}).get("unsettled"), f"{page.url} never stopped moving: an animation keeps restarting"
    return state


VIEWS = [(path, width) for path in PAGES for width in widths_for(path, WIDTHS)]


@pytest.mark.parametrize(("page_path", "width"), VIEWS)
def test_tab_reaches_every_control_with_visible_unhidden_focus(reader_tab, page_path, width):
    page = reader_tab.open(page_path, width)
    expected = page.evaluate(MARK_REACHABLE)
    reached, problems = set(), []
    for _ in range(expected + 15):  # room for stops the marking does not count, such as a scrolling table
        state = tab(page)
        if state is None:
            break  # focus has left the page: the Tab order is over (one more Tab would start it again)
        if state["key"] is not None:
            reached.add(state["key"])
        if not state["ring"]:
            problems.append(f"no visible focus on {state['name']!r}")
        if state["covered"]:
            problems.append(f"{state['name']!r} is hidden under the header")
        if state["offscreen"]:
            problems.append(f"{state['name']!r} is focused off screen")
    missing = page.evaluate("(keys) => [...document.querySelectorAll('[data-reachable]')]"
                            ".filter(e => !keys.includes(e.dataset.reachable))"
                            ".map(e => (e.textContent || e.className).trim().slice(0, 40))", sorted(reached))
    assert not problems, "\n".join(sorted(set(problems)))
    assert not missing, f"never reached by Tab: {missing}"


@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link_comes_first_and_moves_focus_to_the_page_content(reader_tab, width):
    page = reader_tab.open("her2-positive.html", width)
    press(page, "Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    press(page, "Enter")
    press(page, "Tab")
    inside_content = page.evaluate("!!document.activeElement.closest('.md-content')")
    heading_visible = page.evaluate(
        "document.querySelector('h1').getBoundingClientRect().top >= document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert inside_content, "after the skip link, Tab must go on inside the page's content"
    assert heading_visible, "the page heading must not sit under the header after the skip link"


def test_defined_words_open_their_tooltip_on_focus_and_close_on_escape(reader_tab):
    page = reader_tab.open("her2-positive.html", 1280)
    word = page.locator(".md-content abbr[tabindex='0']").first
    word.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=3000)
    assert "protein" in tooltip.inner_text()
    press(page, "Escape")
    still_open = page.evaluate("[...document.querySelectorAll('.md-tooltip2')].some("
                               "t => getComputedStyle(t).opacity !== '0' && getComputedStyle(t).visibility === 'visible')")
    assert not still_open, "Escape must close the tooltip (WCAG 1.4.13)"


def test_menu_opens_from_the_keyboard_on_a_phone_and_escape_closes_it(reader_tab):
    page = reader_tab.open("index.html", 320)
    menu = page.get_by_role("button", name="Menu")
    menu.focus()
    assert menu.get_attribute("aria-expanded") == "false"
    press(page, "Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    # The menu moves focus to its first link once it has opened.
    page.wait_for_function("!!document.activeElement.closest('.md-sidebar--primary')", timeout=5_000)
    press(page, "Tab")
    assert page.evaluate("document.activeElement.checkVisibility({checkVisibilityCSS: true})")
    press(page, "Escape")
    expanded = menu.get_attribute("aria-expanded")
    focused_menu = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert expanded == "false" and focused_menu == "Menu"

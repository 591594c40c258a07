"""Pages as a reader on a phone meets them (390 x 844): how many screens, where the urgent box and the first-line
options start, and how much of each page is said twice. The budgets fail the suite, not only a report."""
import pytest

from mbc_guide.repetition import REPEATED_WORDS_LIMIT, repetition
from page_measures import REDIRECT

SUBTYPE_PAGES = ("her2-positive", "hr-positive-her2-negative", "triple-negative")
SUBTYPE_SCREENS, URGENT_WITHIN, FIRST_LINE_WITHIN = 15, 5, 4
# First-line options for one group (a gene change, PD-L1 status) follow the section that explains the group.
GROUP_FIRST_LINE_WITHIN = 6
# Pages built from data: an option's page, a study's page and a type's compare page stay short too.
BUDGETS = {"options": 14, "studies": 10, "compare": 12}
# Pages still over the repetition limit, each with why; strict: once a page passes, its test fails until the entry
# goes. Empty: several urgent boxes on a page share one opening line (urgent_groups.py; the symptom cards say it
# once on screen, on each card on paper), a study's caveats are said once per page, the compare pages say an answer
# most options share once above their tables, and a handout points back to visits an earlier table gave.
REPEATS_OWNED_ELSEWHERE: dict[str, str] = {}
# Option pages over their budget; strict as above. Empty: urgent boxes share their opening line, symptoms sit on
# one line and the explanations and side-effect pictures fold on option pages, so new options fit by themselves.
OVER_BUDGET: dict[str, str] = {}


# With pytest-xdist, these tests (and the policy check of every page) run on one worker, so each page is loaded and
# measured once for all of them.
pytestmark = pytest.mark.xdist_group("phone-measures")


@pytest.fixture(scope="module")
def phone(phone_reader):
    """A page's measures on a phone (the published site; conftest's phone_reader loads each page once)."""
    return lambda path: phone_reader(path).measures


@pytest.mark.parametrize("subtype", SUBTYPE_PAGES)
def test_subtype_page_is_short_with_urgent_box_and_first_options_near_the_top(phone, registry, subtype):
    found = phone(f"{subtype}.html")
    assert found.screens <= SUBTYPE_SCREENS, f"{subtype}: {found.screens:.1f} phone screens"
    assert found.first_urgent is not None and found.first_urgent <= URGENT_WITHIN, found.first_urgent
    first_line = {t.id: t for t in registry.treatments_for(subtype) if "first" in t.lines}
    assert set(found.first_line_cards) == set(first_line)
    late = {option: round(top, 1) for option, top in found.first_line_cards.items()
            if top > (GROUP_FIRST_LINE_WITHIN if first_line[option].topic else FIRST_LINE_WITHIN)}
    assert late == {}, f"{subtype}: first-line options start too far down (screens): {late}"


def _pages(built_site):
    """Every page a reader can land on: not the 404 page, not a moved page's redirect."""
    return sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                  if p.name != "404.html" and REDIRECT not in p.read_text(encoding="utf-8"))


def assert_only_known(over: dict, known: dict[str, str], known_name: str, problem: str) -> None:
    """The pages found over a limit are exactly the known exceptions: a new one fails, and so does a listed page
    that is no longer over the limit (or no longer a page), until its entry goes."""
    unexpected = {path: found for path, found in over.items() if path not in known}
    assert unexpected == {}, f"{problem}: {unexpected}"
    no_longer_over = sorted(set(known) - set(over))
    assert no_longer_over == [], (f"these pages are no longer over the limit: remove them from {known_name}: "
                                  f"{no_longer_over}")


def test_generated_pages_fit_their_budgets(phone, built_site):
    over = {}
    for path in _pages(built_site):
        budget = BUDGETS.get(path.split("/")[0])
        if budget:
            screens = phone(path).screens
            if screens > budget:
                over[path] = round(screens, 1)
    assert_only_known(over, OVER_BUDGET, "OVER_BUDGET", f"pages over their budget of phone screens ({BUDGETS})")


def test_no_page_says_the_same_sentence_too_often(phone, built_site):
    over = {}
    for path in _pages(built_site):
        found = repetition(phone(path).text)
        if found.share > REPEATED_WORDS_LIMIT:
            over[path] = (f"{found.share:.1%}", found.repeated[:3])
    assert_only_known(over, REPEATS_OWNED_ELSEWHERE, "REPEATS_OWNED_ELSEWHERE",
                      f"sentences said twice hold more than {REPEATED_WORDS_LIMIT:.0%} of these pages' words")

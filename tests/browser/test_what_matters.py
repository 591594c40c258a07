"""The "What matters to me" form in a real browser, opened from disk: used with the keyboard alone, named for
screen readers, answers saved on the device and cleared, printed on one page, and no request leaving the device."""
import io

import pypdf
import pytest

PAGE = "what-matters-to-me.html"
STORAGE_KEY = "mbc-guide:what-matters"


@pytest.fixture
def tool(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((built_site / PAGE).as_uri())
    page.wait_for_selector("form[data-what-matters] [data-print]:not([hidden])")
    yield page, requests, built_site
    context.close()


def choice(page, tradeoff, index: int):
    group = page.get_by_role("group", name=tradeoff.question["en"], exact=True)
    return group.get_by_role("radio", name=tradeoff.choices[index]["en"], exact=True)


def tab_to(page, name: str, limit: int = 200) -> None:
    """Press Tab until the focused control of the form has this name (keyboard only: no clicks)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            if (!el.closest("form[data-what-matters]")) return "";
            return (el.labels && el.labels[0] ? el.labels[0].textContent : el.textContent || "").trim();
        }""")
        if focused == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def test_every_control_has_an_accessible_name_and_each_question_is_a_named_group(tool, registry):
    page, _, _ = tool
    for tradeoff in registry.tradeoffs.values():
        group = page.get_by_role("group", name=tradeoff.question["en"], exact=True)
        assert group.get_by_role("radio").count() == len(tradeoff.choices)
        for choice in tradeoff.choices:
            assert group.get_by_role("radio", name=choice["en"], exact=True).count() == 1
    assert page.get_by_role("textbox", name="My own questions").count() == 1
    assert page.get_by_role("button", name="Clear my answers").count() == 1
    assert page.get_by_role("button", name="Print my answers").count() == 1
    assert page.get_by_role("status").count() == 1


def test_keyboard_alone_answers_saves_and_clears(tool, registry):
    page, _, _ = tool
    first = next(iter(registry.tradeoffs.values()))
    tab_to(page, first.choices[0]["en"])
    page.keyboard.press("ArrowDown")  # a radio group moves and selects with arrow keys
    assert choice(page, first, 1).is_checked()
    tab_to(page, "HER2-positive")  # Tab enters a radio group on its first answer; an arrow key chooses the next
    page.keyboard.press("ArrowDown")
    question = registry.subtypes["hr-positive-her2-negative"].questions[0]["en"]
    tab_to(page, question)
    page.keyboard.press("Space")
    tab_to(page, "My own questions")
    page.keyboard.type("Can I travel in May?")
    page.get_by_role("status").filter(has_text="saved on this device only").wait_for()
    saved = page.evaluate(f"() => JSON.parse(localStorage.getItem('{STORAGE_KEY}'))")
    assert saved == {first.id: ["2"], "subtype": ["hr-positive-her2-negative"],
                     "question-hr-positive-her2-negative": ["1"], "own-questions": "Can I travel in May?"}
    # Only the chosen type's questions show.
    assert page.locator('[data-subtype="her2-positive"]').is_hidden()

    page.reload()
    page.get_by_role("status").filter(has_text="Your saved answers are back").wait_for()
    assert choice(page, first, 1).is_checked()
    assert page.get_by_role("textbox", name="My own questions").input_value() == "Can I travel in May?"

    tab_to(page, "Clear my answers")
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="cleared from this device").wait_for()
    assert page.evaluate(f"() => localStorage.getItem('{STORAGE_KEY}')") is None
    assert page.locator("form[data-what-matters] input:checked").count() == 0
    assert page.get_by_role("textbox", name="My own questions").input_value() == ""
    page.reload()
    assert page.locator("form[data-what-matters] input:checked").count() == 0


def test_a_link_from_a_subtype_page_chooses_its_questions(browser, built_site):
    page = browser.new_page()
    page.goto((built_site / PAGE).as_uri() + "?subtype=triple-negative")
    page.wait_for_selector('[data-subtype="her2-positive"][hidden]', state="attached")
    assert page.get_by_role("radio", name="Triple-negative", exact=True).is_checked()
    assert page.locator('[data-subtype="triple-negative"]').is_visible()
    page.close()


def test_filled_in_form_prints_on_one_page_with_what_was_chosen(tool, registry):
    page, requests, _ = tool
    for tradeoff in registry.tradeoffs.values():
        choice(page, tradeoff, 0).check()
    page.get_by_role("radio", name="HER2-positive", exact=True).check()
    questions = [q["en"] for q in registry.subtypes["her2-positive"].questions]
    for question in questions[:3]:
        page.get_by_role("checkbox", name=question, exact=True).check()
    own = "Will I be able to look after my grandchildren? " * 6
    page.get_by_role("textbox", name="My own questions").fill(own)
    page.emulate_media(media="print")
    for paper in ("A4", "Letter"):
        reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
        assert len(reader.pages) == 1, f"{len(reader.pages)} pages on {paper}"
        text = " ".join(reader.pages[0].extract_text().split())
        assert all(question in text for question in questions[:3])
        assert questions[3] not in text  # not ticked: left off the paper
        assert own.split()[0] in text and text.count("grandchildren") == 6
        assert "what-matters-to-me.html" in text.replace(" ", "")
    assert requests and all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]


def test_without_javascript_the_form_still_works_and_prints_on_one_page(browser, built_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / PAGE).as_uri())
    page.get_by_role("radio", name="Not sure yet").first.check()
    page.get_by_role("textbox", name="My own questions").fill("What happens next?")
    page.emulate_media(media="print")
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(reader.pages) == 1
    assert "What happens next?" in reader.pages[0].extract_text()
    context.close()

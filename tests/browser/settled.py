"""Pages checked only once they are still: fonts loaded and no CSS transition or animation under way.

Material fades and slides its header parts (search, palette, title) for up to half a second after a change, and
a loaded machine runs those transitions late, so a check made at a fixed moment sees a different page from run to
run. Waiting for the page to settle removes that dependence on timing."""

# Waits for every finite animation still running or about to run (a transition's delay counts; endless ones never
# end). Finishing one may start another, so it looks again; true once nothing moves.
SETTLE = """
async () => {
  await document.fonts.ready;
  for (let round = 0; round < 20; round++) {
    const moving = document.getAnimations().filter((animation) =>
      (animation.playState === 'running' || animation.playState === 'pending')
      && animation.effect.getComputedTiming().endTime !== Infinity);
    if (moving.length === 0) return true;
    await Promise.all(moving.map((animation) => animation.finished.catch(() => null)));
  }
  return false;
}
"""


def settle(page) -> None:
    assert page.evaluate(SETTLE), f"{page.url} never stopped moving: an animation keeps restarting"


def open_settled(browser, url: str, **context_options):
    """A new context and page at url, loaded and settled; the caller closes the context."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    settle(page)
    return context, page

"""Pages checked only once they are still: fonts loaded and no CSS transition or animation under way.

Material fades and slides its header parts (search, palette, title) for up to half a second after a change, and
a loaded machine runs those transitions late, so a check made at a fixed moment sees a different page from run to
run. Bringing every transition to its end before a check removes that dependence on timing, and costs no waiting:
a finished transition leaves the page exactly as waiting for it would."""

# Material notices a focus change one timer later (its focus watcher debounces focusin/focusout by 1 ms, and the
# search field closes from there): a timer set now runs after that one, so the reaction has happened first. Then
# every finite animation still running or about to run (a transition's delay counts; endless ones never end) is
# finished at once. Finishing one may start another, so it looks again; true once nothing moves.
SETTLE = """
async () => {
  await new Promise((resolve) => setTimeout(resolve, 2));
  await document.fonts.ready;
  for (let round = 0; round < 20; round++) {
    const moving = document.getAnimations().filter((animation) =>
      (animation.playState === 'running' || animation.playState === 'pending')
      && animation.effect.getComputedTiming().endTime !== Infinity);
    if (moving.length === 0) return true;
    moving.forEach((animation) => animation.finish());
  }
  return false;
}
"""


def settle(page) -> None:
    assert page.evaluate(SETTLE), f"{page.url} never stopped moving: an animation keeps restarting"


def settled_then(check: str) -> str:
    """A script that settles the page, then runs check (a script taking no argument) and returns what it found:
    one call to the browser instead of two, for checks repeated after every key press."""
    return f"async () => {{ if (!await ({SETTLE})()) return {{unsettled: true}}; return ({check})(); }}"

"""The Tab key sent straight to Chromium, as the same two DevTools input events Playwright sends for it.

Playwright's keyboard.press costs about 30 ms a key around the events themselves; the two events alone cost about
8 ms. A page is tabbed through hundreds of times, so the keyboard test presses Tab this way. Chromium answers each
event once the page has handled it, so the focus has moved when press() returns; reading the focus still settles
the page first (settled.py)."""

_TAB = {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9, "nativeVirtualKeyCode": 9}


class TabKey:
    def __init__(self, page):
        self._session = page.context.new_cdp_session(page)

    def press(self) -> None:
        self._session.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", **_TAB})
        self._session.send("Input.dispatchKeyEvent", {"type": "keyUp", **_TAB})

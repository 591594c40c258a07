"""Fixes to Material's page markup that its partials cannot reach, so every page passes the Nu HTML checker."""
from __future__ import annotations

import re

# base.html writes the drawer and search toggles (checkboxes) with autocomplete="off", which HTML allows only on
# text-like inputs. They are not in a partial, so the attribute is removed from the built page.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">')


def toggles_without_autocomplete(html: str) -> str:
    return TOGGLE_AUTOCOMPLETE.sub(r"\1>", html)

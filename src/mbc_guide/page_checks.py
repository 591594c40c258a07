"""Check a page's template code before it renders, so a mistyped macro gets a located, one-line error."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

from jinja2 import Environment, TemplateSyntaxError, meta


def template_problems(environment: Environment, markdown: str, known_names: Iterable[str]) -> list[tuple[int, str]]:
    """(line, message) for each syntax error or name that no macro or variable defines."""
    known = set(known_names) | set(environment.globals)
    try:
        tree = environment.parse(markdown)
        environment.compile(tree)  # compiling finds unknown filters
    except TemplateSyntaxError as error:
        return [(error.lineno, f"template syntax error: {error.message}")]
    problems = []
    for name in sorted(meta.find_undeclared_variables(tree) - known):
        close = difflib.get_close_matches(name, sorted(n for n in known if not n.startswith("_")), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see the writer's guide for the list of macros"
        problems.append((_first_line(environment, markdown, name), f"unknown macro or variable '{name}'{hint}"))
    return problems


def _first_line(environment: Environment, markdown: str, name: str) -> int:
    for line, kind, value in environment.lex(markdown):
        if kind == "name" and value == name:
            return line
    return 1

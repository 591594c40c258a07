"""Check a page's template code before it renders, so a mistyped macro gets a located, one-line error."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

from jinja2 import Environment, TemplateAssertionError, TemplateSyntaxError, meta, nodes


def template_problems(environment: Environment, markdown: str, known_names: Iterable[str]) -> list[tuple[int, str]]:
    """(line, message) for each syntax error or name that no macro or variable defines."""
    known = set(known_names) | set(environment.globals)
    try:
        tree = environment.parse(markdown)
    except TemplateSyntaxError as error:
        return [(error.lineno, f"template syntax error: {error.message}")]
    problems = [(node.lineno, f"unknown filter '{node.name}'") for node in tree.find_all(nodes.Filter)
                if node.name not in environment.filters]
    if problems:
        return problems
    try:
        undeclared = meta.find_undeclared_variables(tree)
    except TemplateAssertionError as error:  # such as an unknown test (`is nosuch`)
        return [(error.lineno, f"template error: {error.message}")]
    for name in sorted(undeclared - known):
        close = difflib.get_close_matches(name, sorted(n for n in known if not n.startswith("_")), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see the writer's guide for the list of macros"
        problems.append((_first_line(environment, markdown, name), f"unknown macro or variable '{name}'{hint}"))
    return problems


def _first_line(environment: Environment, markdown: str, name: str) -> int:
    for line, kind, value in environment.lex(markdown):
        if kind == "name" and value == name:
            return line
    return 1

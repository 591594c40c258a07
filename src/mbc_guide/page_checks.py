"""Check a page's template code before it renders, so a mistyped macro gets a located, one-line error."""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable

from jinja2 import Environment, TemplateAssertionError, TemplateSyntaxError, meta, nodes

CallCheck = Callable[[nodes.Template], Iterable[tuple[int, str]]]


def template_problems(environment: Environment, markdown: str, known_names: Iterable[str],
                      check_calls: CallCheck | None = None) -> list[tuple[int, str]]:
    """(line, message) for each syntax error, name that no macro or variable defines, or macro call that cannot
    work as written (`check_calls`)."""
    known = set(known_names) | set(environment.globals)
    try:
        tree = environment.parse(markdown)
    except TemplateSyntaxError as error:
        return [unclosed_tag(markdown) or (error.lineno, f"template syntax error: {error.message}")]
    problems = [(node.lineno, f"unknown filter '{node.name}'") for node in tree.find_all(nodes.Filter)
                if node.name not in environment.filters]
    if problems:
        return problems
    try:
        undeclared = undeclared_names(tree)
    except TemplateAssertionError as error:  # such as an unknown test (`is nosuch`)
        return [(error.lineno, f"template error: {error.message}")]
    for name in sorted(undeclared - known):
        close = difflib.get_close_matches(name, sorted(n for n in known if not n.startswith("_")), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see the writer's guide for the list of macros"
        problems.append((_first_line(environment, markdown, name), f"unknown macro or variable '{name}'{hint}"))
    if check_calls is not None:
        problems += check_calls(tree)
    return problems


# Nodes that neither declare a name (set, for, macro, with, import) nor can fail code generation (tests, blocks):
# a page made only of these, as pages calling macros are, reads every name it uses from the context.
PLAIN_NODES = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Name, nodes.Const, nodes.Call, nodes.Keyword,
               nodes.List, nodes.Tuple, nodes.Dict, nodes.Pair, nodes.Getattr, nodes.Getitem, nodes.Filter,
               nodes.Concat, nodes.If, nodes.Compare, nodes.Operand, nodes.And, nodes.Or, nodes.Not)


def undeclared_names(tree: nodes.Template) -> set[str]:
    """The names a page takes from its context, as jinja2.meta.find_undeclared_variables finds them; for a page of
    plain expressions without running Jinja's code generator over it, which cost as much as parsing the page."""
    if all(type(node) in PLAIN_NODES for node in tree.find_all(nodes.Node)):
        return {node.name for node in tree.find_all(nodes.Name) if node.ctx == "load"}
    return meta.find_undeclared_variables(tree)


def _first_line(environment: Environment, markdown: str, name: str) -> int:
    for line, kind, value in environment.lex(markdown):
        if kind == "name" and value == name:
            return line
    return 1


CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
DELIMITER = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}|\"|'")
BLOCK_TAG = re.compile(r"^\{%-?\s*(\w+)")
BLOCKS = ("if", "for", "macro", "call", "filter", "block", "with", "raw", "set")


def unclosed_tag(markdown: str) -> tuple[int, str] | None:
    """Where a tag or block that Jinja reports at the end of the page was opened: (line, message)."""
    tags: list[tuple[int, str]] = []  # each complete tag with the line it starts on
    opened: tuple[int, int, str] | None = None  # (offset, line, opener)
    quote = None
    for match in DELIMITER.finditer(markdown):
        token = match.group(0)
        line = markdown.count("\n", 0, match.start()) + 1
        if opened is None:
            if token in CLOSERS:
                opened, quote = (match.start(), line, token), None
            continue
        if quote:
            quote = None if token == quote else quote
        elif token in "\"'":
            quote = token
        elif token in CLOSERS:  # a new tag before the last one was closed
            return opened[1], f"'{opened[2]}' opened here is never closed; add '{CLOSERS[opened[2]]}'"
        elif token == CLOSERS[opened[2]]:
            tags.append((opened[1], markdown[opened[0]:match.end()]))
            opened = None
    if opened is not None:
        return opened[1], f"'{opened[2]}' opened here is never closed; add '{CLOSERS[opened[2]]}'"
    stack: list[tuple[int, str]] = []
    for line, tag in tags:
        name = BLOCK_TAG.match(tag)
        if not name:
            continue
        word = name.group(1)
        if word == "set" and "=" in tag:
            continue  # {% set x = 1 %} needs no end tag
        if word in BLOCKS:
            stack.append((line, word))
        elif word.startswith("end") and stack and stack[-1][1] == word[3:]:
            stack.pop()
    if stack:
        line, word = stack[-1]
        return line, f"'{{% {word} %}}' opened here is never closed; add '{{% end{word} %}}'"
    return None

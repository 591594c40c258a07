"""Check every macro call in a page against the macro's signature and its allowed values, before it runs, so a
writer reads plain words at the call's line (never Python's "takes 2 positional arguments but 4 were given")."""
from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import Any, get_args

from jinja2 import nodes

from .models import Line, Topic
from .registry import Registry, UnknownId, kind_name

# What each argument name means: a table of ids in data/, or a fixed list of words.
ARGUMENT_TABLES = {"subtype": "subtypes", "treatment": "treatments", "trial": "trials", "alert": "alerts", "alerts": "alerts",
                   "effect": "effects", "rate": "side_effects", "fact": "key_facts"}
ARGUMENT_WORDS = {"line": get_args(Line), "topic": get_args(Topic)}


def call_problems(tree: nodes.Template, macros: dict[str, Callable[..., Any]], registry: Registry) -> Iterator[tuple[int, str]]:
    """(line, message) for each call of a guide macro that cannot work as written."""
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in macros:
            problem = _problem(call, call.node.name, inspect.signature(macros[call.node.name]), registry)
            if problem:
                yield call.lineno, f"{call.node.name}(): {problem}"


def call_lines(tree: nodes.Template, names: Iterable[str]) -> dict[str, list[int]]:
    """The line of each call of each macro, in page order."""
    wanted, lines = set(names), {}
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in wanted:
            lines.setdefault(call.node.name, []).append(call.lineno)
    return {name: sorted(found) for name, found in lines.items()}


def usage(name: str, signature: inspect.Signature) -> str:
    """How the macro is written, as the writer's guide shows it: options(subtype, line, topic)."""
    return f"{name}({', '.join(p.name + ('...' if p.kind is p.VAR_POSITIONAL else '') for p in signature.parameters.values())})"


def _problem(call: nodes.Call, name: str, signature: inspect.Signature, registry: Registry) -> str | None:
    parameters = [p for p in signature.parameters.values() if p.kind is not p.VAR_POSITIONAL]
    more = next((p.name for p in signature.parameters.values() if p.kind is p.VAR_POSITIONAL), None)
    required = [p.name for p in parameters if p.default is inspect.Parameter.empty]
    written = usage(name, signature)
    if call.dyn_args or call.dyn_kwargs:
        return None  # *args or **kwargs: only known when the page renders
    if len(call.args) > len(parameters) and not more:
        takes = f"at most {len(parameters)}" if len(required) < len(parameters) else f"{len(parameters)}"
        return f"{len(call.args)} values given, but it takes {takes}; write {written}"
    values = {p.name: arg for p, arg in zip(parameters, call.args)}
    extra = [(more, arg) for arg in call.args[len(parameters):]]
    for keyword in call.kwargs:
        known = [p.name for p in parameters]
        if keyword.key not in known:
            close = difflib.get_close_matches(keyword.key, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return f"it has no value called '{keyword.key}'{hint} Write {written}"
        if keyword.key in values:
            return f"the {keyword.key} is given twice; write {written}"
        values[keyword.key] = keyword.value
    missing = [p for p in required if p not in values]
    if missing:
        return f"the {' and the '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing; write {written}"
    for parameter, node in [*values.items(), *extra]:
        if isinstance(node, nodes.Const):
            problem = value_problem(parameter, node.value, registry)
            if problem:
                return problem
    return None


def value_problem(parameter: str, value: Any, registry: Registry) -> str | None:
    if value is None:
        return None
    if parameter in ARGUMENT_TABLES:
        table = getattr(registry, ARGUMENT_TABLES[parameter])
        if value not in table:
            return str(UnknownId(kind_name(ARGUMENT_TABLES[parameter]), str(value), list(table)))
    elif parameter in ARGUMENT_WORDS and value not in ARGUMENT_WORDS[parameter]:
        words = ARGUMENT_WORDS[parameter]
        close = difflib.get_close_matches(str(value), words, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f"{value!r} is not a {parameter}; {hint}Use one of: {', '.join(words)}"
    return None

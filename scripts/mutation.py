"""Mutation score of the core modules: how many small changes to the code (mutants) the fast unit tests catch.

Runs mutmut (configured in pyproject.toml, [tool.mutmut]) at low priority with one worker, then prints the score
per module and every surviving mutant. mutmut keeps its results in mutants/ and resumes where it stopped; only
functions changed since the last run are tested again.

    python scripts/mutation.py                      # every core module
    python scripts/mutation.py "mbc_guide.numbers*" # one module, every mutant of it again (mutmut's name patterns)
    python scripts/mutation.py --retest             # also try again every mutant that survived (after new tests)
    python scripts/mutation.py --report             # the last results only, without running
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MUTATED = REPO / "mutants" / "src" / "mbc_guide"
CORE_MODULES = ("models", "registry", "loading", "summaries", "phrases", "numbers", "charts")
# mutmut's exit codes of a mutant's test run (mutmut/stats.py): 1 and 3 mean a test failed, so the mutant was caught.
KILLED = {1, 3}
SURVIVED = {0}
NO_TEST = {5, 33}  # no selected test runs the mutated function: it counts against the score, like a survivor
TIMEOUT = {24, -24, 36, 152, 255}


def run_mutmut(patterns: list[str]) -> int:
    # nice: the machine's two cores are shared; one worker keeps the run out of everyone's way.
    command = ["nice", "-n", "10", str(Path(sys.executable).parent / "mutmut"), "run", "--max-children", "1", *patterns]
    return subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL).returncode


def _matches(name: str, patterns: list[str]) -> bool:
    return not patterns or any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def results(module: str) -> dict[str, int | None]:
    meta = MUTATED / f"{module}.py.meta"
    return json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}


def outcome(exit_code: int | None) -> str:
    if exit_code is None:
        return "not run"
    if exit_code in KILLED or exit_code in TIMEOUT:  # a mutant that makes the tests hang is caught too
        return "killed"
    if exit_code in NO_TEST:
        return "no test"
    return "survived" if exit_code in SURVIVED else "other"


def score_table() -> tuple[str, list[str]]:
    rows = ["| Module | Mutants | Killed | Survived | No test ran it | Not run yet | Score |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    survivors: list[str] = []
    total: Counter[str] = Counter()
    for module in CORE_MODULES:
        codes = results(module)
        counts = Counter(outcome(code) for code in codes.values())
        survivors += sorted(name for name, code in codes.items() if outcome(code) in ("survived", "no test", "other"))
        total += counts
        total["mutants"] += len(codes)
        rows.append(_row(f"`{module}.py`", len(codes), counts))
    rows.append(_row("**all core modules**", total["mutants"], total))
    return "\n".join(rows), survivors


def _row(name: str, mutants: int, counts: Counter[str]) -> str:
    tested = mutants - counts["not run"]
    score = f"{100 * counts['killed'] / tested:.1f} %" if tested else "-"
    return (f"| {name} | {mutants} | {counts['killed']} | {counts['survived'] + counts['other']} | "
            f"{counts['no test']} | {counts['not run']} | {score} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="*", help="mutant names or patterns, e.g. 'mbc_guide.phrases*'")
    parser.add_argument("--retest", action="store_true",
                        help="try again the mutants that survived or that no test ran (mutmut keeps old results)")
    parser.add_argument("--report", action="store_true", help="print the last results without running mutmut")
    arguments = parser.parse_args()
    if not arguments.report:
        code = 0
        retried = [name for name in score_table()[1] if _matches(name, arguments.patterns)] if arguments.retest else []
        if retried:  # the survivors first: they are what new tests are written for
            code = run_mutmut(retried)
        if not code:
            code = run_mutmut(arguments.patterns)
        if code:
            print(f"mutmut stopped with exit code {code}; run `.venv/bin/mutmut run --max-children 1` to see why")
            return code
    table, survivors = score_table()
    print(table)
    print(f"\n{len(survivors)} surviving mutants (`.venv/bin/mutmut show NAME` shows the change):")
    print("\n".join(survivors) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())

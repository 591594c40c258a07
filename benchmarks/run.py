"""Build-speed benchmark (not a test): full build, the cost of macros, growth to hundreds of pages, handout PDFs
and the live-preview rebuild after a one-line data edit. Prints a table and writes JSON.

    .venv/bin/python benchmarks/run.py                  # all measures, JSON in benchmarks/results.json
    .venv/bin/python benchmarks/run.py --profile build  # pyinstrument profile of one full build

Every build runs on a copy of the project in a temporary folder; the real site/ is never touched.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("mkdocs.yml", "content", "data", "overrides", "macros")
# Pages copied to grow the site; the glossary, sources and handouts are one of a kind.
NOT_COPIED = {"glossary.md", "sources.md"}
TARGETS = {
    "full_build_s": 2.0,
    "macros_overhead_pct": 15.0,
    "macros_share_pct": 15.0,
    "marginal_ms_per_page": 30.0,
    "handout_pdfs_s": 20.0,
    "preview_rebuild_s": 1.0,
    "both_editions_preview_s": 1.0,
}

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
sys.path.insert(0, str(REPO / "src"))

from mbc_guide.building import build_site  # noqa: E402
from mbc_guide.editions import builds_korean, english_only  # noqa: E402
from mbc_guide.parsed_pages import forget_compiled_pages  # noqa: E402
from mbc_guide.preview import PreviewBuilder  # noqa: E402


def project_copy(root: Path, name: str, both_editions: bool = False) -> Path:
    """A copy of the project; the English edition alone unless both_editions (the grown sites copy English pages,
    which the Korean edition's gate would refuse without their Korean pages)."""
    copy = root / name
    copy.mkdir()
    for part in SITE_PARTS:
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / part)
    (copy / "src").symlink_to(REPO / "src")
    if not both_editions:
        (copy / "mkdocs.yml").write_text(english_only((copy / "mkdocs.yml").read_text()))
    return copy


def cpu_seconds() -> float:
    """CPU time of this process and of the commands it ran and waited for (the `mbc-guide build` command)."""
    spent = os.times()
    return spent.user + spent.system + spent.children_user + spent.children_system


# CPU time is the benchmark's own work: on a shared machine, wall time also counts waiting for other programs.
CLOCKS = {"wall": time.perf_counter, "cpu": cpu_seconds}
clock = CLOCKS["wall"]


def median_seconds(action: Callable[[], object], runs: int, timer: Callable[[], float] | None = None) -> float:
    action()  # warm-up: imports, caches, compiled templates
    timer = timer or clock
    times = []
    for _ in range(runs):
        start = timer()
        result = action()
        times.append(timer() - start)
        if result is None or result is False:
            raise SystemExit("a benchmark build failed; run `make lint` to see why")
    return statistics.median(times)


def build_action(project: Path) -> Callable[[], object]:
    """A build that compiles every page, as a new process does; the data and the component templates stay loaded
    (registry_cache, reused_component_environment), as in a live preview."""
    def build() -> object:
        forget_compiled_pages()
        return build_site(project / "mkdocs.yml", project / "site")
    return build


def without_macros(project: Path) -> None:
    """The same pages through MkDocs and Material only: macros stay as raw text, the guide's checks are off. The pages
    the guide's plugin builds from data (one per option and study) are written out, with their place in the
    navigation, so both builds have the same pages."""
    import yaml

    from mbc_guide.generated_pages import generated_pages
    from mbc_guide.mkdocs_plugin import _with_generated_nav
    from mbc_guide.registry_cache import load_registry_cached

    registry = load_registry_cached(project / "data")
    for page in generated_pages(registry, {}):
        (project / "content" / "en" / page.path).parent.mkdir(parents=True, exist_ok=True)
        (project / "content" / "en" / page.path).write_text(f"# {page.title}\n\n{page.source}")
    config = project / "mkdocs.yml"
    text = re.sub(r"^  - mbc-guide\n", "", config.read_text(), flags=re.M)
    text = re.sub(r"^  - macros.*\n(?:    .*\n)*", "", text, flags=re.M)
    # The moved page's redirect: without the guide's plugin, the redirect plugin does not find its target inside
    # the edition's folder (content/en/), and strict mode stops; one redirect page of the site is left out.
    text = re.sub(r"^  # Addresses of pages that moved.*\n  - redirects:\n(?:    .*\n)*", "", text, flags=re.M)
    nav = _with_generated_nav(yaml.safe_load(text)["nav"], registry)
    text = re.sub(r"^nav:\n(?:[ #].*\n|\n)*", lambda _: yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True), text, flags=re.M)
    config.write_text(text)


def grow(project: Path, times: int, flat: bool = False) -> int:
    """Copy pages (with nav and review entries) until the site has `times` as many pages; return the count.
    The copies sit in the navigation as a real site's pages would, one section per topic under "Copies"
    (one topic = one pass over the original pages); flat=True lists them all in one section instead."""
    content, config, reviews = project / "content" / "en", project / "mkdocs.yml", project / "data" / "reviews.yaml"
    originals = sorted(p for p in content.glob("*.md") if p.name not in NOT_COPIED)
    base = sum(1 for _ in content.rglob("*.md"))
    nav, review_lines = [], []
    for number in range(base * (times - 1)):
        page = originals[number % len(originals)]
        name = f"copy-{number}-{page.name}"
        (content / name).write_text(page.read_text())
        if not flat and number % len(originals) == 0:
            nav.append(f"      - Topic {number // len(originals) + 1}:")
        nav.append(f"      {'' if flat else '    '}- {name}")
        review_lines.append(f"- page: {name}\n  last_reviewed: 2026-11-26\n  next_review: 2027-05-26\n"
                            "  reviewed_by: Site editorial team\n")
    config.write_text(config.read_text().replace("\nnav:\n", "\nnav:\n  - Copies:\n" + "\n".join(nav) + "\n", 1))
    reviews.write_text(reviews.read_text() + "".join(review_lines))
    return sum(1 for _ in content.rglob("*.md"))


def measure_cli(project: Path, runs: int) -> float:
    command = [str(REPO / ".venv" / "bin" / "mbc-guide"), "build", "--site-dir", str(project / "cli-site")]
    return median_seconds(lambda: subprocess.run(command, cwd=project, capture_output=True).returncode == 0 or None, runs)


def preview_edit_action(project: Path) -> Callable[[], bool]:
    """A one-line data edit (a glossary definition) and the live preview's rebuild after it. With both editions, the
    Korean text of that definition (a translator's edit: an English edit would leave its Korean out of date, which
    stops the build until the Korean follows); it alternates between two wordings, as a number would be refused."""
    builder = PreviewBuilder(project / "mkdocs.yml", project / "preview" / "site")
    if builds_korean((project / "mkdocs.yml").read_text()):
        edited, before = project / "data" / "ko" / "glossary.yaml", "다른 곳으로 퍼진 것을 말합니다."
        wordings = itertools.cycle(["다른 곳으로 퍼진 것을 뜻합니다.", before])
    else:
        edited, before = project / "data" / "glossary.yaml", "Cancer that has spread"
        wordings = (f"Cancer that has spread ({number})" for number in itertools.count())
    original = edited.read_text()
    assert before in original, f"{edited}: the benchmark's edit no longer matches"

    def edit_and_rebuild() -> bool:
        edited.write_text(original.replace(before, next(wordings), 1))
        return builder()
    return edit_and_rebuild


def measure_preview(project: Path, runs: int) -> float:
    return median_seconds(preview_edit_action(project), runs)


def measure_pdfs(project: Path, runs: int) -> float | None:
    from mbc_guide.browser import chromium_installed
    from mbc_guide.pdf import render_handouts

    if not chromium_installed():
        return None
    assert build_site(project / "mkdocs.yml", project / "site")
    # Wall time always: Chromium's processes are not this process's children, so CPU time would miss them.
    return median_seconds(lambda: render_handouts(project / "site"), runs, CLOCKS["wall"])


def reference_loop_seconds(runs: int = 3) -> float:
    """CPU seconds of a fixed pure-Python loop (10 million additions): how fast this machine runs Python, so that
    rounds measured on different machines can be compared (machines lent for a session differ by half or more)."""
    def loop() -> int:
        total = 0
        for step in range(10_000_000):
            total += step
        return total
    return median_seconds(loop, runs, time.process_time)


def run(runs: int, scales: list[int]) -> dict[str, object]:
    results: dict[str, object] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
                                  "reference_loop_s": reference_loop_seconds(),
                                  "clock": next(name for name, function in CLOCKS.items() if function is clock),
                                  "runs": runs, "targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="mbc-bench-") as scratch:
        root = Path(scratch)
        base = project_copy(root, "base")
        pages = sum(1 for _ in (base / "content" / "en").rglob("*.md"))  # the English edition alone
        results["pages"] = pages
        results["full_build_s"] = median_seconds(build_action(base), runs)
        results["build_command_s"] = measure_cli(base, max(1, runs // 2))
        plain = project_copy(root, "plain")
        without_macros(plain)
        results["without_macros_s"] = median_seconds(build_action(plain), runs)
        results["macros_overhead_pct"] = 100 * (results["full_build_s"] / results["without_macros_s"] - 1)
        # The same cost measured inside one build (the baseline above builds near-empty pages where a page is one
        # macro call, so it also counts the Markdown, theme and search work of what the macros wrote).
        results["macros_share_pct"] = statistics.median(macros_share_pct(*event_seconds(build_action(base)))
                                                        for _ in range(runs))
        growth = []
        for scale, flat in [(scale, False) for scale in scales] + ([(max(scales), True)] if scales else []):
            grown = project_copy(root, f"x{scale}{'-flat' if flat else ''}")
            count = grow(grown, scale, flat)
            seconds = median_seconds(build_action(grown), max(1, runs if scale <= 10 else 2))
            # What one more page costs: the growth over the original site, per page added.
            marginal = 1000 * (seconds - results["full_build_s"]) / (count - pages)
            growth.append({"scale": scale, "flat_nav": flat, "pages": count, "build_s": seconds,
                           "ms_per_page": 1000 * seconds / count, "marginal_ms_per_page": marginal})
        results["growth"] = growth
        nested = [row for row in growth if not row["flat_nav"]]
        results["marginal_ms_per_page"] = max((row["marginal_ms_per_page"] for row in nested), default=None)
        results["preview_rebuild_s"] = measure_preview(project_copy(root, "preview"), runs)
        both = project_copy(root, "both", both_editions=True)
        results["both_editions_pages"] = sum(1 for _ in (both / "content").rglob("*.md"))
        results["both_editions_build_s"] = median_seconds(build_action(both), runs)
        results["both_editions_preview_s"] = measure_preview(both, runs)
        results["handout_pdfs_s"] = measure_pdfs(project_copy(root, "pdfs", both_editions=True), max(1, runs // 2))
    results["meets"] = {name: (results[name] is not None and results[name] <= limit) for name, limit in TARGETS.items()}
    return results


def table(results: dict[str, object]) -> str:
    def row(label: str, value: object, unit: str, target: str = "") -> str:
        shown = "n/a" if value is None else f"{value:.2f} {unit}" if isinstance(value, float) else f"{value} {unit}"
        return f"| {label:<46} | {shown:>12} | {target:<10} |"
    lines = [f"Machine: {results['machine']}; a 10-million-step Python loop takes {results['reference_loop_s']:.2f} s of "
             f"CPU; {results['clock']} time, median of {results['runs']} runs after a warm-up.", "",
             f"| {'measure':<46} | {'result':>12} | {'target':<10} |", f"|{'-' * 48}|{'-' * 14}:|{'-' * 12}|",
             row(f"full build, English, {results['pages']} written pages", results["full_build_s"], "s", "<= 2 s"),
             row("`mbc-guide build` command (with Python start)", results["build_command_s"], "s"),
             row("same pages, macros and checks off", results["without_macros_s"], "s"),
             row("cost of macros and checks", results["macros_overhead_pct"], "%", "<= 15 %"),
             row("time inside macros and checks, of one build", results["macros_share_pct"], "%", "<= 15 %")]
    for growth in results["growth"]:
        label = f"{growth['scale']}x{', one flat section' if growth['flat_nav'] else ''}"
        lines.append(row(f"{label}: {growth['pages']} pages", growth["build_s"], "s"))
        lines.append(row(f"{label}: cost of each added page", growth["marginal_ms_per_page"], "ms",
                         "" if growth["flat_nav"] else "<= 30 ms"))
    lines += [row("preview rebuild after a one-line data edit", results["preview_rebuild_s"], "s", "<= 1 s"),
              row(f"both editions: full build, {results['both_editions_pages']} written pages", results["both_editions_build_s"], "s"),
              row("both editions: preview rebuild after a Korean edit", results["both_editions_preview_s"], "s", "<= 1 s"),
              row("all handout PDFs, both editions (A4, Letter), wall time", results["handout_pdfs_s"], "s", "<= 20 s")]
    return "\n".join(lines)


def profile(what: str, scale: int = 1, both_editions: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="mbc-profile-") as scratch:
        project = project_copy(Path(scratch), "profile", both_editions)
        if scale > 1:
            grow(project, scale)
        build = preview_edit_action(project) if what.startswith("preview") else build_action(project)
        build()  # warm-up
        if what in ("events", "preview-events"):
            print(event_table(build))
            return
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
        build()
        profiler.stop()
    print(profiler.output_text(unicode=True, color=False))


def event_table(build: Callable[[], object]) -> str:
    """CPU seconds of one build in each plugin's page events, in Markdown and in the theme: where a build's time goes,
    without a profiler's own cost. The macros and checks are the `macros` and `mbc-guide` rows."""
    total, spent = event_seconds(build)
    rows = sorted(spent.items(), key=lambda item: -item[1])
    lines = [f"One build: {total:.2f} s CPU", "", "| where | CPU s | share |", "|---|---:|---:|"]
    lines += [f"| {where} | {seconds:.2f} | {100 * seconds / total:.0f} % |" for where, seconds in rows if seconds >= 0.005]
    share = macros_share_pct(total, spent)
    lines += ["", f"Macros and the guide's checks (macros and mbc-guide rows): {share * total / 100:.2f} s, {share:.0f} % of the build"]
    return "\n".join(lines)


def macros_share_pct(total: float, spent: dict[str, float]) -> float:
    """The share of a build's CPU spent in mkdocs-macros' and the guide plugin's events."""
    return 100 * sum(seconds for where, seconds in spent.items() if where.startswith(("macros:", "mbc-guide:"))) / total


def event_seconds(build: Callable[[], object]) -> tuple[float, dict[str, float]]:
    """(CPU seconds of one build, CPU seconds in each plugin event, in Markdown and in the rest)."""
    import markdown
    from mkdocs.plugins import CombinedEvent, PluginCollection

    spent: dict[str, float] = {}

    def timed(key: str, function: Callable[..., object]) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            start = cpu_seconds()
            try:
                return function(*args, **kwargs)
            finally:
                spent[key] = spent.get(key, 0.0) + cpu_seconds() - start
        call.mkdocs_priority = getattr(function, "mkdocs_priority", 0)  # type: ignore[attr-defined]
        return call

    register = PluginCollection._register_event

    def register_timed(self: PluginCollection, event: str, method: Callable[..., object], plugin_name: str | None = None) -> None:
        if isinstance(method, CombinedEvent):  # MkDocs registers each of its methods in turn
            return register(self, event, method, plugin_name)
        return register(self, event, timed(f"{plugin_name}: {event}", method), plugin_name)

    originals = (PluginCollection._register_event, markdown.Markdown.convert)
    PluginCollection._register_event = register_timed  # type: ignore[method-assign]
    markdown.Markdown.convert = timed("Markdown to HTML", markdown.Markdown.convert)  # type: ignore[method-assign]
    start = cpu_seconds()
    try:
        build()
    finally:
        PluginCollection._register_event, markdown.Markdown.convert = originals  # type: ignore[method-assign]
    total = cpu_seconds() - start
    spent["the rest: MkDocs, the theme's page template, writing files"] = total - sum(spent.values())
    return total, spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="10,50", help="page multiples to build, comma-separated")
    parser.add_argument("--json", type=Path, default=REPO / "benchmarks" / "results.json")
    parser.add_argument("--profile", choices=["build", "events", "preview", "preview-events"],
                        help="build: a pyinstrument profile of one build; events: CPU time per plugin event; "
                             "preview, preview-events: the same for a preview rebuild after a one-line data edit")
    parser.add_argument("--profile-scale", type=int, default=1, help="page multiple of the profiled site")
    parser.add_argument("--both-editions", action="store_true", help="profile the site with its Korean edition too")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="cpu: this process's CPU time, steadier when other programs share the machine")
    arguments = parser.parse_args()
    if arguments.both_editions and arguments.profile_scale > 1:
        # A grown site copies English pages, which have no Korean pages: the Korean edition's gate refuses it.
        parser.error("--both-editions profiles the site as it is (--profile-scale 1): the copies that grow a site "
                     "are English pages without their Korean pages")
    global clock
    clock = CLOCKS[arguments.clock]
    if arguments.profile:
        profile(arguments.profile, arguments.profile_scale, arguments.both_editions)
        return 0
    results = run(arguments.runs, [int(s) for s in arguments.scales.split(",") if s])
    print(table(results))
    arguments.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nJSON written to {arguments.json.relative_to(REPO) if arguments.json.is_relative_to(REPO) else arguments.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

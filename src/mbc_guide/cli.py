"""Command line for writers: `mbc-guide build`, `lint`, `check`, `serve`, `schema` (for editors), `publish` and
`ko-status` (how much of data/ has its Korean text).

Errors print one line each (file:line: field: message) and never a traceback; a failed build leaves site/ untouched.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from .building import build_site
from .errors import DataErrors
from .evidence import check_against_shared
from .lint import HIGHEST_GRADE, TARGET_GRADE
from .publisher import PUBLISH_VARIABLE
from .publishing import HOSTS, publish
from .registry import Registry, load_registry


def lint(config_file: Path) -> int:
    """Every check the build makes, into a throwaway folder: errors and warnings as `path:line: message`."""
    with tempfile.TemporaryDirectory(prefix="mbc-lint-") as scratch:
        result = build_site(config_file, Path(scratch) / "site")
    if result is None:
        print("lint found errors; fix the lines above", file=sys.stderr)
        return 1
    for line in (*result.notes, *result.warnings):
        print(line, file=sys.stderr)
    print(f"lint passed: {len(result.grades)} pages" + (f", {len(result.warnings)} warnings" if result.warnings else ""))
    return 0


def reading_report(grades: dict[str, float]) -> str:
    """Flesch-Kincaid grade per page; the aim is grade 6, the limit grade 8."""
    lines = [f"reading grade (aim {TARGET_GRADE}, at most {HIGHEST_GRADE}):"]
    for page, grade in sorted(grades.items()):
        flag = "  above the limit" if grade > HIGHEST_GRADE else ""
        lines.append(f"  {grade:4.1f}  {page}{flag}")
    return "\n".join(lines)


def _registry_or_report(data_dir: Path, hint: str = "") -> Registry | None:
    """The data, or None after printing its errors (and what to do next), one line each."""
    try:
        return load_registry(data_dir, shown_prefix=data_dir.name)
    except DataErrors as errors:
        print(errors, file=sys.stderr)
        if hint:
            print(hint, file=sys.stderr)
        return None


def check_data(data_dir: Path) -> bool:
    registry = _registry_or_report(data_dir)
    if registry is None:
        return False
    problems, note = check_against_shared(registry, data_dir.resolve().parent)
    if note:
        print(note, file=sys.stderr)
    if problems:
        print(DataErrors(problems), file=sys.stderr)
        return False
    return True


def schema(data_dir: Path) -> int:
    """Write schemas/<file>.schema.json from the models and the ids in data/ (valid data is needed for the ids)."""
    from .schemas import SCHEMA_FOLDER, write_schemas

    registry = _registry_or_report(data_dir, "fix the data first: the schemas list its ids")
    if registry is None:
        return 1
    written = write_schemas(registry, data_dir.resolve().parent / SCHEMA_FOLDER)
    print(f"{len(written)} schemas written into {SCHEMA_FOLDER}/" if written else "the schemas are up to date")
    return 0


def korean_status(data_dir: Path, details: bool, strict: bool) -> int:
    """Counts of Korean strings per data file; with details, one line per missing or stale string.
    A report only: the English build does not read data/ko/ (docs/korean-edition.md)."""
    from .korean_overlay import check_parity, status_table
    from .korean_terms import check_terms

    registry = _registry_or_report(data_dir, "fix the English data first: the Korean is compared with it")
    if registry is None:
        return 1
    report = check_parity(registry, data_dir, data_prefix=data_dir.name)
    problems = [*report.errors, *check_terms(registry, data_dir, data_prefix=data_dir.name)]
    for line in (*problems, *(report.gaps if details else ())):
        print(line, file=sys.stderr)
    print(status_table(report))
    if problems:
        print(f"{len(problems)} errors in the Korean files; fix the lines above", file=sys.stderr)
        return 1
    return 1 if strict and report.gaps else 0


def publishing_build(config: Path, site_dir: Path, pdfs: bool):
    """A build that refuses placeholders: the plugin reads the mode from the environment, for this build only."""
    previous = os.environ.get(PUBLISH_VARIABLE)
    os.environ[PUBLISH_VARIABLE] = "1"
    try:
        return build_site(config, site_dir, pdfs=pdfs)
    finally:
        if previous is None:
            del os.environ[PUBLISH_VARIABLE]
        else:
            os.environ[PUBLISH_VARIABLE] = previous


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except KeyboardInterrupt:  # Ctrl+C: a plain line, not a traceback; a build in progress left site/ as it was
        print("stopped; nothing was changed", file=sys.stderr)
        return 130


def _run(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="mbc-guide", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="check the data and build the site into site/")
    build_command.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    build_command.add_argument("--site-dir", type=Path, default=Path("site"))
    build_command.add_argument("--pdfs", action="store_true", help="also print every handout to PDF (needs Chromium)")
    build_command.add_argument("--publish", action="store_true",
                               help="a build to publish: refuses placeholders for the publisher and the site address")
    lint_command = commands.add_parser("lint", help="check every page and data file without publishing anything")
    lint_command.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    serve_command = commands.add_parser("serve", help="live preview that rebuilds when you save")
    serve_command.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    serve_command.add_argument("--port", type=int, default=8000)
    publish_command = commands.add_parser("publish", help="build with the PDFs, then a folder for a static host")
    publish_command.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    publish_command.add_argument("--site-dir", type=Path, default=Path("site"))
    publish_command.add_argument("--out", type=Path, default=Path("public"))
    publish_command.add_argument("--host", choices=HOSTS, default="netlify",
                                 help="netlify: a _headers file (Netlify, Cloudflare Pages); github-pages: the policy in each page")
    check_command = commands.add_parser("check", help="check data/ only")
    check_command.add_argument("--data-dir", type=Path, default=Path("data"))
    schema_command = commands.add_parser("schema", help="write the JSON Schemas editors use for data/ into schemas/")
    schema_command.add_argument("--data-dir", type=Path, default=Path("data"))
    ko_command = commands.add_parser("ko-status", help="how many strings in data/ have their Korean text (data/ko/)")
    ko_command.add_argument("--data-dir", type=Path, default=Path("data"))
    ko_command.add_argument("--details", action="store_true", help="one line per missing or out-of-date string")
    ko_command.add_argument("--strict", action="store_true", help="exit 1 while a string is missing or out of date")
    arguments = parser.parse_args(argv)

    if arguments.command == "ko-status":
        return korean_status(arguments.data_dir, arguments.details, arguments.strict)

    if arguments.command == "schema":
        return schema(arguments.data_dir)

    if arguments.command == "check":
        ok = check_data(arguments.data_dir)
        print("data is valid" if ok else "data has errors; nothing was built", file=sys.stderr if not ok else sys.stdout)
        return 0 if ok else 1
    if arguments.command == "lint":
        return lint(arguments.config)
    if arguments.command == "serve":
        from .preview import serve
        return serve(arguments.config, port=arguments.port)
    pdfs = arguments.command == "publish" or arguments.pdfs
    refuses_placeholders = arguments.command == "publish" or arguments.publish
    build = publishing_build if refuses_placeholders else build_site
    result = build(arguments.config, arguments.site_dir, pdfs=pdfs)
    if result is not None:
        for line in (*result.notes, *result.warnings):
            print(line, file=sys.stderr)
        print(reading_report(result.grades))
        made = " with the handout PDFs" if pdfs else ""
        print(f"built the site into {arguments.site_dir}/{made}")
        if arguments.command == "publish":
            publish(arguments.site_dir, arguments.out, arguments.host)
            print(f"ready to upload for {arguments.host}: {arguments.out}/ (the README says how)")
        return 0
    print(f"build failed; {arguments.site_dir}/ was not changed", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())

"""The writer's guide cannot go stale: its examples are built here, and it shows every macro."""
import re
from pathlib import Path

from mbc_guide.cli import build_site
from mbc_guide.page_macros import GuideMacros
from mbc_guide.registry import load_registry

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "writers-guide.md"
FENCE = re.compile(r"^```(md example|yaml example (\S+))\n(.*?)^```", re.M | re.S)


def examples(kind: str) -> list[tuple[str | None, str]]:
    return [(match.group(2), match.group(3)) for match in FENCE.finditer(GUIDE.read_text())
            if match.group(1).startswith(kind)]


def test_the_guide_shows_every_macro():
    used = set(re.findall(r"\{\{ (\w+)\(", "".join(text for _, text in examples("md"))))
    assert set(GuideMacros.MACROS) - used == set()


def test_markdown_examples_build_into_a_page(project_copy, next_review):
    page = "---\ntitle: Guide examples\nreference: true\n---\n\n# Guide examples\n\n"
    page += "\n\n".join(text for _, text in examples("md"))
    (project_copy / "content" / "en" / "guide-examples.md").write_text(page)
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text().replace("\nnav:\n", "\nnav:\n  - Guide examples: guide-examples.md\n", 1))
    reviews = project_copy / "data" / "reviews.yaml"
    reviews.write_text(reviews.read_text() + "- page: guide-examples.md\n  last_reviewed: 2026-11-26\n"
                                              f"  next_review: {next_review}\n  reviewed_by: Site editorial team\n")
    site = project_copy / "site"
    assert build_site(config, site)
    html = (site / "guide-examples.html").read_text()
    assert 'class="urgent-box"' in html and 'class="icon-array ' in html and 'class="option-grid"' in html


def test_data_examples_are_valid_entries_of_their_files(project_copy):
    found = examples("yaml")
    assert {path for path, _ in found} >= {"data/glossary.yaml", "data/trials.yaml", "data/treatments.yaml", "data/key_facts.yaml"}
    for path, text in found:
        target = project_copy / path
        target.write_text(target.read_text().rstrip("\n") + "\n" + text)
    registry = load_registry(project_copy / "data")
    assert {"neutropenia"} <= set(registry.glossary) and "example-trial" in registry.trials
    assert "example-option" in registry.treatments and "ild-onset-example" in registry.key_facts


def test_the_guide_names_every_data_file_and_every_field():
    from mbc_guide.loading import _all_field_names
    from mbc_guide.models import DATA_FILES

    text = GUIDE.read_text()
    missing = [f"data/{name}.yaml" for name in DATA_FILES if f"`data/{name}.yaml`" not in text]
    missing += [f"{name}.{field}" for name, model in DATA_FILES.items() for field in sorted(_all_field_names(model))
                if f"`{field}`" not in text]
    assert missing == []


def test_the_result_example_adds_to_an_existing_trial(project_copy):
    """As the guide says: add the result under the trial's results, copy its evidence, and the data is valid."""
    import subprocess
    import sys

    import pytest

    from mbc_guide.evidence import shared_evidence_dir

    [(trial, text)] = re.findall(r"^```yaml example-result (\S+)\n(.*?)^```", GUIDE.read_text(), re.M | re.S)
    evidence = shared_evidence_dir(GUIDE.parents[1])
    if evidence is None:
        pytest.skip("no ../shared/evidence/ to copy the result's evidence from")
    trials = project_copy / "data" / "trials.yaml"
    lines = trials.read_text().splitlines(keepends=True)
    start = lines.index(f"- id: {trial}\n")
    results = next(i for i in range(start, len(lines)) if lines[i] == "  results:\n")
    lines.insert(results + 1, text)
    trials.write_text("".join(lines))
    subprocess.run([sys.executable, str(GUIDE.parents[1] / "scripts" / "make_evidence_record.py"),
                    "--data-dir", str(project_copy / "data"), "--evidence-dir", str(evidence)], check=True,
                   capture_output=True)
    registry = load_registry(project_copy / "data")
    added = next(result for result in registry.trials[trial].results if result.measure == "complete_response")
    assert set(added.values) == {arm.id for arm in registry.trials[trial].arms}

"""Write data/evidence.yaml: the project's own record of the evidence entries data/ cites.

Copies, from ../shared/evidence/ (facts, access, support and Korean cost files), exactly the entries whose ids data/ names under
`fact:` or `facts:`. Run it after citing a new evidence id:

    .venv/bin/python scripts/make_evidence_record.py [--evidence-dir ../shared/evidence]

The build checks every figure against data/evidence.yaml, and the record against ../shared/evidence/ when present.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "src"))

from mbc_guide.evidence import EVIDENCE_FILES, RECORD_FILE, record_entry, shared_evidence_dir  # noqa: E402

HEADER = """\
# The evidence this site cites: one entry per id named under `fact:` or `facts:` in data/, copied from
# ../shared/evidence/ by scripts/make_evidence_record.py (do not edit by hand; run the script again).
# Every figure in data/ must equal its entry's value here; the build checks it, and checks this file
# against ../shared/evidence/ whenever that folder is present.
"""


def cited_ids(node: object) -> set[str]:
    """Every id under a `fact:` or `facts:` key, anywhere in a data file."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "fact" and isinstance(value, str):
                found.add(value)
            elif key == "facts" and isinstance(value, list):
                found |= {item for item in value if isinstance(item, str)}
            else:
                found |= cited_ids(value)
    elif isinstance(node, list):
        for item in node:
            found |= cited_ids(item)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evidence-dir", type=Path, default=None)
    parser.add_argument("--data-dir", type=Path, default=PROJECT / "data")
    arguments = parser.parse_args(argv)
    evidence_dir = arguments.evidence_dir or shared_evidence_dir(PROJECT)
    if evidence_dir is None:
        print("no ../shared/evidence/ folder (or MBC_EVIDENCE_DIR): nothing to copy from", file=sys.stderr)
        return 1
    wanted: set[str] = set()
    for path in sorted(arguments.data_dir.glob("*.yaml")):
        if path.name != RECORD_FILE:
            wanted |= cited_ids(yaml.safe_load(path.read_text(encoding="utf-8")))
    shared = {}
    for name in EVIDENCE_FILES:
        for entry in yaml.safe_load((evidence_dir / name).read_text(encoding="utf-8")):
            shared.setdefault(entry["id"], record_entry(entry, name))
    missing = sorted(wanted - set(shared))
    for fact in missing:
        print(f"{fact}: not in {evidence_dir}; leave the figure out or ask for the evidence", file=sys.stderr)
    record = [shared[fact] for fact in sorted(wanted & set(shared))]
    text = HEADER + yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=110)
    (arguments.data_dir / RECORD_FILE).write_text(text, encoding="utf-8")
    print(f"wrote {arguments.data_dir / RECORD_FILE}: {len(record)} entries")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

"""The checked registry, reused by the next build (live preview, benchmarks) while no data file has changed."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .registry import Registry, load_registry

_last: tuple[str, Registry] | None = None


def data_fingerprint(data_dir: Path, shown_prefix: str) -> str:
    """A hash of every data file's name and bytes: any edit, even one that keeps the size and time, changes it."""
    digest = hashlib.sha256(f"{data_dir.resolve()}\0{shown_prefix}".encode())
    for path in sorted(data_dir.glob("*.y*ml")):
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def load_registry_cached(data_dir: Path, shown_prefix: str = "data") -> Registry:
    """load_registry, or the last build's registry when the data is byte for byte the same (it is never changed
    after loading). Errors are never cached: data with errors is loaded, and reported, every time."""
    global _last
    fingerprint = data_fingerprint(data_dir, shown_prefix)
    if _last is None or _last[0] != fingerprint:
        _last = (fingerprint, load_registry(data_dir, shown_prefix))
    return _last[1]

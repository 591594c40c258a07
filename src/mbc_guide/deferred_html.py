"""Keep the macros' HTML out of Markdown's way: each block becomes a short placeholder comment before Markdown
runs and is put back in the finished page. Markdown would otherwise parse every tag of it only to pass it through,
which was the largest part of what the macros cost a build. Markdown headings in a macro's output stay Markdown,
so they still reach the table of contents."""
from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"<!--mbc-block-(\d+)-->")
HEADING_LINE = re.compile(r"^(#{1,6} .*)$", re.M)


class DeferredHtml:
    def __init__(self) -> None:
        self.blocks: list[str] = []

    def start_page(self) -> None:
        self.blocks = []

    def hold(self, output: str) -> str:
        """Replace each HTML block of `output` (the parts between Markdown headings that start with a tag)."""
        parts = HEADING_LINE.split(output)
        return "".join(part if part.startswith("#") else self._hold_block(part) for part in parts)

    def _hold_block(self, part: str) -> str:
        body = part.strip()
        if not body.startswith("<"):
            return part
        self.blocks.append(body)
        start = part.index(body)
        return f"{part[:start]}<!--mbc-block-{len(self.blocks) - 1}-->{part[start + len(body):]}"

    def restore(self, text: str) -> str:
        return PLACEHOLDER.sub(lambda match: self.blocks[int(match.group(1))], text)

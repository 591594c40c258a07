"""Where each edition's pages are served, and the English-only copy of the configuration."""
from pathlib import Path

import pytest

from mbc_guide import editions

REPO = Path(__file__).resolve().parents[2]


def test_default_edition_is_served_at_the_root_and_others_in_their_folder():
    assert editions.served("en", "options/thp.md") == "options/thp.md"
    assert editions.served("ko", "options/thp.md") == "ko/options/thp.md"
    assert editions.served_of("ko/index.md") == "ko/index.md"


def test_english_only_turns_the_korean_edition_off_in_the_real_configuration():
    real = (REPO / "mkdocs.yml").read_text()
    assert "  editions: [en, ko]\n" in real
    assert editions.builds_korean(real)
    english = editions.english_only(real)
    assert not editions.builds_korean(english)
    assert "  editions: [en]\n" in english and "  editions: [en, ko]\n" not in english
    assert english.replace("  editions: [en]\n", "") == real.replace("  editions: [en, ko]\n", "")


def test_english_only_refuses_a_configuration_it_cannot_read():
    with pytest.raises(ValueError, match="extra.editions"):
        editions.english_only("extra:\n  languages: [en, ko]\n")

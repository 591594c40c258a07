"""`make publish`: the built site for a static host, with a strict policy whose script hashes match the pages."""
import base64
import hashlib

import pytest

from mbc_guide.publishing import (content_security_policy, inline_script_hashes, publish, read_headers_file,
                                  with_meta_policy)


def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_only_executable_inline_scripts_are_hashed(tmp_path):
    (tmp_path / "a.html").write_text('<script>run()</script><script src="x.js"></script>'
                                     '<script id="__config" type="application/json">{"a": 1}</script>')
    (tmp_path / "b.html").write_text("<script>run()</script><script>\n  other()\n</script>")
    assert inline_script_hashes(tmp_path) == sorted([sha256("run()"), sha256("\n  other()\n")])


def test_policy_allows_inline_scripts_only_by_hash():
    policy = content_security_policy(["'sha256-abc'"])
    assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-abc';")
    assert "unsafe" not in policy and "frame-ancestors 'none'" in policy
    assert "frame-ancestors" not in content_security_policy([], in_header=False)


def test_netlify_folder_has_every_security_header_for_the_pages_as_built(built_site, tmp_path):
    publish(built_site, tmp_path / "public", "netlify")
    headers = read_headers_file((tmp_path / "public" / "_headers").read_text())
    assert set(headers) == {"Content-Security-Policy", "Strict-Transport-Security", "Referrer-Policy",
                            "X-Content-Type-Options", "Permissions-Policy"}
    hashes = inline_script_hashes(built_site)
    assert hashes, "Material's pages have inline scripts; none were found"
    assert headers["Content-Security-Policy"] == content_security_policy(hashes)
    assert (tmp_path / "public" / "index.html").read_text() == (built_site / "index.html").read_text()


def test_github_pages_folder_puts_the_policy_before_every_script(built_site, tmp_path):
    publish(built_site, tmp_path / "public", "github-pages")
    pages = list((tmp_path / "public").rglob("*.html"))
    policy = f'http-equiv="Content-Security-Policy" content="{content_security_policy(inline_script_hashes(built_site), in_header=False)}"'
    assert pages
    for page in pages:
        text = page.read_text()
        assert text.index(policy) < text.index("<script"), page.name
    assert (tmp_path / "public" / ".nojekyll").exists() and not (tmp_path / "public" / "_headers").exists()


def test_meta_policy_needs_a_charset_to_follow():
    with pytest.raises(ValueError):
        with_meta_policy("<html><script>x()</script>", "default-src 'self'")

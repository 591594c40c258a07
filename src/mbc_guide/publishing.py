"""A built site made ready for a static host, behind a strict Content-Security-Policy.

Material needs a few small inline scripts (its storage helpers, the saved palette) and the handouts one (the print
date). The policy allows exactly those, by the SHA-256 of each as built, and nothing else inline.

Two forms: for Netlify and Cloudflare Pages, which read a `_headers` file; for GitHub Pages, which sets no
headers, the policy goes into each page as a <meta> tag (a meta policy cannot forbid framing; HSTS comes from
GitHub's "Enforce HTTPS").
"""
from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

HOSTS = ("netlify", "github-pages")
INLINE_SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S)
SCRIPT_TYPE = re.compile(r'\btype="(?P<type>[^"]*)"')
EXECUTABLE_TYPES = {"", "text/javascript", "module"}  # type="application/json" is data, never run
# Material's icons are SVG data: URLs in its CSS (mask-image), which img-src governs.
POLICY = ("default-src 'self'", "script-src 'self' {hashes}", "style-src 'self'", "img-src 'self' data:",
          "object-src 'none'", "base-uri 'self'", "form-action 'self'")
HEADER_ONLY_POLICY = ("frame-ancestors 'none'",)  # ignored in a <meta> policy
OTHER_HEADERS = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
}
CHARSET = '<meta charset="utf-8">'


def inline_script_hashes(site: Path) -> list[str]:
    """'sha256-...' for every distinct inline script in the built pages, sorted."""
    hashes = set()
    for page in site.rglob("*.html"):
        for script in INLINE_SCRIPT.finditer(page.read_text(encoding="utf-8")):
            attributes = script["attributes"]
            kind = SCRIPT_TYPE.search(attributes)
            if "src=" in attributes or (kind and kind["type"] not in EXECUTABLE_TYPES):
                continue
            digest = hashlib.sha256(script["body"].encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def content_security_policy(hashes: list[str], in_header: bool = True) -> str:
    directives = [d.format(hashes=" ".join(hashes)).strip() for d in POLICY]
    return "; ".join(directives + (list(HEADER_ONLY_POLICY) if in_header else []))


def security_headers(site: Path) -> dict[str, str]:
    return {"Content-Security-Policy": content_security_policy(inline_script_hashes(site)), **OTHER_HEADERS}


def netlify_headers_file(headers: dict[str, str]) -> str:
    """The `_headers` file of Netlify and Cloudflare Pages: every header on every path."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def read_headers_file(text: str) -> dict[str, str]:
    """The headers a `_headers` file sets on /*, as a host would read them."""
    return dict(line.strip().split(": ", 1) for line in text.splitlines() if line.startswith("  "))


def with_meta_policy(html: str, policy: str) -> str:
    """The policy and referrer rule as <meta> tags, right after the charset so they precede every script."""
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy}"><meta name="referrer" content="no-referrer">'
    if CHARSET not in html:
        raise ValueError("page has no <meta charset>; the policy could not go before its scripts")
    return html.replace(CHARSET, CHARSET + tags, 1)


def publish(site: Path, target: Path, host: str = "netlify") -> None:
    """Copy the built site into target (replaced), with the security policy for the host."""
    if host not in HOSTS:
        raise ValueError(f"unknown host {host!r}; choose one of {', '.join(HOSTS)}")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target)
    if host == "netlify":
        (target / "_headers").write_text(netlify_headers_file(security_headers(site)))
        return
    policy = content_security_policy(inline_script_hashes(site), in_header=False)
    for page in target.rglob("*.html"):
        page.write_text(with_meta_policy(page.read_text(encoding="utf-8"), policy), encoding="utf-8")
    (target / ".nojekyll").write_text("")  # serve assets as they are, without Jekyll

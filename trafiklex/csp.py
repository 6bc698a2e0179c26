"""The Content-Security-Policy of each page: only the site's own files, and the theme's own inline
scripts (Material's small bootstrap scripts, THEME_SCRIPTS) by their hash; any other inline script
stops the build (hooks/site.py: it could only come from markup in the data or pages). Given as a <meta> element, the first in
the page's head, because a static site has no say over HTTP headers.

The offline copy goes without it: from file:// the iframe-worker shim runs the search worker in an
iframe through an inline script that names the local path, and a file:// page's 'self' matches no
other file; removing the policy there is what lets search work offline."""
from __future__ import annotations

import base64
import hashlib
import re

THEME_SCRIPTS = ("__md_scope=", "var target=document.getElementById(location.hash")  # how each begins
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>(.*?)</script>", re.S)
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')

BASE = ("default-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; connect-src 'self'; "
        "worker-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")


def policy(page_html: str) -> str:
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                     for body in INLINE_SCRIPT.findall(page_html) if body.startswith(THEME_SCRIPTS)})
    return f"{BASE}; script-src 'self' {' '.join(hashes)}".strip()


def foreign_scripts(page_html: str) -> list[str]:
    """The inline scripts of a page that are not the theme's."""
    return [body for body in INLINE_SCRIPT.findall(page_html) if not body.startswith(THEME_SCRIPTS)]


def add_policy(page_html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n    " + meta, page_html, count=1)


def remove_policy(page_html: str) -> str:
    return META.sub("", page_html)

"""The Content-Security-Policy of each page: only the site's own files, and the theme's own inline
scripts (Material's small bootstrap scripts) by their hash. Given as a <meta> element, the first in
the page's head, because a static site has no say over HTTP headers.

Which inline scripts are the theme's is read from the theme itself: the scripts of Material's
partials/javascripts/*.html, each a template whose placeholders ({{ base_url }}) stand for a path
(theme_script()); any other inline script stops the build (hooks/site.py, trafiklex.website.sitepolicy).

The offline copy, opened from file://, has its own policy (offline_policy()): 'self' and file: for
the files next to the page (Chromium's 'self' matches file:, other browsers' the file: scheme), and
the hash of the one inline script the iframe-worker shim writes into its frame to run the search
worker from file:// (it names the worker's address, the same for every page of one folder)."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import material

# a script element, its attributes read one by one (so that src= inside another attribute's value
# is not taken for a src attribute), in any letter case
SCRIPT = re.compile(r"""<script\b((?:(?:\s+|(?<=["']))[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"""
                    r"(.*?)</script\s*>", re.S | re.I)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
THEME_PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
PLACEHOLDER = r"[A-Za-z0-9./_-]*"
# data blocks: a browser never runs them (trafiklex.website.sitepolicy checks that their content is JSON)
DATA_TYPES = ("application/json", "application/ld+json")  # what a theme script's {{ … }} stands for: a path

DIRECTIVES = ("default-src {self}; img-src {self} data:; style-src {self}; font-src {self}; connect-src {self}; "
              "worker-src {self}; frame-src {self}; object-src 'none'; base-uri 'self'; form-action 'self'")
BASE = DIRECTIVES.format(self="'self'")
OFFLINE_BASE = DIRECTIVES.format(self="'self' file:")


@lru_cache(maxsize=None)
def _theme_patterns() -> tuple[re.Pattern, ...]:
    patterns = []
    for partial in sorted(THEME_PARTIALS.glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", partial.read_text(encoding="utf-8"), re.S):
            pieces = re.split(r"\{\{.*?\}\}", body)
            patterns.append(re.compile(PLACEHOLDER.join(re.escape(piece) for piece in pieces)))
    return tuple(patterns)


def inline_scripts(page_html: str) -> list[str]:
    """The bodies of the page's inline scripts (not those loaded by src=, not JSON data blocks)."""
    found = []
    for match in SCRIPT.finditer(page_html):
        attributes = {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
                      for m in ATTRIBUTE.finditer(match.group(1))}
        if "src" not in attributes and attributes.get("type", "").strip().lower() not in DATA_TYPES:
            found.append(match.group(2))
    return found


def theme_script(body: str) -> bool:
    """Whether an inline script is one of the theme's own, exactly."""
    return any(pattern.fullmatch(body) for pattern in _theme_patterns())


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def policy(page_html: str) -> str:
    hashes = sorted({_hash(body) for body in inline_scripts(page_html) if theme_script(body)})
    return f"{BASE}; script-src 'self' {' '.join(hashes)}".strip()


def foreign_scripts(page_html: str) -> list[str]:
    """The inline scripts of a page that are not the theme's."""
    return [body for body in inline_scripts(page_html) if not theme_script(body)]


def add_policy(page_html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n    " + meta, page_html, count=1)


def remove_policy(page_html: str) -> str:
    return META.sub("", page_html)


def shim_script(shim_source: str, worker: str) -> str:
    """The inline script the iframe-worker shim writes into its frame for `worker`: its template, with
    the source of the two functions it names and the worker's address put in."""
    template = re.search(r"<script>(.*?)<\\/script>", shim_source, re.S)
    if not template:
        raise ValueError("the iframe-worker shim has no inline script template")
    text = template.group(1)
    for name in set(re.findall(r"\$\{(\w+)\}", text)):
        if f"function {name}(" not in shim_source:  # (the worker's address)
            text = text.replace("${" + name + "}", worker)
            continue
        start = shim_source.index(f"function {name}(")
        depth, end = 0, None
        for index in range(shim_source.index("{", start), len(shim_source)):
            depth += {"{": 1, "}": -1}.get(shim_source[index], 0)
            if depth == 0:
                end = index + 1
                break
        text = text.replace("${" + name + "}", shim_source[start:end])
    return text


def offline_policy(page_html: str, shim_source: str) -> str:
    hashes = {_hash(body) for body in inline_scripts(page_html) if theme_script(body)}
    config = CONFIG.search(page_html)
    if config:
        hashes.add(_hash(shim_script(shim_source, json.loads(config.group(1))["search"])))
    return f"{OFFLINE_BASE}; script-src 'self' file: {' '.join(sorted(hashes))}".strip()


def to_offline(page_html: str, shim_source: str) -> str:
    """The page as the offline copy has it: with the offline policy in place of the site's."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{offline_policy(page_html, shim_source)}">'
    page_html = remove_policy(page_html)
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + "\n    " + meta, page_html, count=1)

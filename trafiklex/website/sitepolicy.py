"""What a built page may contain: one allow-list, checked on every page of the built site (and every
SVG, which a browser also runs scripts in) before the site is published or packed into the offline
copy (scripts/build.py). The pages are read by a real HTML tokenizer (html.parser), so letter case,
entities, spacing and quoting do not hide anything from the check.

Allowed: the theme's own inline scripts (trafiklex.website.csp.theme_script), scripts loaded from the files
listed in SCRIPTS or in mkdocs.yml, JSON data blocks (type application/json or application/ld+json, the
schema.org metadata: their content must be one JSON value, with no '<' in it — written \\u003c — so that
no markup can hide in one); links to any http(s), mailto or tel address or
within the site; everything that loads (images, styles, icons, forms) from the site itself.
Refused: any other script, event-handler attributes (onerror=…), javascript:/data:/vbscript: and
other schemes in any address, <meta http-equiv> other than the Content-Security-Policy (so no
refresh), frames, objects, embeds, <base>, SVG animation of addresses, link types outside LINK_RELS,
anything that loads from another host, and markup the tokenizer reads otherwise than it is written
(a '<script' it does not see as a script)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from trafiklex.core import cache
from trafiklex.data import yamlio
from trafiklex.website.csp import DATA_TYPES, theme_script
from trafiklex.core.errors import Problem, shown

# scripts the pages load by name: Material's (any file of its assets/javascripts), the files listed
# in mkdocs.yml (extra_javascript, extra.polyfills), and these: three that one page each loads, and the
# colour scheme's, which every page loads at its top (overrides/partials/palette.html)
SCRIPTS = {"assets/javascripts/checklist.js", "assets/javascripts/obligations.js", "assets/javascripts/topic-filter.js",
           "assets/javascripts/color-scheme.js"}
THEME_SCRIPTS = "assets/javascripts/"  # (checked against the theme's own files)
SCRIPT_TYPES = {None, "", "text/javascript"}
REFUSED_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe",
                    "animate", "set", "animatemotion", "animatetransform", "discard", "handler", "listener"}
LINK_RELS = {"canonical", "alternate", "next", "prev", "icon", "stylesheet", "noopener", "noreferrer", "nofollow",
             "external", "license", "author", "help", "search"}
LOADING_RELS = {"icon", "stylesheet"}
# attributes that hold an address
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite", "longdesc", "ping",
                  "srcset", "imagesrcset", "xlink:href", "manifest", "codebase", "archive", "classid", "usemap",
                  "lowsrc", "dynsrc", "icon", "profile", "itemtype", "xml:base"}
NAVIGATION = {("a", "href"), ("a", "xlink:href"), ("area", "href"), ("link", "href"), ("blockquote", "cite"), ("q", "cite"),
              ("del", "cite"), ("ins", "cite")}  # addresses a reader follows; all other addresses load
NAVIGATION_SCHEMES = {"http", "https", "mailto", "tel"}
_SPACE = re.compile(r"[\x00-\x20\x7f]+")
_STYLE_URL = re.compile(r"url\s*\(|@import|expression\s*\(|behavior\s*:|-moz-binding", re.I)
PAGES = ("*.html", "*.htm", "*.xhtml", "*.svg")


def allowed_scripts(project: Path) -> set[str]:
    """The script files (paths from the site's root) that pages may load."""
    allowed = set(SCRIPTS)
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # mkdocs.yml's !ENV
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader) or {}
    for script in [*(config.get("extra_javascript") or []), *((config.get("extra") or {}).get("polyfills") or [])]:
        allowed.add(script if isinstance(script, str) else script.get("path", ""))
    return allowed


def _address(value: str) -> str:
    """An address as a browser reads it: no spaces or control characters, \\ as /."""
    return _SPACE.sub("", value).replace("\\", "/")


def _scheme(address: str) -> str:
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", address)
    return match.group(1).lower() if match else ""


class _Page(HTMLParser):
    def __init__(self, page: str, scripts: set[str], theme: Path):
        super().__init__(convert_charrefs=True)
        self.page, self.scripts, self.theme = PurePosixPath(page), scripts, theme
        self.found: list[tuple[int, str]] = []
        self.script: tuple[int, dict] | None = None  # an inline script being read: (line, attributes)
        self.text: list[str] = []
        self.style = False
        self.script_tags = 0

    def refuse(self, what: str):
        self.found.append((self.getpos()[0], what))

    def _in_site(self, url: str) -> str | None:
        """The path from the site's root that a relative address names (None if it leaves the site)."""
        path = urlsplit(url).path
        if path.startswith("/"):
            return str(PurePosixPath(path).relative_to("/"))
        parts = []
        for part in (self.page.parent / path).parts:
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            elif part != ".":
                parts.append(part)
        return "/".join(parts)

    def _check_address(self, tag: str, name: str, value: str, navigation: bool | None = None):
        address = _address(value)
        values = [v.split()[0] for v in address.split(",") if v.split()] if name in ("srcset", "imagesrcset") else [address]
        navigation = (tag, name) in NAVIGATION if navigation is None else navigation
        for one in values:
            scheme = _scheme(one)
            if scheme and not (navigation and scheme in NAVIGATION_SCHEMES):
                self.refuse(f"<{tag} {name}=\"{shown(value, 80)}\">: {'a link to' if navigation else 'loads from'} "
                            f"a {scheme}: address")
            elif not navigation and one.startswith("//"):
                self.refuse(f"<{tag} {name}=\"{shown(value, 80)}\">: loads from another host")
            elif not navigation and one and self._in_site(one) is None:
                self.refuse(f"<{tag} {name}=\"{shown(value, 80)}\">: loads from outside the site")

    def handle_starttag(self, tag, attrs):
        attributes: dict[str, str] = {}
        for name, value in attrs:  # (a browser takes the first of two attributes of one name)
            attributes.setdefault(name, value or "")
        if tag == "script":
            self.script_tags += 1
            self._script(attributes)
        if tag == "style":
            self.style = True
        if tag in REFUSED_ELEMENTS:
            self.refuse(f"a <{tag}> element")
        for name, value in ((name, value or "") for name, value in attrs):  # (every one, repeated or not)
            if name.startswith("on"):
                self.refuse(f"an event-handler attribute {name}=\"{shown(value, 60)}\" on <{tag}>")
            elif name in URL_ATTRIBUTES:
                if tag == "script" and name != "src":
                    self.refuse(f"a script loaded by {name}= (only src= of the site's own scripts)")
                elif tag == "link" and name == "href":
                    self._link(attributes)
                else:
                    self._check_address(tag, name, value)
            elif name == "style" and _STYLE_URL.search(value):
                self.refuse(f"a style attribute that loads or runs something: \"{shown(value, 60)}\"")
            elif name == "attributename" and _address(value).lower() in ("href", "xlink:href"):
                self.refuse(f"<{tag}> changes an address (attributeName={value})")
        if tag == "meta" and "http-equiv" in attributes and \
                attributes["http-equiv"].strip().lower() != "content-security-policy":
            self.refuse(f"<meta http-equiv=\"{shown(attributes['http-equiv'], 40)}\"> (only the "
                        "Content-Security-Policy may be set by a page; no refresh)")

    handle_startendtag = handle_starttag

    def _link(self, attributes: dict):
        rels = set(attributes.get("rel", "").lower().replace(",", " ").split()) or {""}
        unknown = rels - LINK_RELS
        if unknown:
            self.refuse(f"<link rel=\"{shown(attributes.get('rel', ''), 40)}\"> (link types allowed: "
                        f"{', '.join(sorted(LINK_RELS))})")
        else:
            self._check_address("link", "href", attributes.get("href", ""), navigation=not rels & LOADING_RELS)

    def _script(self, attributes: dict):
        kind = attributes.get("type")
        kind = kind.strip().lower() if kind is not None else None
        if kind in DATA_TYPES and "src" not in attributes:
            self.script = (self.getpos()[0], attributes)  # (read as data: see handle_endtag)
            self.text = []
            return
        if kind not in SCRIPT_TYPES:
            self.refuse(f"a <script type=\"{shown(kind, 40)}\">")
        if "src" in attributes:
            address = _address(attributes["src"])
            path = None if _scheme(address) or address.startswith("//") else self._in_site(address)
            if path is None or not (path in self.scripts or (path.startswith(THEME_SCRIPTS) and
                                                             (self.theme / path).is_file())):
                self.refuse(f"a script that is not the theme's or the site's own: <script src=\"{shown(attributes['src'], 80)}\">")
            self.script = None
        else:
            self.script = (self.getpos()[0], attributes)
            self.text = []

    def handle_data(self, data):
        if self.script is not None:
            self.text.append(data)
        elif self.style and _STYLE_URL.search(data):
            self.refuse("a <style> element that loads or runs something (url(), @import)")

    def _data_block(self, body: str):
        """A JSON data block: one JSON value, and no '<' (which could begin markup: written \\u003c)."""
        kind = self.script[1].get("type", "").strip().lower()
        if "<" in body:
            self.found.append((self.script[0], f"a <script type=\"{kind}\"> data block with a '<' in it "
                                               f"(written \\u003c in JSON): {shown(body, 60)}"))
            return
        try:
            json.loads(body)
        except ValueError as error:
            self.found.append((self.script[0], f"a <script type=\"{kind}\"> data block that is not JSON "
                                               f"({error.msg}): {shown(body, 60)}"))

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            body = "".join(self.text)
            if self.script[1].get("type", "").strip().lower() in DATA_TYPES:
                self._data_block(body)
            elif not theme_script(body):
                self.found.append((self.script[0], f"an inline script that is not the theme's: <script>{shown(body, 60)}"))
            self.script = None
        if tag == "style":
            self.style = False


def check_page(text: str, page: str, scripts: set[str], theme: Path) -> list[tuple[int, str]]:
    """(line, what) for everything of the page (`page`: its path from the site's root) outside the policy."""
    parser = _Page(page, scripts, theme)
    parser.feed(text)
    parser.close()
    found = parser.found
    written = len(re.findall(r"<script", text, re.I))
    if written != parser.script_tags:
        found.append((1, f"'<script' written {written} times where the page has {parser.script_tags} scripts "
                         "(markup that a browser may read otherwise than this check)"))
    return found


def _check_page_cached(text: str, page: str, scripts: set[str], theme: Path) -> list[tuple[int, str]]:
    """check_page's findings, kept in the build cache (trafiklex.core.cache) under the page's path and
    content, the scripts allowed and the theme (and this code: a change to the policy checks every page
    again)."""
    found = cache.cached("site-policy", (page, text, "\n".join(sorted(scripts)), str(theme)),
                         lambda: json.dumps(check_page(text, page, scripts, theme)).encode("utf-8"))
    return [(line, what) for line, what in json.loads(found)]


_CSS_ADDRESS = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


def check_stylesheet(text: str) -> list[tuple[int, str]]:
    """(line, what) for each address of a style sheet that loads from another host."""
    found = []
    for match in _CSS_ADDRESS.finditer(text):
        address = _address(next((group for group in match.groups() if group is not None), ""))
        if (_scheme(address) not in ("", "data")) or address.startswith("//"):
            found.append((text.count("\n", 0, match.start()) + 1, f"the style sheet loads from another host: "
                                                                   f"{shown(match.group(), 80)}"))
    return found


def _source(page: PurePosixPath, project: Path, languages: list[str]) -> str:
    """The page's Markdown, when it is built from one (en/links.html ← docs/en/links.md; the first
    language's pages are at the root)."""
    lang, rest = (page.parts[0], page.relative_to(page.parts[0])) if page.parts[0] in languages[1:] else (languages[0], page)
    source = Path("docs") / lang / rest.with_suffix(".md")
    return f" (built from {source.as_posix()})" if (project / source).is_file() else ""


def _languages(project: Path) -> list[str]:
    return [item["code"] for item in yamlio.load(project / "data" / "languages.yml", project).data["languages"]]


def check_site(site: Path, project: Path) -> list[Problem]:
    """Every page and SVG of the built site `site` against the policy."""
    import material  # (the theme's own script files)

    theme = Path(material.__file__).parent / "templates"
    scripts = allowed_scripts(project)
    languages = _languages(project)
    problems = []
    paths = sorted({p for pattern in PAGES for p in site.rglob(pattern) if p.is_file()})
    for path in paths:
        page = path.relative_to(site).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(f"site/{page}", "the built file is not UTF-8", expected="UTF-8"))
            continue
        for line, what in _check_page_cached(text, page, scripts, theme):
            problems.append(Problem(f"site/{page}", what + _source(PurePosixPath(page), project, languages), line=line,
                                    expected="nothing outside the site's policy (trafiklex/website/sitepolicy.py): no "
                                             "scripts but the site's, no event handlers, no javascript: or data: "
                                             "addresses, no meta refresh, nothing loaded from another host"))
    for path in sorted(site.rglob("*.css")):
        for line, what in check_stylesheet(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(Problem(f"site/{path.relative_to(site).as_posix()}", what, line=line,
                                    expected="style sheets that load only from the site itself"))
    return problems

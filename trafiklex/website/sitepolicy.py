"""What a built site may contain: one allow-list of the kinds of file it publishes (check_file: no
page in any other guise — .xhtml, .svg, .xml in the XHTML namespace…) and one of what a page may hold,
checked on every file of the built site before it is published or packed into the offline copy
(scripts/build.py). The pages are read as a browser reads them (trafiklex.core.html5: the WHATWG
parsing algorithm, scripting on), so letter case, entities, spacing, quoting, comments, CDATA,
<noscript>, raw text and foreign content do not hide anything from the check; and a built page must be
written the plain way (no comment, no error of the tokenizer), so that no other reader — nor a newer
browser's parser — can see more in it than this check did.

Allowed: the theme's own inline scripts (trafiklex.website.csp.theme_script), scripts loaded from the files
listed in SCRIPTS or in mkdocs.yml, JSON data blocks (type application/json or application/ld+json, the
schema.org metadata: their content must be one JSON value, with no '<' in it — written \\u003c — so that
no markup can hide in one); links to any http(s), mailto or tel address or
within the site; everything that loads (images, styles, icons, forms) from the site itself.
Refused: any other script, event-handler attributes (onerror=…), javascript:/data:/vbscript: and
other schemes in any address, <meta http-equiv> other than the Content-Security-Policy (so no
refresh), frames, objects, embeds, <base>, SVG animation of addresses, link types outside LINK_RELS,
anything that loads from another host, comments and declarations, markup a browser reads otherwise
than it is written, and a '<script' that is not a script. Every start tag the tokenizer reads is
checked, also one the tree leaves out (inside a <select>, where Chromium now keeps what the 2020
algorithm drops). What a page's Markdown holds as written is named there, with its line (and the
built page's); what Markdown made (a [link](javascript:…)) is named in the built page."""
from __future__ import annotations

import json
import os
import re
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from trafiklex.core import cache
from trafiklex.data import yamlio
from trafiklex.website.csp import DATA_TYPES, theme_script
from trafiklex.website.offline import ZIP_PATH
from trafiklex.core import html5
from trafiklex.core.errors import Problem, shown

# scripts the pages load by name: Material's (any file of its assets/javascripts), the files listed
# in mkdocs.yml (extra_javascript, extra.polyfills), and these: three that one page each loads, and the
# colour scheme's, which every page loads at its top (overrides/partials/palette.html)
SCRIPTS = {"assets/javascripts/checklist.js", "assets/javascripts/obligations.js", "assets/javascripts/topic-filter.js",
           "assets/javascripts/color-scheme.js"}
THEME_SCRIPTS = "assets/javascripts/"  # (checked against the theme's own files)
SCRIPT_TYPES = {None, "", "text/javascript"}
INLINE = 300_000  # bytes of pages to check, at most, that are checked in this process rather than in a pool of two
CACHED = "site-policy"  # the kind of the build cache's entries: a page's findings (_check_page_cached)
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
DOCTYPE = "<!DOCTYPE html>"  # (what a built page begins with)


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


class _Page:
    """The policy applied to one page as a browser reads it (trafiklex.core.html5): every start tag the
    tokenizer produced (kept in the tree or not), the scripts' and styles' text from the tree."""

    def __init__(self, page: str, scripts: set[str], theme: Path, base: str = "/"):
        self.page, self.scripts, self.theme, self.base = PurePosixPath(page), scripts, theme, base
        self.found: list[tuple[int, str]] = []
        self.line = 0

    def refuse(self, what: str, line: int | None = None):
        self.found.append((self.line if line is None else line, what))

    def _in_site(self, url: str) -> str | None:
        """The path from the site's root that a relative address names (None if it leaves the site)."""
        path = urlsplit(url).path
        if path.startswith("/"):  # (from the host's root: the site is at `base`, SITE_URL's path)
            return path[len(self.base):] if path.startswith(self.base) else None
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

    def tag(self, tag: html5.Tag):
        self.line, name, attributes = tag.line, tag.name, tag.attributes
        if name == "script":
            self._script(attributes)
        if name in REFUSED_ELEMENTS:
            self.refuse(f"a <{name}> element")
        for key, value in attributes.items():
            if key.startswith("on"):
                self.refuse(f"an event-handler attribute {key}=\"{shown(value, 60)}\" on <{name}>")
            elif key in URL_ATTRIBUTES:
                if name == "script" and key != "src":
                    self.refuse(f"a script loaded by {key}= (only src= of the site's own scripts)")
                elif name == "link" and key == "href":
                    self._link(attributes)
                else:
                    self._check_address(name, key, value)
            elif key == "style" and _STYLE_URL.search(value):
                self.refuse(f"a style attribute that loads or runs something: \"{shown(value, 60)}\"")
            elif key == "attributename" and _address(value).lower() in ("href", "xlink:href"):
                self.refuse(f"<{name}> changes an address (attributeName={value})")
        if name == "meta" and "http-equiv" in attributes and \
                attributes["http-equiv"].strip().lower() != "content-security-policy":
            self.refuse(f"<meta http-equiv=\"{shown(attributes['http-equiv'], 40)}\"> (only the "
                        "Content-Security-Policy may be set by a page; no refresh)")

    def _link(self, attributes: dict):
        rels = set(attributes.get("rel", "").lower().replace(",", " ").split()) or {""}
        unknown = rels - LINK_RELS
        if unknown:
            self.refuse(f"<link rel=\"{shown(attributes.get('rel', ''), 40)}\"> (link types allowed: "
                        f"{', '.join(sorted(LINK_RELS))})")
        else:
            self._check_address("link", "href", attributes.get("href", ""), navigation=not rels & LOADING_RELS)

    def _script(self, attributes: dict):
        kind = _kind(attributes)
        if kind in DATA_TYPES and "src" not in attributes:
            return  # (a data block: its text is read in body())
        if kind not in SCRIPT_TYPES:
            self.refuse(f"a <script type=\"{shown(kind, 40)}\">")
        if "src" in attributes:
            address = _address(attributes["src"])
            path = None if _scheme(address) or address.startswith("//") else self._in_site(address)
            if path is None or not (path in self.scripts or (path.startswith(THEME_SCRIPTS) and
                                                             (self.theme / path).is_file())):
                self.refuse(f"a script that is not the theme's or the site's own: <script src=\"{shown(attributes['src'], 80)}\">")

    def body(self, element):
        """The text of a script or style element of the tree (a script's source is checked with its tag)."""
        name, line, text = html5.local(element)[1], html5.line(element), "".join(element.itertext())
        kind = _kind(element.attrib)
        if name == "style":
            if _STYLE_URL.search(text):
                self.refuse("a <style> element that loads or runs something (url(), @import)", line)
        elif element.get("src") is None and kind in DATA_TYPES:
            self._data_block(text, kind, line)
        elif element.get("src") is None and not theme_script(text):
            self.refuse(f"an inline script that is not the theme's: <script>{shown(text, 60)}", line)

    def _data_block(self, body: str, kind: str, line: int):
        """A JSON data block: one JSON value, and no '<' (which could begin markup: written \\u003c)."""
        if "<" in body:
            self.refuse(f"a <script type=\"{kind}\"> data block with a '<' in it (written \\u003c in JSON): "
                        f"{shown(body, 60)}", line)
            return
        try:
            json.loads(body)
        except ValueError as error:
            self.refuse(f"a <script type=\"{kind}\"> data block that is not JSON ({error.msg}): {shown(body, 60)}", line)


def _kind(attributes) -> str | None:
    kind = attributes.get("type")
    return kind.strip().lower() if kind is not None else None


def check_page(text: str, page: str, scripts: set[str], theme: Path, base: str = "/") -> list[tuple[int, str]]:
    """(line, what) for everything of the page (`page`: its path from the site's root) outside the policy."""
    reading = html5.read(text)
    checker = _Page(page, scripts, theme, base)
    for tag in reading.tags:
        checker.tag(tag)
    for element in reading.tree.iter():
        if html5.local(element)[1] in ("script", "style"):
            checker.body(element)
    found = checker.found
    # a page the build writes is written the plain way: a browser reads it as it is written
    first_tag = reading.tags[0].line if reading.tags else 1
    top = reading.comments[:1] if reading.comments[:1] and reading.comments[0][1] == DOCTYPE and \
        reading.comments[0][0] <= first_tag else []
    for line, what in reading.comments[len(top):]:
        found.append((line, f"a comment or declaration {shown(what, 60)} (a built page has none but its "
                            f"{DOCTYPE} at the top: comments, CDATA, <?…> and <!…> are markup tricks)"))
    for line, code, words in reading.errors:
        found.append((line, f"markup that a browser reads otherwise than it is written ({words})"))
    scripts_read = sum(1 for tag in reading.tags if tag.name == "script")
    written = len(re.findall(r"<script", text, re.I))
    if written != scripts_read:
        found.append((1, f"'<script' written {written} times where the page has {scripts_read} scripts "
                         "(markup that a browser may read otherwise than this check)"))
    return sorted(found)


def _check_page_cached(text: str, page: str, scripts: set[str], theme: Path, base: str) -> list[tuple[int, str]]:
    """check_page's findings, kept in the build cache (trafiklex.core.cache) under the page's path and
    content, the scripts allowed, the theme and the site's path (and this code: a change to the policy
    checks every page again)."""
    found = cache.cached(CACHED, _inputs(text, page, scripts, theme, base),
                         lambda: json.dumps(check_page(text, page, scripts, theme, base)).encode("utf-8"))
    return [(line, what) for line, what in json.loads(found)]


def _inputs(text: str, page: str, scripts: set[str], theme: Path, base: str) -> tuple[str, ...]:
    return page, text, "\n".join(sorted(scripts)), str(theme), base


def _known(job: tuple) -> list[tuple[int, str]] | None:
    """A built page's findings when the build cache has them (None: the page is to be checked)."""
    path, page, scripts, theme, base = job
    try:
        found = cache.get(CACHED, cache.key(CACHED, *_inputs(path.read_text(encoding="utf-8"), page, scripts, theme, base)))
    except UnicodeDecodeError:
        return None
    return None if found is None else [(line, what) for line, what in json.loads(found)]


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


def _language_and_path(page: PurePosixPath, languages: list[str]) -> tuple[str, PurePosixPath]:
    """A built page's language and its path within that language (the first language's pages are at the root)."""
    return (page.parts[0], page.relative_to(page.parts[0])) if page.parts[0] in languages[1:] else (languages[0], page)


def _source_path(page: PurePosixPath, project: Path, languages: list[str]) -> str | None:
    """The page's Markdown, when it is built from one an editor writes (en/links.html ← docs/en/links.md)."""
    lang, rest = _language_and_path(page, languages)
    if rest.parts[0] == "parallel":  # (generated from the document's pages: see _source)
        return None
    source = Path("docs") / lang / rest.with_suffix(".md")
    return source.as_posix() if (project / source).is_file() else None


def _source(page: PurePosixPath, project: Path, languages: list[str]) -> str:
    """Which pages to edit, said after a problem found in the built page `page`."""
    _, rest = _language_and_path(page, languages)
    if rest.parts[0] == "parallel" and len(rest.parts) > 1:  # (a generated side-by-side page: the pages edited)
        edited = [(Path("docs") / each / rest.relative_to("parallel").with_suffix(".md")).as_posix() for each in languages]
        return f" (the side-by-side view of {' and '.join(edited)}: edit those)"
    source = _source_path(page, project, languages)
    return f" (built from {source})" if source else ""


def _written_at(source: Path, page: str, scripts: set[str], theme: Path, base: str) -> dict[str, int]:
    """What the policy finds in the tags written in a page's Markdown (checked as if they stood in the
    built page `page`), each with the first line of the Markdown where it is written."""
    checker = _Page(page, scripts, theme, base)
    for tag in html5.read(source.read_text(encoding="utf-8"), fragment=True).tags:
        checker.tag(tag)
    lines: dict[str, int] = {}
    for line, what in checker.found:
        lines.setdefault(what, line)
    return lines


def _languages(project: Path) -> list[str]:
    return [item["code"] for item in yamlio.load(project / "data" / "languages.yml", project).data["languages"]]


# The kinds of file the site publishes, and nothing else (read from a built site: its pages, styles,
# scripts and their source maps, the search index, the open data, the printed editions, the theme's
# icon and the sitemap's gzip): a browser runs scripts in any page it renders, and it renders as a page
# an .xhtml, .xht, .svg, .htm, .shtml, .mht, .xsl file — or an XML file in the XHTML namespace — and,
# under file:// or a server that does not say, a file of no known kind that begins like HTML.
# suffix → the bytes its content begins with (None: text, checked below)
PUBLISHED = {".html": None, ".css": None, ".js": None, ".map": None, ".json": None, ".yml": None, ".csv": None,
             ".pdf": b"%PDF-", ".png": b"\x89PNG\r\n\x1a\n", ".gz": b"\x1f\x8b", ".xml": b"<?xml ",
             ".tbx": b"<?xml ", ".tmx": b"<?xml "}
# where the project itself writes XML (trafiklex.formats: akn, feed, sitemap; trafiklex.translators: TBX,
# TMX; MkDocs: the sitemap and its gzip): XML is published there only
MADE_HERE = re.compile(r"akn/.+\.xml|(?:.+/)?sitemap\.xml|(?:[a-z]{2,3}/)?feed\.xml|data/[^/]+\.(?:tbx|tmx)|sitemap\.xml\.gz")
MADE_ONLY = {".xml", ".tbx", ".tmx", ".gz"}
# namespaces whose elements a browser runs scripts in, or that transform a document into a page
ACTIVE_NAMESPACES = {"http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg", "http://www.w3.org/1998/Math/MathML",
                     "http://www.w3.org/1999/XSL/Transform", "http://www.w3.org/1999/xlink"}
SITEMAP_LINK = ("http://www.w3.org/1999/xhtml", "link")
POLICY_EXPECTED = ("nothing outside the site's policy (trafiklex/website/sitepolicy.py): no scripts but the site's, no "
                   "event handlers, no javascript: or data: addresses, no meta refresh, nothing loaded from another host")
KINDS_EXPECTED = (f"only the kinds of file the site publishes ({', '.join(sorted(PUBLISHED))}; XML, TBX, TMX and gzip "
                  "only where the project writes them: akn/, sitemap.xml, feed.xml, data/*.tbx|tmx)")


def check_file(path: Path, name: str) -> str | None:
    """What is wrong with one built file `name` (its path from the site's root), by its kind; None if
    nothing is."""
    suffix = PurePosixPath(name).suffix.lower()
    if name == ZIP_PATH:  # (the offline copy, made after this check from what it checked)
        return None
    if suffix not in PUBLISHED:
        return f"a file of a kind the site does not publish ({suffix or 'no extension'})"
    if suffix in MADE_ONLY and not MADE_HERE.fullmatch(name):
        return f"a {suffix} file where the project writes none"
    with path.open("rb") as file:
        head = file.read(512)
    start = PUBLISHED[suffix]
    if start is not None and not head.startswith(start):
        return f"a {suffix} file that does not begin as one ({shown(head[:12].decode('latin-1'), 20)})"
    if start is None and suffix != ".html" and head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c").startswith(b"<"):
        return f"a {suffix} file that begins with '<' (a browser that guesses its kind may take it for a page)"
    if suffix in (".xml", ".tbx", ".tmx"):
        return _xml_problem(path)
    return None


def _xml_problem(path: Path) -> str | None:
    """An XML file the project writes holds data only: no DOCTYPE, no processing instruction (an
    xml-stylesheet would make it a page), no element or attribute of XHTML, SVG, MathML, XSLT, XLink."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError as error:
        return f"the XML file is not well-formed ({shown(error.msg, 80)})"
    subset = tree.docinfo.internalDTD  # (a DOCTYPE that only names its DTD, as TBX and TMX do, is not read)
    if subset is not None and (list(subset.iterelements()) or list(subset.iterentities())):
        return f"the XML file declares entities or elements of its own ({shown(tree.docinfo.doctype, 60)})"
    root = tree.getroot()
    for node in [*root.itersiblings(preceding=True), *root.iter(etree.ProcessingInstruction)]:
        if isinstance(node, etree._ProcessingInstruction):
            return f"the XML file has a processing instruction <?{node.target} …?>"
    for element in root.iter(etree.Element):
        if (etree.QName(element).namespace, etree.QName(element).localname) == SITEMAP_LINK and \
                set(element.attrib) <= {"rel", "hreflang", "href"} and element.get("rel") == "alternate" and \
                _scheme(element.get("href", "")) in ("http", "https"):
            continue  # (a sitemap's link to the page in another language)
        names = [element.tag, *element.attrib]
        namespace = next((etree.QName(n).namespace for n in names if etree.QName(n).namespace in ACTIVE_NAMESPACES), None)
        if namespace:
            return f"the XML file has <{etree.QName(element).localname}> with markup of {namespace}"
    return None


def _check_built_page(job: tuple) -> list[tuple[int, str]] | None:
    path, page, scripts, theme, base = job
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None
    return _check_page_cached(text, page, scripts, theme, base)


def check_files(site: Path, project: Path, under: str = "", languages: list[str] | None = None) -> list[Problem]:
    """Every file of the built site `site` (or of its folder `under`) of a kind it publishes (`languages`:
    the edition's, when the caller has read them)."""
    languages = languages or _languages(project)
    problems = []
    for path in sorted((site / under).rglob("*")):
        if path.is_file() or path.is_symlink():
            name = path.relative_to(site).as_posix()
            problem = "a symbolic link" if path.is_symlink() else check_file(path, name)
            if problem:
                problems.append(Problem(f"site/{name}", problem + _source(PurePosixPath(name), project, languages),
                                        expected=KINDS_EXPECTED))
    return problems


def _theme() -> Path:
    import material  # (the theme's own script files)

    return Path(material.__file__).parent / "templates"


SETTLE_SECONDS = 0.2  # a page's file left alone this long is checked ahead
LOOK_SECONDS = 0.25  # between two looks at the pages written


def check_ahead(site: Path, project: Path, base: str, done: threading.Event) -> None:
    """While MkDocs writes the pages into `site` (until `done` is set), check each page it has written
    and left alone for SETTLE_SECONDS, so that check_site, once MkDocs is done, finds the page's findings
    in the build cache: the check of a build's changed pages runs beside MkDocs' writing of the others,
    not after it. Nothing is reported here: check_site reports (and checks a page read half-written
    again, its content being another). Whatever stops this (mkdocs.yml unreadable: MkDocs says so) only
    leaves more to check_site, which meets it again in the build's own thread and reports it there:
    never a traceback from here."""
    try:
        _check_as_written(site, project, base, done)
    except Exception:
        return


def _check_as_written(site: Path, project: Path, base: str, done: threading.Event) -> None:
    theme, scripts, seen = _theme(), allowed_scripts(project), {}
    while not done.wait(LOOK_SECONDS):
        for path in sorted(site.rglob("*.html")):
            if done.is_set():
                return
            try:
                status = path.stat()
                stamp = (status.st_mtime_ns, status.st_size)
                if seen.get(path) == stamp or time.time() - status.st_mtime < SETTLE_SECONDS:
                    continue
                seen[path] = stamp
                job = _page_job(site, path, scripts, theme, base)
                if _known(job) is None:
                    _check_built_page(job)
            except OSError:  # (a page gone or renamed meanwhile: check_site sees the site as it ends)
                continue


def _page_job(site: Path, path: Path, scripts: set[str], theme: Path, base: str) -> tuple:
    """What a built page's check reads (and its findings are kept under, with the page's content)."""
    return path, path.relative_to(site).as_posix(), scripts, theme, base


def check_site(site: Path, project: Path, base: str = "/") -> list[Problem]:
    """Every file of the built site `site` (published at the path `base`) of a kind it publishes, and every
    page against the policy."""
    theme = _theme()
    scripts = allowed_scripts(project)
    languages = _languages(project)
    problems = check_files(site, project, languages=languages)
    pages = [_page_job(site, path, scripts, theme, base) for path in sorted(site.rglob("*.html"))]
    checked = [_known(job) for job in pages]  # (the pages checked before, as they are now: from the cache)
    todo = [n for n, found in enumerate(checked) if found is None]
    if len(todo) < 2 or sum(pages[n][0].stat().st_size for n in todo) <= INLINE:  # (here, without starting processes)
        made = [_check_built_page(pages[n]) for n in todo]
    else:  # (the parser is pure Python: two processes check twice as fast; an edit's few large pages too)
        pool = ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1))
        try:
            made = list(pool.map(_check_built_page, [pages[n] for n in todo], chunksize=max(1, min(8, len(todo) // 4))))
        finally:  # (interrupted: the pages not begun are not checked)
            pool.shutdown(cancel_futures=True)
    for n, found in zip(todo, made):
        checked[n] = found
    for (_, page, *_), found in zip(pages, checked):
        if found is None:
            problems.append(Problem(f"site/{page}", "the built file is not UTF-8", expected="UTF-8"))
            continue
        source = _source_path(PurePosixPath(page), project, languages) if found else None
        written = _written_at(project / source, page, scripts, theme, base) if source else {}
        for line, what in found:
            if what in written:  # (named where the editor wrote it)
                where = Problem(source, f"{what} (in the built page site/{page}:{line})", line=written[what])
            else:
                where = Problem(f"site/{page}", what + _source(PurePosixPath(page), project, languages), line=line)
            problems.append(Problem(where.file, where.message, line=where.line, expected=POLICY_EXPECTED))
    for path in sorted(site.rglob("*.css")):
        for line, what in check_stylesheet(path.read_text(encoding="utf-8", errors="replace")):
            problems.append(Problem(f"site/{path.relative_to(site).as_posix()}", what, line=line,
                                    expected="style sheets that load only from the site itself"))
    return problems

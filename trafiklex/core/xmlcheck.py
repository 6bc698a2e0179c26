"""Every XML file the project writes (TBX, TMX, Akoma Ntoso, the Atom feeds, the sitemap, SVG) is
read back before it is published: a file that is not well-formed XML stops the build (or the
command that writes it) with its name, line and the parser's words, never reaches a reader."""
from __future__ import annotations

import gzip
from pathlib import Path

from lxml import etree

from trafiklex.core.errors import DataError, Problem

# the files of a built site that are XML, by ending (a sitemap may also be gzipped)
XML_ENDINGS = (".xml", ".tbx", ".tmx", ".svg", ".atom", ".rdf", ".xml.gz")
EXPECTED = "well-formed XML 1.0 (no control characters but tab and line break, no U+FFFE/U+FFFF, no lone surrogates)"


def _parser() -> etree.XMLParser:
    # (nothing loaded from elsewhere: no DTD, no entities, no network)
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def problems(data: bytes, name: str) -> list[Problem]:
    """Why `data` (the file `name`) is not well-formed XML; [] when it is."""
    try:
        etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno and error.lineno > 0 else None
        return [Problem(name, f"the file written is not well-formed XML: {error.msg}", line=line, expected=EXPECTED)]
    return []


def check(data: bytes, name: str) -> bytes:
    """`data` if it is well-formed XML; raises DataError naming `name` otherwise."""
    found = problems(data, name)
    if found:
        raise DataError(found)
    return data


def site_problems(site: Path) -> list[Problem]:
    """Every XML file of a built site read back (names as published, from the site's top)."""
    found: list[Problem] = []
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.name.endswith(XML_ENDINGS):
            data = path.read_bytes()
            name = f"site/{path.relative_to(site).as_posix()}"
            if path.name.endswith(".gz"):
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError) as error:
                    found.append(Problem(name, f"the file written is not gzip: {error}", expected=EXPECTED))
                    continue
            found += problems(data, name)
    return found

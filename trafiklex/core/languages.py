"""The languages of the edition: one list, in one place (data/languages.yml), one of them
authoritative. Everything else takes any number of languages from here."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str            # "sq": the folder of its pages (docs/<code>/), its key in every data text
    name: str            # its own name for itself ("Shqip")
    locale: str          # BCP 47 tag for exchange formats ("sq-AL")
    authoritative: bool
    alpha3: str = ""     # ISO 639-2/T ("sqi"): the language in standard identifiers (Akoma Ntoso URIs)
    search: str = "en"   # the search index's word handling (a lunr language)
    inflects: bool = False  # names take endings in running text (Albanian): found by their words' stems
    connectors: tuple[str, ...] = ()  # words that join bodies in a printed cell ("and", "in cooperation with")


@dataclass(frozen=True)
class Languages:
    items: tuple[Language, ...]

    @classmethod
    def from_data(cls, data: dict) -> "Languages":
        return cls(tuple(Language(item["code"], item["name"], item.get("locale", item["code"]),
                                  bool(item.get("authoritative")), item.get("alpha3", ""), item.get("search", "en"), bool(item.get("inflects")),
                                  tuple(item.get("connectors", ()))) for item in data["languages"]))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    @property
    def authoritative(self) -> str:
        return next(item.code for item in self.items if item.authoritative)

    @property
    def default(self) -> str:
        """The language of the site's root (the authoritative one)."""
        return self.authoritative

    def others(self, lang: str) -> tuple[str, ...]:
        return tuple(code for code in self.codes if code != lang)

    def translations(self) -> tuple[str, ...]:
        """Every language but the authoritative one."""
        return self.others(self.authoritative)

    def get(self, code: str) -> Language:
        return next(item for item in self.items if item.code == code)

    def __iter__(self):
        return iter(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.items)

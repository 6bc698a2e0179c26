"""The sanctions page: the Criminal Code penalties table from the data, with each sanction's numbers
readable at a glance (a bar on a scale of years, and the fine), and each row anchored."""
from __future__ import annotations

from markupsafe import Markup

from trafiklex.views import templating
from trafiklex.core import urls
from trafiklex.data.corpus import Corpus
from trafiklex.views.render import block, present, render

SCALE_YEARS = 25          # the bar's scale: 0–25 years, then a zone for life imprisonment
WIDTH, HEIGHT, LIFE = 220, 18, 24


def _millions(lek: int) -> str:
    value = lek / 1_000_000
    return f"{value:g}"


def summary(corpus: Corpus, sanction: dict, lang: str) -> str:
    """A sanction's numbers in words."""
    w = corpus.words(lang, "sanctions")
    low, high = sanction.get("prison_min"), sanction.get("prison_max")
    if low is not None and high is not None:
        prison = f"{low:g}–{high:g} {w['years']} {w['prison']}"
    elif low is not None:
        prison = corpus.counted(lang, "sanctions.at_least", low, n=f"{low:g}")
    elif high is not None:
        prison = corpus.counted(lang, "sanctions.up_to", high, n=f"{high:g}")
    else:
        prison = ""
    if sanction.get("life"):
        prison = f"{prison} {w['or_life']}" if prison else w["life"]
    if "fine_min" in sanction and "fine_max" in sanction:
        fine = w["fine_range"].format(a=_millions(sanction["fine_min"]), b=_millions(sanction["fine_max"]))
    else:
        fine = w["fine"] if sanction.get("fine") else ""
    text = f"{fine} {w['or']} {prison}" if sanction.get("alternative") else " · ".join(filter(None, [prison, fine]))
    if sanction.get("increase"):
        text = " · ".join(filter(None, [text, w["increase"].format(f=sanction["increase"])]))
    return text


def bar(sanction: dict, text: str) -> Markup:
    """An SVG bar of the prison range on a 0–25-year scale, with a zone at the end for life imprisonment;
    an open-ended range ends in an arrow. A picture of the words beside it (`text`), which it shows on
    hover; hidden from screen readers, which read the words once."""
    low, high, life = sanction.get("prison_min"), sanction.get("prison_max"), sanction.get("life")
    if low is None and high is None and not life:
        return Markup("")
    scale = (WIDTH - LIFE) / SCALE_YEARS
    start = (low or 0) * scale
    end = WIDTH if life else (high * scale if high is not None else WIDTH - LIFE)
    open_end = high is None and not life
    return templating.render(
        "sanction_bar.svg", text=text, width=WIDTH, height=HEIGHT, life=LIFE, scale_width=WIDTH - LIFE,
        start=f"{start:.1f}", range_width=f"{max(end - start, 2):.1f}",
        ticks=[f"{y * scale:.1f}" for y in range(0, SCALE_YEARS + 1, 5)],
        arrow=f"{end - 6:.1f},3 {end:.1f},{HEIGHT / 2 - 2:.1f} {end - 6:.1f},{HEIGHT - 7:.1f}" if open_end else None)


def _numbers(sanction: dict) -> dict:
    return {key: value for key, value in sanction.items() if key != "printed"}


def sanctions(corpus: Corpus, lang: str, here: str = "sanctions") -> str:
    """Every document's penalties table, each row with a link to it in its document (an anchor that
    two documents share is given the second one's document id in front)."""
    articles, used = [], set()
    for document, table in corpus.tables("penalties"):
        page = corpus.document(document)["page"]
        source = corpus.document(document)["short_title"][lang]
        for article in table["articles"]:
            rows = []
            for row in (row for row in article["rows"] if present(row, lang)):
                sanction = row["sanction"][lang]
                words = summary(corpus, sanction, lang)
                differs = [{"lang": other, "summary": summary(corpus, row["sanction"][other], other)}
                           for other in corpus.languages.others(lang)
                           if row["sanction"].get(other) and _numbers(row["sanction"][other]) != _numbers(sanction)]
                rows.append({"id": _anchor(row["id"], document, used), "offence": row["offence"][lang],
                             "printed": sanction["printed"], "source": source,
                             "link": urls.relative(here, lang, page, lang, row["id"], root=corpus.languages.default),
                             "bar": bar(sanction, words), "summary": words, "differs": differs})
            articles.append({"id": _anchor(article["id"], document, used), "article": article["article"], "rows": rows})
    return block(render(corpus, lang, "sanctions.html", articles=articles))


def _anchor(clause_id: str, document: str, used: set[str]) -> str:
    anchor = clause_id if clause_id not in used else f"{document}-{clause_id}"
    used.add(anchor)
    return anchor

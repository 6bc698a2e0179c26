"""The sanctions page: the Criminal Code penalties table from the data, with each sanction's numbers
readable at a glance (a bar on a scale of years, and the fine), and each row anchored."""
from __future__ import annotations

from . import OTHER, urls
from .corpus import Corpus
from .render import block, esc, present

SCALE_YEARS = 25          # the bar's scale: 0–25 years, then a zone for life imprisonment
WIDTH, HEIGHT, LIFE = 220, 18, 24

WORDS = {
    "sq": {"years": "vjet", "at_least": "të paktën {n} vjet burgim", "up_to": "deri në {n} vjet burgim", "life": "burgim i përjetshëm",
           "or_life": "ose burgim i përjetshëm", "fine": "gjobë", "fine_range": "gjobë {a}–{b} milion lek",
           "or": "ose", "increase": "burgimi dhe gjoba shtohen me {f}", "prison": "burgim",
           "columns": ("Neni", "Vepra penale", "Sanksioni (siç është shtypur)", "Me një shikim"),
           "other_text": "Teksti anglez", "in_strategy": "te Strategjia"},
    "en": {"years": "years", "at_least": "at least {n} years’ imprisonment", "up_to": "up to {n} years’ imprisonment", "life": "life imprisonment",
           "or_life": "or life imprisonment", "fine": "fine", "fine_range": "fine of {a}–{b} million lek",
           "or": "or", "increase": "imprisonment and fine increased by {f}", "prison": "imprisonment",
           "columns": ("Article", "Criminal offence", "Sanction (as printed)", "At a glance"),
           "other_text": "The Albanian text", "in_strategy": "in the Strategy"},
}


def _millions(lek: int) -> str:
    value = lek / 1_000_000
    return f"{value:g}"


def summary(sanction: dict, lang: str) -> str:
    """A sanction's numbers in words."""
    w = WORDS[lang]
    low, high = sanction.get("prison_min"), sanction.get("prison_max")
    if low is not None and high is not None:
        prison = f"{low:g}–{high:g} {w['years']} {w['prison']}"
    elif low is not None:
        prison = w["at_least"].format(n=f"{low:g}")
    elif high is not None:
        prison = w["up_to"].format(n=f"{high:g}")
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


def bar(sanction: dict, text: str) -> str:
    """An SVG bar of the prison range on a 0–25-year scale, with a zone at the end for life imprisonment;
    an open-ended range ends in an arrow. A picture of the words beside it (`text`), which it shows on
    hover; hidden from screen readers, which read the words once."""
    low, high, life = sanction.get("prison_min"), sanction.get("prison_max"), sanction.get("life")
    if low is None and high is None and not life:
        return ""
    scale = (WIDTH - LIFE) / SCALE_YEARS
    start = (low or 0) * scale
    end = WIDTH if life else (high * scale if high is not None else WIDTH - LIFE)
    open_end = high is None and not life
    ticks = "".join(f'<line x1="{y * scale:.1f}" y1="{HEIGHT - 4}" x2="{y * scale:.1f}" y2="{HEIGHT}" class="tick"/>'
                    for y in range(0, SCALE_YEARS + 1, 5))
    arrow = (f'<polygon points="{end - 6:.1f},3 {end:.1f},{HEIGHT / 2 - 2:.1f} {end - 6:.1f},{HEIGHT - 7:.1f}" class="open"/>'
             if open_end else "")
    return (f'<svg class="sanction-bar" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" aria-hidden="true">'
            f'<title>{esc(text)}</title>'
            f'<rect x="0" y="2" width="{WIDTH - LIFE}" height="{HEIGHT - 8}" class="scale"/>'
            f'<rect x="{WIDTH - LIFE}" y="2" width="{LIFE}" height="{HEIGHT - 8}" class="life-zone"/>'
            f'<rect x="{start:.1f}" y="3" width="{max(end - start, 2):.1f}" height="{HEIGHT - 10}" class="range"/>'
            f'{arrow}{ticks}</svg>')


def sanctions(corpus: Corpus, lang: str, here: str = "sanctions") -> str:
    w = WORDS[lang]
    other = OTHER[lang]
    table = corpus.penalties
    strategy = corpus.document(table["document"])["page"]
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in w["columns"])
    groups = []
    for article in table["articles"]:
        rows = []
        printed = [row for row in article["rows"] if present(row, lang)]
        for k, row in enumerate(printed):
            link = urls.relative(here, lang, strategy, lang, row["id"])
            first = f'<th scope="rowgroup" rowspan="{len(printed)}">{esc(article["article"])}</th>' if k == 0 else ""
            sanction = row["sanction"][lang]
            words = summary(sanction, lang)
            glance = f'{bar(sanction, words)}<span class="summary">{esc(words)}</span>'
            theirs = row["sanction"].get(other)
            if theirs and {k: v for k, v in theirs.items() if k != "printed"} != {k: v for k, v in sanction.items() if k != "printed"}:
                glance += (f'<p class="differs"><strong>{esc(w["other_text"])}:</strong> '
                           f'<span lang="{other}">{esc(summary(theirs, other))}</span></p>')
            rows.append(f'<tr id="{esc(row["id"])}">{first}<td>{esc(row["offence"][lang])} '
                        f'<a class="source-link" href="{esc(link)}">({esc(w["in_strategy"])})</a></td>'
                        f'<td>{esc(sanction["printed"])}</td><td class="glance">{glance}</td></tr>')
        groups.append(f'<tbody id="{esc(article["id"])}">{"".join(rows)}</tbody>')
    return block(f'<table class="sanctions"><thead><tr>{head}</tr></thead>{"".join(groups)}</table>')

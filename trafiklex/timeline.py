"""A timeline of the action plan (SVG, made at build time): each activity is a dot in its section's
lane, at the month it is due or starts; ongoing duties carry an arrow to the "ongoing" column (on a
row of their own, so that the arrow crosses no other dot), undated ones sit in that column. Each
dot links to its activity and names it by its printed numbering. The picture keeps its size and
scrolls sideways on a narrow screen."""
from __future__ import annotations

from itertools import count

from . import in_language, urls
from .corpus import Corpus
from .model.edition import edition_of
from .render import esc, only_in
from .render_obligations import due_phrase

MONTH_WIDTH, LABEL_WIDTH, ONGOING_WIDTH = 40, 56, 84   # sized for the page's text column (about 700 px)
ROW, TOP, RADIUS, LANE_HEAD = 12, 30, 4.5, 20
COLOURS = ["#1565c0", "#2e7d32", "#ad1457", "#e65100", "#4527a0"]  # one per section, dark enough on white
WORDS = {
    "sq": {"ongoing": "në vazhdimësi", "title": "Afatet e aktiviteteve të Planit të Veprimit kundër Trafikimit të Fëmijëve",
           "desc": "Çdo pikë është një aktivitet, në rreshtin e seksionit të tij dhe në muajin e afatit; "
                   "shigjeta tregon një detyrim që vazhdon."},
    "en": {"ongoing": "ongoing", "title": "Deadlines of the activities of the Child Trafficking Action Plan",
           "desc": "Each dot is an activity, in its section's row and at the month it is due; "
                   "an arrow marks a duty that continues."},
}


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year}-{month:02d}" <= last:
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def timeline(corpus: Corpus, lang: str, here: str = "obligations") -> str:
    words = WORDS[lang]
    plan = corpus.action_plan
    page = corpus.document(plan["document"])["page"]
    items = [(section, activity) for section, _, activity in corpus.activities()]
    dated = [a["due"].get("by") or a["due"].get("from") for _, a in items if a["due"].get("by") or a["due"].get("from")]
    months = _months(min(d for d in dated if len(d) == 7), max(d for d in dated if len(d) == 7))
    years = sorted({d for d in dated if len(d) == 4})  # "2005 and ongoing": a column for the year, before its months
    column = {m: i for i, m in enumerate(years + months)}
    months = years + months
    width = LABEL_WIDTH + len(months) * MONTH_WIDTH + ONGOING_WIDTH
    lanes, y = [], TOP
    for index, section in enumerate(plan["sections"]):
        taken: dict[int, list[tuple[int, int]]] = {}  # row → the columns its dots and arrows cover
        dots = []
        for owner, activity in items:
            if owner is not section:
                continue
            due = activity["due"]
            when = due.get("by") or due.get("from")
            if when:
                col = column[when]
                x = LABEL_WIDTH + col * MONTH_WIDTH + MONTH_WIDTH / 2
            else:
                col = len(months)
                x = LABEL_WIDTH + len(months) * MONTH_WIDTH + ONGOING_WIDTH / 2
            ongoing = bool(due.get("ongoing")) and bool(when)
            covers = (col, len(months) - 1) if ongoing else (col, col)
            level = next(row for row in count()
                         if all(end < covers[0] or start > covers[1] for start, end in taken.get(row, [])))
            taken.setdefault(level, []).append(covers)
            dots.append((x, level, activity, ongoing))
        height = LANE_HEAD + max(len(taken), 1) * ROW + 6
        lanes.append((index, section, y, height, dots))
        y += height
    total_height = y + 24
    out = [f'<div class="timeline-scroll" role="region" tabindex="0" aria-label="{esc(words["title"])}">'
           f'<svg class="timeline" viewBox="0 0 {width} {total_height}" width="{width}" height="{total_height}" '
           f'aria-labelledby="timeline-title-{lang} timeline-desc-{lang}">'
           f'<title id="timeline-title-{lang}">{esc(words["title"])}</title>'
           f'<desc id="timeline-desc-{lang}">{esc(words["desc"])}</desc><defs>'
           + "".join(f'<marker id="timeline-arrow-{i}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" markerHeight="6" '
                     f'orient="auto"><path d="M0 0 L8 4 L0 8 z" fill="{colour}"/></marker>' for i, colour in enumerate(COLOURS))
           + '</defs>']
    edition = edition_of(corpus)
    for i, month in enumerate(months):  # month grid and labels
        x = LABEL_WIDTH + i * MONTH_WIDTH
        out.append(f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{y}" class="grid"/>')
        text = month if len(month) == 4 else f"{month[5:]}/{month[2:4]}"
        out.append(f'<text x="{x + MONTH_WIDTH / 2}" y="{TOP - 10}" class="month">{text}</text>')
    ongoing_x = LABEL_WIDTH + len(months) * MONTH_WIDTH
    out.append(f'<line x1="{ongoing_x}" y1="{TOP - 4}" x2="{ongoing_x}" y2="{y}" class="grid strong"/>')
    out.append(f'<text x="{ongoing_x + ONGOING_WIDTH / 2}" y="{TOP - 10}" class="month">{esc(words["ongoing"])}</text>')
    for index, section, top, height, dots in lanes:
        colour_index = index % len(COLOURS)
        colour = COLOURS[colour_index]
        out.append(f'<rect x="0" y="{top}" width="{width}" height="{height}" class="lane lane-{index % 2}"/>')
        out.append(f'<text x="6" y="{top + 14}" class="lane-label">{esc(section["num"])}. {esc(section["title"][lang])}</text>')
        for x, level, activity, ongoing in dots:
            cy = top + LANE_HEAD + 4 + level * ROW
            text, text_lang = in_language(activity["text"], lang)
            only = f" ({only_in(corpus, lang, text_lang)})" if text_lang != lang else ""
            title = (f"{edition.label(plan['document'], activity['id'], lang, heading=True)}: {text[:140]}{'…' if len(text) > 140 else ''}{only} "
                     f"({due_phrase(corpus, activity['due'], lang)})")
            href = urls.relative(here, lang, page, lang, activity["id"])
            arrow = (f'<line x1="{x + RADIUS}" y1="{cy}" x2="{ongoing_x - 4}" y2="{cy}" class="continues" stroke="{colour}" '
                     f'marker-end="url(#timeline-arrow-{colour_index})"/>' if ongoing else "")
            out.append(f'<a href="{esc(href)}" aria-label="{esc(title)}">{arrow}'
                       f'<circle cx="{x}" cy="{cy}" r="{RADIUS}" fill="{colour}"><title>{esc(title)}</title></circle></a>')
    out.append("</svg></div>")
    return "".join(out)

"""A timeline of the action plan (SVG, made at build time): each activity is a dot in its section's
lane, at the month it is due or starts; ongoing duties carry an arrow to the "ongoing" column (on a
row of their own, so that the arrow crosses no other dot), undated ones sit in that column. Each
dot links to its activity and names it by its printed numbering. The picture keeps its size and
scrolls sideways on a narrow screen."""
from __future__ import annotations

from itertools import count

from markupsafe import Markup

from trafiklex.core import urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of
from trafiklex.views.render import only_in, render, text_in
from trafiklex.views.render_obligations import due_phrase

MONTH_WIDTH, LABEL_WIDTH, ONGOING_WIDTH = 40, 56, 84   # sized for the page's text column (about 700 px)
ROW, TOP, RADIUS, LANE_HEAD = 12, 30, 4.5, 20
COLOURS = ["#1565c0", "#2e7d32", "#ad1457", "#e65100", "#4527a0"]  # one per section, dark enough on white


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year}-{month:02d}" <= last:
        out.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _when(activity: dict) -> str | None:
    """The year or month an activity is due by (or starts): its column. A day is in its month's."""
    due = activity.get("due") or {}
    when = due.get("by") or due.get("from")
    return when[:7] if when else None


def timeline(corpus: Corpus, lang: str, here: str = "obligations") -> Markup:
    items = [(section, activity) for _, section, _, activity in corpus.activities()]
    plans = corpus.tables("activities")
    dated = [when for _, a in items if (when := _when(a))]
    in_months = [d for d in dated if len(d) == 7]
    months = _months(min(in_months), max(in_months)) if in_months else []
    years = sorted({d for d in dated if len(d) == 4})  # "2005 and ongoing": a column for the year, before its months
    column = {m: i for i, m in enumerate(years + months)}
    months = years + months
    width = LABEL_WIDTH + len(months) * MONTH_WIDTH + ONGOING_WIDTH
    ongoing_x = LABEL_WIDTH + len(months) * MONTH_WIDTH
    edition = edition_of(corpus)
    lanes, y = [], TOP
    lane_sections = [(document, section) for document, plan in plans for section in plan["sections"]]
    for index, (document, section) in enumerate(lane_sections):
        page = corpus.document(document)["page"]
        taken: dict[int, list[tuple[int, int]]] = {}  # row → the columns its dots and arrows cover
        dots = []
        for owner, activity in items:
            if owner is not section:
                continue
            due, when = activity.get("due") or {}, _when(activity)
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
            href = urls.relative(here, lang, page, lang, activity["id"], root=corpus.languages.default)
            dots.append({"x": x, "level": level, "ongoing": ongoing, "href": href,
                         "title": _title(corpus, edition, document, activity, lang)})
        height = LANE_HEAD + max(len(taken), 1) * ROW + 6
        colour_index = index % len(COLOURS)
        label = f"{section['num']}. {section['title'][lang]}"
        if len(plans) > 1:  # (the plan's short title first, where there are several)
            label = f"{corpus.document(document)['short_title'][lang]}: {label}"
        lanes.append({"index": index, "top": y, "height": height, "label": label,
                      "colour": COLOURS[colour_index], "colour_index": colour_index,
                      "dots": [{**dot, "cy": y + LANE_HEAD + 4 + dot["level"] * ROW,
                                "arrow_x": dot["x"] + RADIUS, "arrow_end": ongoing_x - 4} for dot in dots]})
        y += height
    grid = [{"x": LABEL_WIDTH + i * MONTH_WIDTH, "middle": LABEL_WIDTH + i * MONTH_WIDTH + MONTH_WIDTH / 2,
             "text": month if len(month) == 4 else f"{month[5:]}/{month[2:4]}"} for i, month in enumerate(months)]
    return render(
        corpus, lang, "timeline.svg", width=width, height=y + 24, bottom=y, top=TOP, radius=RADIUS, colours=COLOURS,
        grid=grid, lanes=lanes, ongoing={"x": ongoing_x, "middle": ongoing_x + ONGOING_WIDTH / 2})


def _title(corpus: Corpus, edition, document: str, activity: dict, lang: str) -> str:
    """What a dot says: the activity's printed numbering, its text (cut at 140 characters), the
    language it is printed in if not this one, and its deadline in words."""
    text, text_lang = text_in(corpus, activity["text"], lang)
    only = f" ({only_in(corpus, lang, text_lang)})" if text_lang != lang else ""
    label = edition.label(document, activity["id"], lang, heading=True)
    cut = text[:140] + ("…" if len(text) > 140 else "")
    return f"{label}: {cut}{only} ({due_phrase(corpus, activity.get('due'), lang)})"

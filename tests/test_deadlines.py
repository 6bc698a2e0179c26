"""The deadline grammar (trafiklex/core/deadlines.py): every form printed in the 2005 texts reads as it
always has, the forms of the later plans read in both languages alike, and what it cannot read it says."""
from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, report
from trafiklex.core import deadlines

# Every deadline printed in the 2005 data (data/documents/*/), as the parser read it before the later
# forms were taught: the same reading, key for key.
PRINTED_2005 = {
    '2005 and ongoing': {'from': '2005', 'ongoing': True},
    '2005 e ne vazhdim': {'from': '2005', 'ongoing': True},
    'cdo 3 muaj': {'every_months': 3},
    'December 2005 and Ongoing': {'from': '2005-12', 'ongoing': True},
    'deri me Dhjetor 2005': {'by': '2005-12'},
    'deri me Qershor 2005': {'by': '2005-06'},
    'deri me Qershor 2006': {'by': '2006-06'},
    'deri me Shtator 2005': {'by': '2005-09'},
    'Deri ne Dhjetor 2005': {'by': '2005-12'},
    'Deri ne dhjetor 2005': {'by': '2005-12'},
    'deri ne Dhjetor 2005': {'by': '2005-12'},
    'deri ne Nentor 2005': {'by': '2005-11'},
    'deri ne Qershor 2005': {'by': '2005-06'},
    'deri ne qershor 2005': {'by': '2005-06'},
    'deri ne qershor 2006': {'by': '2006-06'},
    'deri ne Shtator 2005': {'by': '2005-09'},
    'deri ne shtator 2005': {'by': '2005-09'},
    'deri Shtator 2005': {'by': '2005-09'},
    'Dhjetor 2005 dhe ne vazhdimesi': {'from': '2005-12', 'ongoing': True},
    'every three months': {'every_months': 3},
    'every three months, starting from the date of approval of the Strategy and Action Plan by the Council of Ministers': {'every_months': 3},
    'June 2005 and ongoing': {'from': '2005-06', 'ongoing': True},
    'ne baze tre-mujore': {'every_months': 3},
    'ne vazhdimesi': {'ongoing': True},
    'ne vazhdimesi dhe rast pas rasti': {'case_by_case': True, 'ongoing': True},
    'on a quarterly basis': {'every_months': 3},
    'Ongoing': {'ongoing': True},
    'Ongoing case by case': {'case_by_case': True, 'ongoing': True},
    'Ongoing, case by case': {'case_by_case': True, 'ongoing': True},
    'qershor 2005 e ne vazhdimesi': {'from': '2005-06', 'ongoing': True},
    'September 2005': {'by': '2005-09'},
    'September 2005 and ongoing': {'from': '2005-09', 'ongoing': True},
    'Shtator 2005 dhe ne vazhdimesi': {'from': '2005-09', 'ongoing': True},
    'shtator 2005 e ne vazhdimesi': {'from': '2005-09', 'ongoing': True},
    'Up to December 2005': {'by': '2005-12'},
    'Up to June 2005': {'by': '2005-06'},
    'Up to June 2006': {'by': '2006-06'},
    'Up to Sept 2005': {'by': '2005-09'},
    'Up to Sept 2005, and ongoing': {'by': '2005-09', 'ongoing': True},
    'Up to Sept. 2005': {'by': '2005-09'},
    'Up to September 2005': {'by': '2005-09'},
    'çdo tre muaj nga data e miratimit te Strategjise dhe Planit te Punes ne Keshillin e Ministrave': {'every_months': 3},
}
RELATIVE_2005 = {  # counted from the NRM Agreement's date, 2005-07-18
    "within two months of the coming into force of this Agreement": {"by": "2005-09"},
    "brenda dy muajsh nga hyrja ne fuqi e kesaj Marreveshjeje": {"by": "2005-09"},
}

# The later plans' forms: each Albanian form and its English counterpart read alike.
LATER = [
    (["deri në dhjetor 2009", "deri ne Dhjetor 2009", "By December 2009", "By Dec. 2009", "Until December 2009",
      "deri në fund të dhjetorit 2009", "by the end of December 2009", "Dhjetor 2009"], {"by": "2009-12"}),
    (["deri në fund të vitit 2009", "By the end of 2009", "Until 2009", "deri më 2009"], {"by": "2009"}),
    (["gjatë vitit 2009", "During 2009", "gjate 2009", "in 2009"], {"from": "2009", "by": "2009"}),
    (["2008–2010", "2008-2010", "2008 - 2010", "2008—2010", "nga 2008 deri në 2010", "from 2008 to 2010",
      "vitet 2008-2010"], {"from": "2008", "by": "2010"}),
    (["janar–qershor 2009", "janar-qershor 2009", "January–June 2009", "Jan-Jun 2009",
      "nga janari deri në qershor 2009", "from January to June 2009"], {"from": "2009-01", "by": "2009-06"}),
    (["nëntor 2009 – mars 2010", "November 2009 - March 2010"], {"from": "2009-11", "by": "2010-03"}),
    (["deri më 31.12.2009", "deri me 31/12/2009", "by 31 December 2009", "By December 31, 2009", "31 dhjetor 2009"],
     {"by": "2009-12-31"}),
    (["Tremujori IV 2009", "tremujori i IV 2009", "tremujori i katërt 2009", "tremujori 4 2009", "Q4 2009", "Q 4 2009",
      "4th quarter 2009", "the fourth quarter of 2009", "gjatë tremujorit të katërt të vitit 2009"],
     {"from": "2009-10", "by": "2009-12"}),
    (["tremujori i parë 2010", "tremujori i pare i vitit 2010", "Tremujori I 2010", "Q1 2010", "the first quarter of 2010",
      "1st quarter 2010"], {"from": "2010-01", "by": "2010-03"}),
    (["deri në fund të tremujorit të dytë 2010", "By Q2 2010", "by the end of the second quarter of 2010"],
     {"by": "2010-06"}),
    (["çdo vit", "cdo vit", "Annually", "every year", "yearly", "each year"], {"every_months": 12}),
    (["çdo 6 muaj", "çdo gjashtë muaj", "every six months", "every 6 months", "semi-annually"], {"every_months": 6}),
    (["çdo muaj", "Monthly", "every month"], {"every_months": 1}),
    (["çdo tremujor", "Quarterly", "every quarter", "çdo 3 muaj", "every three months"], {"every_months": 3}),
    (["vazhdimisht", "Vazhdimisht", "në vazhdimësi", "ne vazhdimesi", "Continuous", "continuously", "Ongoing"],
     {"ongoing": True}),
    (["vazhdimisht, rast pas rasti", "Continuously, case by case"], {"ongoing": True, "case_by_case": True}),
    (["2009 e në vazhdim", "2009 and ongoing", "2009 onwards"], {"from": "2009", "ongoing": True}),
    (["deri në qershor 2009 e në vazhdimësi", "Until June 2009 and ongoing", "By June 2009, and ongoing"],
     {"by": "2009-06", "ongoing": True}),
]


def _printed_in(root) -> list[tuple[str, str]]:
    """(document, printed) for every deadline of every document's data."""
    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("deadline"), dict):
                yield from node["deadline"].values()
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)
    return [(path.parent.name, printed) for path in sorted((root / "data" / "documents").glob("*/*.yml"))
            for printed in walk(yaml.safe_load(path.read_text(encoding="utf-8")))]


def test_every_deadline_printed_in_2005_reads_as_before():
    printed = _printed_in(ROOT)
    assert {p for _, p in printed} == set(PRINTED_2005) | set(RELATIVE_2005)
    for document, text in printed:
        reference = "2005-07-18" if text in RELATIVE_2005 else None
        assert deadlines.parse(text, reference) == (PRINTED_2005 | RELATIVE_2005)[text], (document, text)
    report("deadline grammar", f"{len(printed)} printed deadlines of 2005, {len(PRINTED_2005) + len(RELATIVE_2005)} "
                               "forms, read as before")


@pytest.mark.parametrize("forms,due", LATER, ids=[forms[0] for forms, _ in LATER])
def test_the_later_forms_read_alike_in_both_languages(forms, due):
    assert {form: deadlines.parse(form) for form in forms} == {form: due for form in forms}


@pytest.mark.parametrize("printed,says", [
    ("sa më shpejt", "unknown deadline form"),
    ("dhjetor", "unknown deadline form"),                   # a month without its year
    ("Tremujori V 2009", "unknown deadline form"),          # no fifth quarter
    ("gjashtëmujori i parë 2010", "unknown deadline form"),  # half-years: not (yet) in the grammar
    ("deri më 31.02.2009", "not a date of the calendar"),
    ("deri më 31.13.2009", "not a date of the calendar"),
    ("2010–2008", "the period ends before it starts"),
    ("qershor–janar 2009", "the period ends before it starts"),
])
def test_what_the_grammar_cannot_read_it_says(printed, says):
    with pytest.raises(deadlines.DeadlineError, match=says):
        deadlines.parse(printed)
    assert deadlines.try_parse(printed) is None


def test_a_due_written_by_the_editor_names_only_years_printed_in_the_cell():
    printed = "gjashtëmujori i parë 2010"
    assert deadlines.written_for({"from": "2010-01", "by": "2010-06"}, printed)
    assert not deadlines.written_for({"by": "2011-06"}, printed)                       # a year not printed
    assert not deadlines.written_for({"from": "2009-07", "by": "2010-06"}, printed)    # one of its years not printed
    assert not deadlines.written_for({"ongoing": True}, printed)                       # no year: nothing to check


def test_deadlines_sort_by_date_then_recurring_then_ongoing_then_none():
    dues = [None, {"ongoing": True}, {"every_months": 12}, {"by": "2009-12-31"}, {"by": "2009"},
            {"from": "2008", "by": "2010"}, {"by": "2009-12"}]
    assert sorted(dues, key=deadlines.sort_key) == [{"by": "2009"}, {"by": "2009-12"}, {"by": "2009-12-31"},
                                                    {"from": "2008", "by": "2010"}, {"every_months": 12},
                                                    {"ongoing": True}, None]

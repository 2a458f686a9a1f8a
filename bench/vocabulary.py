"""Invented council vocabulary, and sentences made from it, for the benchmarks' data.

Every word list here was written for the benchmarks; nothing is taken from real minutes.
Topics are drawn with Zipf-like weights (a few subjects come up in every meeting, most
rarely), so word frequencies in the archive, and so the cost of searching it, look like
a real council's. Everything is drawn from a ``random.Random`` the caller seeds.
"""

from __future__ import annotations

import random
from itertools import accumulate

COMMITTEES = (
    "Highways and Transport Committee", "Planning Committee", "Licensing Committee",
    "Housing Committee", "Leisure and Culture Committee", "Environment Committee",
    "Finance and Resources Committee", "Children and Families Committee",
    "Adult Social Care Committee", "Audit and Governance Committee", "Cabinet",
    "Overview and Scrutiny Committee", "Parks and Open Spaces Committee",
    "Economic Development Committee", "Community Safety Panel", "Harbour Board",
    "Markets and Fairs Committee", "Cemeteries and Crematorium Committee",
    "Allotments Sub-Committee", "Waste and Recycling Committee", "Public Health Board",
    "Schools Forum", "Employment Committee", "Standards Committee",
    "Burial Grounds Joint Committee",
)

# Subjects of business, most common first: the order sets each one's weight.
TOPICS = (
    "budget", "planning application", "car parking", "school places", "street lighting",
    "recycling", "library", "footpath", "housing allocation", "grant", "playground",
    "allotments", "bus shelter", "community centre", "flood defences", "market",
    "cemetery", "leisure centre", "tree preservation order", "road safety",
    "premises licence", "taxi licensing", "affordable housing", "youth service",
    "sports pitches", "public toilets", "war memorial", "village hall", "cycle route",
    "speed limit", "litter bins", "dog fouling", "grass cutting", "winter gritting",
    "business rates", "council tax", "reserves", "capital programme", "procurement",
    "insurance", "internal audit", "risk register", "members allowances", "election",
    "twinning association", "christmas lights", "farmers market", "swimming pool",
    "skate park", "bowling green", "pavilion", "museum", "theatre", "arts festival",
    "tourism", "harbour dues", "mooring fees", "coastal path", "sea wall", "drainage",
    "pothole repairs", "resurfacing", "pedestrian crossing", "school transport",
    "home to school transport", "early years", "foster care", "care homes",
    "domiciliary care", "carers support", "homelessness", "temporary accommodation",
    "empty homes", "private rented sector", "houses in multiple occupation",
    "noise nuisance", "air quality", "climate emergency", "solar panels",
    "electric vehicle charging", "heat pumps", "woodland", "hedgerows", "wildflower verges",
    "pond restoration", "nature reserve", "bridleway", "rights of way", "stiles",
    "benches", "notice board", "defibrillator", "broadband", "mobile mast",
    "neighbourhood plan", "conservation area", "listed building", "shop frontage",
    "advertisement consent", "enforcement notice", "section 106 contributions",
    "community infrastructure levy", "street naming", "street trading", "pavement licence",
    "gambling policy", "alcohol licensing", "sex establishment policy", "scrap metal dealers",
    "pest control", "food hygiene", "bereavement services", "crematorium", "burial fees",
    "memorial safety", "chapel roof", "boundary wall", "car park charges", "season tickets",
    "bus pass", "community transport", "rural bus services", "railway station",
    "level crossing", "canal towpath", "river bank", "weir", "sluice gates", "reservoir",
)
TOPIC_WEIGHTS = tuple(accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(TOPICS))))

DOCUMENTS = ("report", "update", "strategy", "policy", "review", "business case",
             "action plan", "annual report", "consultation response", "draft scheme",
             "feasibility study", "options appraisal", "revised proposals", "work programme")
OUTCOMES = ("noted", "approved", "adopted", "endorsed", "agreed", "deferred", "received",
            "accepted", "approved subject to minor amendments", "referred back for revision")
OFFICERS = ("Head of Finance", "Director of Place", "Chief Executive", "Head of Legal Services",
            "Town Clerk", "Parish Clerk", "Head of Highways", "Director of Children's Services",
            "Head of Housing", "Environmental Health Manager", "Head of Leisure",
            "Monitoring Officer", "Section 151 Officer", "Planning Manager", "Estates Surveyor",
            "Head of Property", "Licensing Manager", "Democratic Services Manager")
VERBS = ("commission", "procure", "tender for", "consult on", "prepare", "implement",
         "review", "extend", "renew", "negotiate", "publish", "monitor", "refurbish",
         "repair", "replace", "install", "remove", "relocate", "survey", "advertise")
FUNDS = ("general reserve", "capital reserve", "contingency budget", "earmarked reserve",
         "repairs fund", "community grants budget", "highways budget", "revenue budget")
BODIES = ("the county council", "the parish council", "the town council",
          "the police", "the fire service", "the health trust", "local schools",
          "the residents association", "the chamber of trade", "the environment agency",
          "the water company", "neighbouring authorities", "the bus operator")
PLACES = ("High Street", "Mill Lane", "Church Road", "Station Road", "the Market Square",
          "Orchard Way", "Bridge Street", "Castle Hill", "the Recreation Ground",
          "Quarry Lane", "Wharf Road", "Brook Meadow", "the North Ward", "the South Ward",
          "Elmfield", "Ashcombe", "Thornbury Green", "Hollins Cross", "Westgate", "Eastleigh Park")
CONDITIONS = ("subject to funding being confirmed", "subject to planning permission",
              "subject to consultation with ward members", "subject to a further report",
              "subject to the agreement of the landowner", "subject to legal advice",
              "within the existing budget", "for a trial period of twelve months")
SURNAMES = ("Ashworth", "Bellamy", "Carrow", "Dunmore", "Ellery", "Farrant", "Gosling",
            "Hartigan", "Ingleby", "Jessop", "Kershaw", "Lomax", "Merriman", "Nuttall",
            "Oakes", "Pennock", "Quayle", "Rushworth", "Sowerby", "Tindall", "Upcott",
            "Varley", "Whitlock", "Yardley", "Brereton", "Cottam", "Dobson", "Fairclough")
INITIALS = "ABCDEGHJKLMNPRSTW"


def topic(rng: random.Random) -> str:
    """A subject of business, common ones more often."""
    return rng.choices(TOPICS, cum_weights=TOPIC_WEIGHTS)[0]


def member(rng: random.Random) -> str:
    """A councillor: "Cllr J Pennock"."""
    return f"Cllr {rng.choice(INITIALS)} {rng.choice(SURNAMES)}"


def money(rng: random.Random) -> str:
    """A sum: "£12,500"."""
    return f"£{rng.randrange(5, 400) * 250:,}"


def item_title(rng: random.Random) -> str:
    """An agenda item's title: "Car Parking Strategy", "Grant Applications"."""
    words = rng.choice(("{t} {d}", "{t}", "{t} {d} {year}", "{t} at {p}"))
    return words.format(t=topic(rng), d=rng.choice(DOCUMENTS), p=rng.choice(PLACES),
                        year=rng.randrange(1990, 2026)).title().replace(" At ", " at ")


def resolution(rng: random.Random) -> str:
    """The words of one decision, "That …"."""
    form = rng.randrange(8)
    t, t2 = topic(rng), topic(rng)
    if form == 0:
        return f"That the {rng.choice(DOCUMENTS)} on {t} be {rng.choice(OUTCOMES)}."
    if form == 1:
        return (f"That the {rng.choice(OFFICERS)} be authorised to {rng.choice(VERBS)} the "
                f"{t} at {rng.choice(PLACES)}, {rng.choice(CONDITIONS)}.")
    if form == 2:
        return (f"That {money(rng)} be allocated from the {rng.choice(FUNDS)} towards the "
                f"{t}, {rng.choice(CONDITIONS)}.")
    if form == 3:
        return (f"That the {t} {rng.choice(DOCUMENTS)} be referred to the "
                f"{rng.choice(COMMITTEES)} for consideration.")
    if form == 4:
        return (f"That {rng.choice(BODIES)} be asked to {rng.choice(VERBS)} the {t} and the "
                f"{t2} in {rng.choice(PLACES)}.")
    if form == 5:
        return (f"That the {t} {rng.choice(DOCUMENTS)} be {rng.choice(OUTCOMES)} and that a "
                f"further {rng.choice(DOCUMENTS)} on the {t2} be presented to a future meeting.")
    if form == 6:
        return (f"That the application for a {t} at {rng.choice(PLACES)} be "
                f"{rng.choice(('granted', 'refused', 'approved with conditions'))}.")
    return (f"That the fees and charges for {t} be increased by {rng.randrange(1, 9)}% from "
            f"1 April, and that {rng.choice(BODIES)} be informed.")


def sentence(rng: random.Random) -> str:
    """A sentence of discussion, as a note would hold it."""
    form = rng.randrange(6)
    t = topic(rng)
    if form == 0:
        return (f"The {rng.choice(OFFICERS)} introduced the {rng.choice(DOCUMENTS)} on the "
                f"{t}, which set out the options for {rng.choice(PLACES)}.")
    if form == 1:
        return (f"Members discussed the {t} and noted the concerns raised by "
                f"{rng.choice(BODIES)}.")
    if form == 2:
        return (f"It was reported that the cost of the {t} had risen to {money(rng)} "
                f"owing to the condition of the {topic(rng)}.")
    if form == 3:
        return (f"{member(rng)} asked that the views of residents of {rng.choice(PLACES)} "
                f"be taken into account before any decision on the {t}.")
    if form == 4:
        return (f"The Committee was informed that work on the {t} would begin in the "
                f"spring, {rng.choice(CONDITIONS)}.")
    return (f"A petition concerning the {t} in {rng.choice(PLACES)} had been received "
            f"and would be considered alongside the {rng.choice(DOCUMENTS)}.")


def action(rng: random.Random) -> str:
    """An action's words: "Circulate the car parking review to members"."""
    return (f"{rng.choice(VERBS).capitalize()} the {topic(rng)} "
            f"{rng.choice(DOCUMENTS)} and report back")


def words(rng: random.Random, count: int) -> str:
    """About ``count`` words of discussion, in paragraphs of about a hundred words."""
    paragraphs, total = [], 0
    while total < count:
        paragraph = []
        while len(" ".join(paragraph).split()) < 100 and total < count:
            paragraph.append(sentence(rng))
            total += len(paragraph[-1].split())
        paragraphs.append(" ".join(paragraph))
    return "\n".join(paragraphs)


def queries(rng: random.Random, count: int) -> list[str]:
    """Two-word searches a clerk might type: a subject's words, or a subject and a
    decision ("parking approved"), common subjects more often."""
    found: list[str] = []
    while len(found) < count:
        subject = topic(rng).split()
        if len(subject) >= 2 and rng.random() < 0.6:
            start = rng.randrange(len(subject) - 1)
            query = " ".join(subject[start:start + 2])
        else:
            other = rng.choice((rng.choice(OUTCOMES).split()[0], rng.choice(DOCUMENTS).split()[0],
                                topic(rng).split()[0], rng.choice(PLACES).split()[-1].lower()))
            query = f"{subject[0]} {other}"
        if query.split()[0] != query.split()[-1]:
            found.append(query)
    return found

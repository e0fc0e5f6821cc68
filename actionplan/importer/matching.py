"""Names to records: agencies by name, short name, other names or a common variant of one ("the",
"&" for "and", punctuation); people by name. One query each. An agency the file names that does not
exist yet can be proposed for creation: the preview lists it, the confirmation creates it."""

import re

from scrutiny.people.models import Agency, AgencyKind, Person

from .values import CellProblem

SMALL_WORDS = {"of", "and", "the", "for", "in", "on", "to", "&"}
# Words in a new agency's name that say what kind of agency it is, checked in this order.
KIND_WORDS = (
    (AgencyKind.POLICE, ("police", "constabulary")),
    (AgencyKind.NHS_CLUSTER, ("ccg", "clinical commissioning", "cluster", "commissioning")),
    (AgencyKind.NHS_TRUST, ("nhs", "trust", "hospital", "health")),
    (AgencyKind.PARTNERSHIP, ("board", "partnership", "lscb", "safeguarding children")),
    (AgencyKind.COUNCIL, ("council", "borough", "county")),
)


def _key(text: str) -> str:
    text = str(text).casefold().replace("’", "'").replace("&", " and ")
    text = re.sub(r"[^\w' ]+", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def kind_of(name: str) -> str:
    lowered = name.casefold()
    for kind, words in KIND_WORDS:
        if any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in words):
            return kind
    return AgencyKind.OTHER


def short_name_for(name: str, taken: set[str]) -> str:
    words = [w for w in re.findall(r"[\w']+", name) if w.casefold() not in SMALL_WORDS]
    short = name if len(name) <= 12 or len(words) < 2 else "".join(w[0].upper() for w in words)
    short = short[:36]
    candidate, n = short, 2
    while candidate.casefold() in taken:
        candidate, n = f"{short} {n}", n + 1
    return candidate


class AgencyMatcher:
    def __init__(self, agencies=None, propose_new: bool = False):
        self.agencies = list(agencies if agencies is not None else Agency.objects.all())
        self.propose_new = propose_new
        self.proposed: list[Agency] = []  # unsaved, in the order the file names them
        self.by_name: dict[str, Agency] = {}
        for agency in self.agencies:
            names = [agency.name, agency.short_name, *agency.other_names.split(";")]
            for name in names:
                if name.strip():
                    self.by_name.setdefault(_key(name), agency)

    def find(self, text: str) -> Agency | None:
        return self.by_name.get(_key(text))

    def find_within(self, text: str) -> tuple[Agency, str] | None:
        """("Designated Nurse, Arden Cluster" ->) (the agency, the rest of the text), when exactly one part
        of a lead cell names an agency we know."""
        parts = [p.strip() for p in re.split(r"\s*(?:/|,|;|\(|\)|\s-\s|–)\s*", text) if p.strip()]
        found = [(part, self.find(part)) for part in parts]
        agencies = {agency for _part, agency in found if agency is not None}
        if len(agencies) != 1:
            return None
        rest = ", ".join(part for part, agency in found if agency is None)
        return agencies.pop(), rest

    def match(self, text: str) -> Agency:
        agency = self.find(text)
        if agency is not None:
            return agency
        if self.propose_new and len(text) <= Agency._meta.get_field("name").max_length:
            return self._propose(text)
        known = ", ".join(a.short_name for a in self.agencies) or "none yet"
        raise CellProblem(
            f"“{text}” is not an agency we know. Expected the name, short name or another name of an agency "
            f"({known}). An administrator can add the name to the agency's other names."
        )

    def _propose(self, name: str) -> Agency:
        taken = {a.short_name.casefold() for a in [*self.agencies, *self.proposed]}
        # A stand-in id below zero, so that the preview tells proposed agencies apart; never saved.
        agency = Agency(
            pk=-1 - len(self.proposed), name=name, short_name=short_name_for(name, taken), kind=kind_of(name)
        )
        self.proposed.append(agency)
        self.by_name[_key(name)] = agency
        return agency


class PersonMatcher:
    """A lead officer cell names a person when exactly one person has that name; otherwise it is a role."""

    def __init__(self, people=None):
        self.by_name: dict[str, Person | None] = {}
        for person in people if people is not None else Person.objects.all():
            key = _key(person.name)
            # Two people with one name: neither is chosen, the text stays a role.
            self.by_name[key] = None if key in self.by_name else person

    def find(self, text: str) -> Person | None:
        return self.by_name.get(_key(text)) if text else None

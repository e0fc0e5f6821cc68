"""Names to records: agencies by name, short name or other names; people by name. One query each."""

from scrutiny.people.models import Person

from scrutiny.people.models import Agency
from .values import CellProblem


def _key(text: str) -> str:
    return " ".join(str(text).casefold().replace("’", "'").split())


class AgencyMatcher:
    def __init__(self, agencies=None):
        self.agencies = list(agencies if agencies is not None else Agency.objects.all())
        self.by_name: dict[str, Agency] = {}
        for agency in self.agencies:
            names = [agency.name, agency.short_name, *agency.other_names.split(";")]
            for name in names:
                if name.strip():
                    self.by_name.setdefault(_key(name), agency)

    def find(self, text: str) -> Agency | None:
        return self.by_name.get(_key(text))

    def match(self, text: str) -> Agency:
        agency = self.find(text)
        if agency is None:
            known = ", ".join(a.short_name for a in self.agencies) or "none yet"
            raise CellProblem(
                f"“{text}” is not an agency we know. Expected the name, short name or another name of an agency "
                f"({known}). An administrator can add the name to the agency's other names."
            )
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

"""Input no person should type, but someone will: an error next to the field, never a 500."""

import re

import pytest
from django.urls import reverse

from actionplan.models import Action
from scrutiny.review.models import ReviewMembership

from .security_urls import add_records
from .test_forms_property import find_forms

pytestmark = pytest.mark.django_db

HUGE = ["99999999999999999999", "9" * 400, "99999999999", "-99999999999"]


def date_groups(form) -> list[str]:
    names = {f.name for f in form.fields}
    return sorted(n[:-2] for n in names if n.endswith("_2") and f"{n[:-2]}_0" in names and f"{n[:-2]}_1" in names)


def page_values(form) -> dict:
    data = {}
    for field in form.fields:
        if field.type in ("radio", "select") and field.options and not field.value:
            data[field.name] = next((o for o in field.options if o), "")
        elif field.type not in ("file", "checkbox", "multiple"):
            data[field.name] = field.value
    return data


def test_every_day_month_year_box_refuses_huge_numbers_next_to_the_field(client, world):
    records = add_records(world)
    client.raise_request_exception = False
    targets = [
        (url, person, form, group)
        for _name, url, person, form in find_forms(client, records)
        for group in date_groups(form)
    ]
    # 6 dates of 3 boxes each when this was written (the 18 boxes of issue 18).
    assert len(targets) >= 6, f"Found only {len(targets)} dates: is the walk finding the forms?"
    problems = []
    for url, person, form, group in targets:
        client.force_login(getattr(records, person))
        for index in range(3):
            for huge in HUGE:
                data = {**page_values(form), f"{group}_0": "1", f"{group}_1": "1", f"{group}_2": "2020"}
                data[f"{group}_{index}"] = huge
                response = client.post(url, data)
                page = response.content.decode()
                if response.status_code != 200 or "must be a real date" not in page:
                    problems.append(f"{url} {group}_{index}={huge[:12]}: {response.status_code}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("tampered", ["abc", "1.5", "99999999999999999999", "9" * 40, "1e309", "\u202e1"])
def test_a_tampered_autocomplete_value_in_the_admin_gives_a_form_error(client, world, tampered):
    client.raise_request_exception = False
    client.force_login(world.ada)
    action = Action.objects.first()
    url = reverse("admin:actionplan_action_change", args=[action.pk])
    response = client.post(
        url,
        {
            "plan": action.plan_id,
            "area": action.area_id,
            "lead_agency": action.lead_agency_id,
            "description": action.description,
            "status": action.status,
            "lead_officer": tampered,
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_a_tampered_person_in_an_admin_inline_gives_a_form_error(client, world):
    client.raise_request_exception = False
    client.force_login(world.ada)
    review = world.review
    url = reverse("admin:review_review_change", args=[review.pk])
    page = client.get(url).content.decode()
    prefix = re.search(r'name="([\w-]+)-TOTAL_FORMS"', page).group(1)
    memberships = list(ReviewMembership.objects.filter(review=review))
    data = {
        "title": review.title,
        "state": review.state,
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-0-person": "not-a-person",
        f"{prefix}-0-role": memberships[0].role,
    }
    for formset in set(re.findall(r'name="([\w-]+)-TOTAL_FORMS"', page)) - {prefix}:
        data.update({f"{formset}-TOTAL_FORMS": "0", f"{formset}-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()

"""The action-plan deadline as people see it: the sentence of the shared include, the pages that show
an inspection, and the admin where an administrator sets the type, the dates and the rules."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from actionplan.models import Inspection, InspectionType

from .import_helpers import HEREFORD, upload

pytestmark = pytest.mark.django_db

REPORT = datetime.date(2014, 12, 1)  # 70 working days on: 12 March 2015
EXPECTED_ON_24_FEBRUARY_2015 = (
    "Action plan due by 12 March 2015 (70 working days after the report was published on 1 December 2014): "
    "12 working days left."
)


@pytest.fixture
def fixed_today(monkeypatch):
    def set_today(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return set_today


def make_type(code="TEST-ILACS", amount=70, unit=InspectionType.Unit.WORKING_DAYS, name=None):
    kind = InspectionType(
        name=name or f"Children's services ({code})", code=code, plan_due_after=amount, plan_due_unit=unit
    )
    kind.save()
    return kind


def typed(inspection, kind, published_on=REPORT, plan_published_on=None):
    inspection.inspection_type = kind
    inspection.published_on = published_on
    inspection.plan_published_on = plan_published_on
    inspection.save()
    return inspection


def sentence(inspection) -> str:
    return " ".join(render_to_string("actionplan/_plan_deadline.html", {"inspection": inspection}).split())


def test_the_sentence_gives_the_due_date_the_rule_and_the_working_days_left(world, fixed_today):
    fixed_today(datetime.date(2015, 2, 24))
    typed(world.inspection, make_type())
    assert sentence(world.inspection) == EXPECTED_ON_24_FEBRUARY_2015


def test_the_sentence_says_a_plan_published_in_time_was_on_time(world, fixed_today):
    fixed_today(datetime.date(2015, 6, 1))
    typed(world.inspection, make_type(), plan_published_on=datetime.date(2015, 3, 12))
    assert sentence(world.inspection).endswith("): published on 12 March 2015 – on time.")


def test_the_sentence_says_how_late_a_late_plan_was(world, fixed_today):
    fixed_today(datetime.date(2015, 6, 1))
    typed(world.inspection, make_type(), plan_published_on=datetime.date(2015, 3, 17))
    assert sentence(world.inspection).endswith("): <strong>published on 17 March 2015 – 3 working days late</strong>.")


def test_the_sentence_says_a_missing_plan_is_overdue(world, fixed_today):
    fixed_today(datetime.date(2015, 3, 16))
    typed(world.inspection, make_type())
    assert sentence(world.inspection).endswith("): <strong>2 working days overdue, not yet published</strong>.")


def test_a_months_rule_counts_days_left_in_calendar_days(world, fixed_today):
    fixed_today(datetime.date(2015, 2, 18))
    monthly = make_type(amount=1, unit=InspectionType.Unit.MONTHS)
    typed(world.inspection, monthly, published_on=datetime.date(2015, 1, 31))
    assert sentence(world.inspection) == (
        "Action plan due by 28 February 2015 (1 month after the report was published on 31 January 2015): 10 days left."
    )


def test_without_a_report_date_it_says_so(world):
    typed(world.inspection, make_type(), published_on=None)
    assert sentence(world.inspection) == (
        "Action plan due 70 working days after the report is published: no report date recorded."
    )


def test_without_a_type_or_a_period_it_says_there_is_no_deadline(world):
    assert sentence(world.inspection) == "No action plan deadline: the type of inspection is not recorded."
    typed(world.inspection, make_type(code="TEST-DFE", amount=None, name="DfE improvement notice (test)"))
    assert sentence(world.inspection) == "No action plan deadline: DfE improvement notice (test) sets no fixed period."


def test_many_inspections_show_their_deadlines_with_one_query(world, django_assert_max_num_queries, fixed_today):
    fixed_today(datetime.date(2015, 2, 24))
    kinds = [make_type(code=f"T{n}", amount=10 + n) for n in range(5)]
    for n in range(20):
        Inspection(
            title=f"Inspection {n}",
            body_inspected="A council",
            inspection_type=kinds[n % 5],
            published_on=REPORT + datetime.timedelta(days=n),
        ).save()
    with django_assert_max_num_queries(1):
        inspections = list(Inspection.objects.select_related("inspection_type"))
        sentences = [sentence(inspection) for inspection in inspections]
    assert len(sentences) == 21
    assert sum("working days left" in s or "overdue" in s for s in sentences) == 20


def test_the_area_action_and_review_pages_show_the_deadline(client, world, fixed_today):
    fixed_today(datetime.date(2015, 2, 24))
    typed(world.inspection, make_type())
    client.force_login(world.maya)
    review = world.review
    for url in (
        reverse("area_detail", args=[world.area1.pk]),
        reverse("action_detail", args=[world.wcc_action.pk]),
        reverse("review_detail", args=[review.pk]),
    ):
        page = " ".join(client.get(url).content.decode().split())
        assert EXPECTED_ON_24_FEBRUARY_2015 in page, url


def test_the_import_done_page_shows_the_deadline(client, world):
    typed(world.inspection, make_type(), published_on=None)
    client.force_login(world.ada)
    session = client.session
    session["plan_import_result"] = {
        "inspection_id": world.inspection.pk,
        "file_name": "plan.csv",
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "new_areas": 0,
        "area_changes": 0,
        "new_plans": 0,
    }
    session.save()
    page = client.get(reverse("plan_import_done")).content.decode()
    assert "Action plan due 70 working days after the report is published: no report date recorded." in page


PLAN = b"Area number,Area for improvement,Action reference,Action,Lead agency\n1,Caseloads,1.1,Audit,WCC\n"


def test_a_new_inspection_from_the_import_has_the_type_chosen_on_the_upload_form(client, world):
    kind = make_type()
    client.force_login(world.ada)
    response = upload(client, PLAN, "plan.csv", new_inspection=HEREFORD.inspection, new_inspection_type=str(kind.pk))
    assert response.status_code == 302 and response.url == reverse("plan_import_preview")
    preview = client.get(response.url).context["preview"]
    response = client.post(reverse("plan_import_confirm"), {"digest": preview.digest})
    assert response.url == reverse("plan_import_done")
    inspection = Inspection.objects.get(title="Herefordshire SIF 2014")
    assert inspection.inspection_type == kind
    assert inspection.history.latest().history_user == world.ada
    done = client.get(response.url).content.decode()
    assert "Action plan due 70 working days after the report is published: no report date recorded." in done


def test_the_upload_form_refuses_a_type_for_an_existing_inspection_next_to_the_field(client, world):
    client.force_login(world.ada)
    response = upload(
        client, PLAN, "plan.csv", inspection=str(world.inspection.pk), new_inspection_type=str(make_type().pk)
    )
    assert response.status_code == 200
    assert "change its type in Administration" in response.context["form"].errors["new_inspection_type"][0]


def test_an_administrator_sets_the_type_and_the_dates_and_the_history_says_who(client, world, fixed_today):
    fixed_today(datetime.date(2015, 6, 1))
    kind = make_type()
    client.force_login(world.ada)
    url = reverse("admin:actionplan_inspection_change", args=[world.inspection.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "inspectorates": [i.pk for i in world.inspection.inspectorates.all()],
            "inspection_type": kind.pk,
            "published_on": "01/12/2014",
            "plan_published_on": "17/03/2015",
            "judgements-TOTAL_FORMS": "0",
            "judgements-INITIAL_FORMS": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    inspection = Inspection.objects.get(pk=world.inspection.pk)
    assert inspection.plan_deadline().status_text == "published on 17 March 2015 – 3 working days late"
    latest = inspection.history.latest()
    assert latest.inspection_type_id == kind.pk and latest.history_user == world.ada
    page = " ".join(client.get(url).content.decode().split())
    assert "Action plan due by 12 March 2015" in page and "3 working days late" in page


def test_an_administrator_changes_a_types_rule_and_a_period_of_0_is_refused_next_to_the_field(client, world):
    kind = make_type()
    client.force_login(world.ada)
    url = reverse("admin:actionplan_inspectiontype_change", args=[kind.pk])
    data = {
        "name": kind.name,
        "code": kind.code,
        "plan_due_after": "0",
        "plan_due_unit": "working_days",
        "rule_source": "Ofsted ILACS framework",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "plan_due_after" in response.context["adminform"].form.errors
    response = client.post(url, {**data, "plan_due_after": "3", "plan_due_unit": "months"})
    assert response.status_code == 302
    kind.refresh_from_db()
    assert kind.rule_text == "3 months after the report is published"
    assert kind.history.latest().history_user == world.ada

"""Every tenant row's organisation equals its parent's, and the database says so."""

import pytest
from django.db import IntegrityError, transaction

from tuuma.accounts.demo import seed_organisation
from tuuma.lib.apps import app_modules
from tuuma.organisation.models import ServiceArea, Unit
from tuuma.organisation.tenancy import mismatches, tenant_relations


def test_relations_between_tenant_tables_are_found():
    names = {(r.model.__name__, r.field.name) for r in tenant_relations()}
    assert ("Unit", "service_area") in names
    assert ("Membership", "user") not in names  # people are not tenant parents


@pytest.mark.django_db
def test_the_demo_municipality_has_no_row_outside_its_parents_organisation():
    demo = seed_organisation()
    for module in app_modules("demo", exclude=("tuuma.organisation", "tuuma.accounts")):
        module.seed(demo)
    assert {r.name: mismatches(r) for r in tenant_relations()} == {
        r.name: 0 for r in tenant_relations()
    }


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_a_row_of_another_organisation_than_its_parent(
    org, other_org
):
    area = ServiceArea.objects.create(organisation=org, name="Tekniset", slug="t")
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(organisation=other_org, service_area=area, name="X")
    unit = Unit.objects.create(organisation=org, service_area=area, name="Y")
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.filter(pk=unit.pk).update(organisation=other_org)

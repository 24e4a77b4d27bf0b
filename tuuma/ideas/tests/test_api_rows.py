"""The ideas API's rows, read directly (``IdeaSerializer.to_representation``),
are exactly what DRF's walk over the declared fields gives (issue 23)."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from rest_framework import serializers

from tuuma.ideas import actions
from tuuma.ideas.api.serializers import IdeaSerializer, IdeaStaffSerializer
from tuuma.ideas.models import Idea
from tuuma.ideas.tests.factories import answered_idea, make_idea

pytestmark = pytest.mark.django_db


def test_direct_rows_equal_the_declared_fields(org, world, cast):
    answered = answered_idea(org, cast.resident, cast.manager)
    merged = make_idea(org, cast.resident, title="Yhdistetty", location_name="Tori")
    actions.idea_merge(idea=merged, into=answered, by=cast.manager)
    Idea.objects.filter(pk=merged.pk).update(author=None)
    Idea.objects.filter(pk=world["public"].pk).update(impact_score=3)
    request = RequestFactory().get("/api/v1/ideas")
    request.organisation = org
    ideas = list(Idea.objects.filter(organisation=org).select_related("author"))
    assert len(ideas) >= 8
    for language in ("fi", "sv"):
        with translation.override(language):
            for serializer_class in (IdeaSerializer, IdeaStaffSerializer):
                serializer = serializer_class(context={"request": request})
                for idea in ideas:
                    generic = serializers.ModelSerializer.to_representation(
                        serializer, idea
                    )
                    direct = serializer.to_representation(idea)
                    assert direct == dict(generic), idea.title
                    assert list(direct) == list(generic)

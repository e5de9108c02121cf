"""The commitment list's direct rendering (CommitmentSerializer.to_representation) gives
exactly what DRF's field-by-field rendering of the declared fields gives."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from rest_framework import serializers

from ogp.api import plan_selectors
from ogp.api.plan_serializers import CommitmentSerializer
from ogp.plans.selectors import ExplorerFilters

pytestmark = pytest.mark.django_db

CODING = {
    "design.relevance": {"code": "1", "text": "", "level": "yes", "state": "value"},
    "design.specificity": {"code": "2", "text": "Medium", "level": "medium", "state": "value"},
    "midterm.completion": {"code": "4", "text": "Substantial", "level": "substantial",
                           "state": "value"},
    "end_of_term.completion": {"code": "ND", "text": "", "level": "", "state": "nd"},
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_direct_rendering_is_drfs(plans_data, language):
    from ogp.plans.models import Commitment

    Commitment.objects.filter(identifier="ZZ0002").update(
        irm_coding=CODING, progress=Decimal("42.5"), progress_level="substantial",
        start_date=datetime.date(2021, 9, 1), end_date=datetime.date(2023, 8, 31),
        is_active=True, completion="substantial",
    )  # fmt: skip
    rows = list(plan_selectors.commitments(ExplorerFilters()))
    assert len(rows) >= 3
    with translation.override(language):
        serializer = CommitmentSerializer(rows, many=True)
        direct = serializer.data
        child = serializer.child
        generic = [serializers.ModelSerializer.to_representation(child, row) for row in rows]
    assert [dict(d) for d in direct] == [dict(g) for g in generic]
    assert any(d["irm"]["coding"] for d in direct)
    assert any(d["progress"] == "42.5" for d in direct)

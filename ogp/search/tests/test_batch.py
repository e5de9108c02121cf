"""A batch of writes (ogp.core.batch) reindexes its objects once, at its end, in its
transaction; the index then says exactly what saving them one by one would have said."""

import pytest
from django.db import transaction

from ogp.core import batch
from ogp.organisations.tests.factories import OrganisationFactory
from ogp.search.models import SearchDocument
from ogp.search.selectors import search_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def texts(country, other_country):
    return {
        "fr": OrganisationFactory(
            name="Observatoire budgétaire",
            country=country,
            description="Nous suivons la transparence du budget de l'État.",
        ),
        "es": OrganisationFactory(
            name="Red ciudadana", country=other_country, description="Vigilamos el presupuesto."
        ),
        "en": OrganisationFactory(
            name="Open Contracting Watch",
            country=other_country,
            description="We monitor public procurement contracts and spending.",
        ),
    }


def test_saves_in_a_batch_are_indexed_together_at_its_end(texts):
    fr, en = texts["fr"], texts["en"]
    fr.description = "Nous suivons les marchés publics."
    en.description = "Now about beneficial ownership registers."
    with batch.deferred():
        fr.save()
        en.save()
        # not yet: the index is written once, when the batch ends
        assert search_documents("registers", language="en").total == 0
    assert search_documents("registers", language="en").total == 1
    assert search_documents("procurement", language="en").total == 0
    assert titles(search_documents("marchés", language="fr")) == ["Observatoire budgétaire"]


def test_a_batch_gives_the_same_index_as_single_saves(texts):
    def snapshot():
        return list(
            SearchDocument.objects.order_by("kind", "object_id", "language").values_list(
                "kind", "object_id", "language", "title", "body", "country", "policy_areas"
            )
        )

    orgs = [texts["fr"], texts["es"], texts["en"]]
    for i, org in enumerate(orgs):
        org.description = f"Changed {i} contracting"
        org.save()
    one_by_one = snapshot()
    for org in orgs:
        org.description = "something else"
        org.save()
    with batch.deferred():
        for i, org in enumerate(orgs):
            org.description = f"Changed {i} contracting"
            org.save()
            org.save()  # saved twice: reindexed once
    assert snapshot() == one_by_one
    assert search_documents("contracting", language="en").total == 3


def test_an_error_in_the_batch_indexes_nothing_and_rolls_back(texts):
    en = texts["en"]
    with pytest.raises(RuntimeError), transaction.atomic(), batch.deferred():
        en.description = "Now about beneficial ownership registers."
        en.save()
        raise RuntimeError
    assert search_documents("registers", language="en").total == 0
    assert search_documents("procurement", language="en").total == 1
    # the next batch starts empty
    with batch.deferred():
        pass
    assert search_documents("registers", language="en").total == 0


def test_outside_a_batch_a_save_is_indexed_at_once(texts):
    en = texts["en"]
    en.description = "Now about beneficial ownership registers."
    en.save()
    assert not batch.defer("key", lambda items: None, 1)
    assert search_documents("registers", language="en").total == 1


def titles(results):
    return [h.title for h in results.hits]

"""Which objects are searchable and what of them is indexed.

Adding a type (plans, commitments... when they land) is one `register(...)` call in the owning
layer's app above this one, or here: a model, a kind, and a function returning its documents
(empty when the object is not public). The index follows saves and deletes through signals
sent by the services' writes, and `manage.py search_reindex` rebuilds it from scratch.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from ogp.core import batch

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass(frozen=True)
class Doc:
    language: str
    title: str
    body: str
    url: str
    country: str = ""
    country_name: str = ""
    policy_areas: tuple[str, ...] = ()
    year: int | None = None


@dataclass(frozen=True)
class Registration:
    model: type[Model]
    kind: str
    documents: Callable[[Any], list[Doc]]
    queryset: Callable[[], QuerySet[Any]]
    related: tuple[Any, ...] = field(default=())  # m2m "through" models that change the text


REGISTRY: dict[str, Registration] = {}


def register(reg: Registration) -> None:
    REGISTRY[reg.kind] = reg
    uid = f"search-{reg.kind}"
    post_save.connect(_saved, sender=reg.model, dispatch_uid=uid, weak=False)
    post_delete.connect(_deleted, sender=reg.model, dispatch_uid=uid + "-del", weak=False)
    for through in reg.related:
        m2m_changed.connect(_m2m, sender=through, dispatch_uid=uid + "-m2m", weak=False)


def _registration_for(model: type[Model]) -> Registration | None:
    for reg in REGISTRY.values():
        if issubclass(model, reg.model):
            return reg
    return None


def _saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # fixtures being loaded
        return
    reg = _registration_for(sender)
    if reg is None:
        return
    # the index lives in the same database: written in the writer's transaction, it commits
    # or rolls back with the change itself; a batch of writes (ogp.core.batch) reindexes its
    # objects once, together, at its end
    if not batch.defer(("search", reg.kind), partial(reindex_objects, reg), instance.pk):
        reindex_object(reg, instance.pk)


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    reg = _registration_for(sender)
    if reg is not None:
        from .backends import backend

        backend().remove(reg.kind, str(instance.pk))


def _m2m(sender: Any, instance: Model, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        _saved(type(instance), instance)


def reindex_object(reg: Registration, pk: Any) -> None:
    from .backends import backend

    obj = reg.queryset().filter(pk=pk).first()
    docs = reg.documents(obj) if obj is not None else []
    backend().replace(reg.kind, str(pk), docs)


def reindex_objects(reg: Registration, pks: list[Any]) -> None:
    """Reindex several objects of one type: one read of the objects and of their documents."""
    from .backends import backend

    wanted = list(dict.fromkeys(pks))
    objs = {obj.pk: obj for obj in reg.queryset().filter(pk__in=wanted)}
    backend().replace_many(
        reg.kind,
        {str(pk): reg.documents(objs[pk]) if pk in objs else [] for pk in wanted},
    )


@transaction.atomic  # one commit for the whole rebuild, not one per document
def reindex_all(kinds: Iterable[str] | None = None) -> int:
    from .backends import backend

    count = 0
    for kind in kinds or REGISTRY:
        reg = REGISTRY[kind]
        backend().clear(kind)
        for obj in reg.queryset().iterator(chunk_size=500):
            docs = reg.documents(obj)
            backend().replace(kind, str(obj.pk), docs)
            count += len(docs)
    return count


# --- the objects the platform holds today ---------------------------------------------------


def _in_languages(build: Callable[[str], Doc]) -> list[Doc]:
    docs = []
    for language in LANGUAGES:
        with translation.override(language):
            docs.append(build(language))
    return docs


def _country_docs(country: Any) -> list[Doc]:
    def build(language: str) -> Doc:
        name = {"fr": country.name_fr, "es": country.name_es}.get(language) or country.name_en
        return Doc(
            language=language,
            title=name,
            body=" ".join(
                [
                    country.name_en,
                    country.name_fr,
                    country.name_es,
                    country.iso3,
                    str(country.get_membership_status_display()),
                ]
            ),
            url=country.get_absolute_url(),
            country=country.iso3,
            country_name=name,
        )

    return _in_languages(build)


def _country_fields(obj: Any, language: str) -> dict[str, Any]:
    c = getattr(obj, "country", None)
    if c is None:
        return {"country": "", "country_name": ""}
    name = {"fr": c.name_fr, "es": c.name_es}.get(language) or c.name_en
    return {"country": c.iso3, "country_name": name}


def _organisation_docs(org: Any) -> list[Doc]:
    if org.is_hidden:
        return []
    areas = tuple(sorted(f.code for f in org.focus_areas.all()))

    def build(language: str) -> Doc:
        labels = [str(f.label) for f in org.focus_areas.all()]
        return Doc(
            language=language,
            title=org.name,
            body=" ".join([org.description, str(org.get_kind_display()), *labels]),
            url=org.get_absolute_url(),
            policy_areas=areas,
            year=org.created_at.year,
            **_country_fields(org, language),
        )

    return _in_languages(build)


def _forum_docs(forum: Any) -> list[Doc]:
    def build(language: str) -> Doc:
        return Doc(
            language=language,
            title=forum.name,
            body="\n".join([forum.description, forum.rules_of_participation]),
            url=forum.get_absolute_url(),
            year=forum.established_on.year,
            **_country_fields(forum, language),
        )

    return _in_languages(build)


def _event_docs(event: Any) -> list[Doc]:
    def build(language: str) -> Doc:
        return Doc(
            language=language,
            title=event.title,
            body="\n".join([event.description, event.location, str(event.get_kind_display())]),
            url=event.get_absolute_url(),
            year=event.starts_at.year,
            **_country_fields(event, language),
        )

    return _in_languages(build)


def _letter_docs(letter: Any) -> list[Doc]:
    if letter.state != "accepted":
        return []
    from django.urls import reverse

    def build(language: str) -> Doc:
        fields = _country_fields(letter, language)
        return Doc(
            language=language,
            title=f"{letter.reference} — {fields['country_name']}",
            body="\n".join(
                [letter.past_reforms, letter.responsible_ministry, letter.signatory_agency]
            ),
            url=reverse("membership:country", args=[letter.country.iso3]),
            year=(letter.accepted_on or letter.created_at).year,
            **fields,
        )

    return _in_languages(build)


def _register_platform_types() -> None:
    from ogp.countries.models import Country
    from ogp.membership.models import LetterOfIntent
    from ogp.organisations.models import Organisation
    from ogp.participation.models import Event, Forum

    register(Registration(Country, "country", _country_docs, lambda: Country.objects.all()))
    register(
        Registration(
            Organisation,
            "organisation",
            _organisation_docs,
            lambda: Organisation.objects.select_related("country").prefetch_related("focus_areas"),
            related=(Organisation.focus_areas.through,),
        )
    )
    register(
        Registration(Forum, "forum", _forum_docs, lambda: Forum.objects.select_related("country"))
    )
    register(
        Registration(Event, "event", _event_docs, lambda: Event.objects.select_related("country"))
    )
    register(
        Registration(
            LetterOfIntent,
            "letter",
            _letter_docs,
            lambda: LetterOfIntent.objects.select_related("country"),
        )
    )


_register_platform_types()

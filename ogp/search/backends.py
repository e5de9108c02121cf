"""One search interface, two engines: PostgreSQL full-text search (per-language configurations
with unaccent, GIN index) in production, SQLite FTS5 on the embedded default. Pages and the API
call `backend().search(...)` and never know which one answers."""

import html
import json
import re
from abc import ABC, abstractmethod
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Count, QuerySet
from django.utils.safestring import SafeString, mark_safe

from .models import SearchDocument
from .registry import Doc
from .text import WORD, fold, terms

PG_CONFIGS = {"en": "ogp_en", "fr": "ogp_fr", "es": "ogp_es"}
START, STOP = "\x02", "\x03"  # highlight markers, replaced after escaping the text
MAX_QUERY = 200
FACET_SCAN = 2000


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    country: str = ""
    area: str = ""
    year: int | None = None


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    country: str
    country_name: str
    year: int | None
    excerpt: SafeString
    rank: float

    @property
    def kind_label(self) -> str:
        from .models import DocumentKind

        return str(dict(DocumentKind.choices).get(self.kind, self.kind))


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


def _marked_to_html(text: str) -> SafeString:
    escaped = html.escape(text)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


class BaseBackend(ABC):
    def replace(self, kind: str, object_id: str, docs: list[Doc]) -> None:
        """The documents of one object, replacing what was indexed for it. Documents whose
        stored fields are already the same are left alone (a save that changes nothing
        indexed costs one query)."""
        self.replace_many(kind, {object_id: docs})

    def replace_many(self, kind: str, docs_by_object: dict[str, list[Doc]]) -> None:
        """`replace` for several objects of one kind, reading their stored documents at once."""
        stored: dict[tuple[str, str], SearchDocument] = {
            (d.object_id, d.language): d
            for d in SearchDocument.objects.filter(kind=kind, object_id__in=list(docs_by_object))
        }
        wanted = {(oid, d.language) for oid, docs in docs_by_object.items() for d in docs}
        gone = [d.pk for key, d in stored.items() if key not in wanted]
        if gone:
            self.delete_vectors(gone)
            SearchDocument.objects.filter(pk__in=gone).delete()
        changed = []
        for object_id, docs in docs_by_object.items():
            for d in docs:
                fields = {
                    "title": d.title[:300],
                    "body": d.body,
                    "url": d.url[:300],
                    "country": d.country,
                    "country_name": d.country_name,
                    "policy_areas": f" {' '.join(d.policy_areas)} " if d.policy_areas else "",
                    "year": d.year,
                }
                current = stored.get((object_id, d.language))
                if current is None:
                    created = SearchDocument.objects.create(
                        kind=kind, object_id=object_id, language=d.language, **fields
                    )
                    changed.append(created.pk)
                elif any(getattr(current, name) != value for name, value in fields.items()):
                    SearchDocument.objects.filter(pk=current.pk).update(**fields)
                    changed.append(current.pk)
        self.write_vectors(changed)

    def remove(self, kind: str, object_id: str) -> None:
        ids = list(
            SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list(
                "pk", flat=True
            )
        )
        self.delete_vectors(ids)
        SearchDocument.objects.filter(pk__in=ids).delete()

    def clear(self, kind: str) -> None:
        ids = list(SearchDocument.objects.filter(kind=kind).values_list("pk", flat=True))
        self.delete_vectors(ids)
        SearchDocument.objects.filter(pk__in=ids).delete()

    @abstractmethod
    def write_vectors(self, ids: list[int]) -> None:
        """Store the search vectors of these documents (per backend)."""

    def delete_vectors(self, ids: list[int]) -> None:  # noqa: B027 (a default: nothing to do)
        """PostgreSQL keeps the vector in the row; SQLite's FTS5 rows go separately."""

    @abstractmethod
    def matching(self, query: str, language: str) -> Any:
        """The documents matching `query`, annotated with `rank` (higher is better)."""

    @abstractmethod
    def excerpts(self, docs: list[SearchDocument], query: str, language: str) -> dict[int, str]:
        """Highlighted excerpts of the documents, by document id."""

    def search(
        self,
        query: str,
        *,
        language: str,
        filters: Filters | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Results:
        query = " ".join(query.split())[:MAX_QUERY]
        filters = filters or Filters()
        if not terms(query, language):
            return Results(query=query, total=0, hits=[])
        base = self.matching(query, language).filter(language=language)
        facets = self._facets(base)
        qs = base
        if filters.kind:
            qs = qs.filter(kind=filters.kind)
        if filters.country:
            qs = qs.filter(country=filters.country.upper())
        if filters.area:
            qs = qs.filter(policy_areas__contains=f" {filters.area} ")
        if filters.year:
            qs = qs.filter(year=filters.year)
        total = qs.count()
        page = list(qs.order_by("-rank", "title", "pk")[offset : offset + limit])
        excerpts = self.excerpts(page, query, language)
        hits = [
            Hit(
                kind=d.kind,
                title=d.title,
                url=d.url,
                country=d.country,
                country_name=d.country_name,
                year=d.year,
                excerpt=_marked_to_html(excerpts.get(d.pk, "")),
                rank=float(d.rank),
            )
            for d in page
        ]
        return Results(query=query, total=total, hits=hits, facets=facets)

    def _facets(self, qs: QuerySet[SearchDocument]) -> dict[str, list[tuple[str, int]]]:
        def counts(name: str) -> list[tuple[str, int]]:
            rows = (
                qs.exclude(**{f"{name}__isnull": True}).exclude(**{name: ""})
                if name != "year"
                else qs.exclude(year__isnull=True)
            )
            data = rows.order_by().values(name).annotate(n=Count("pk")).order_by("-n", name)[:30]
            return [(str(r[name]), r["n"]) for r in data]

        areas: Counter[str] = Counter()
        for value in qs.exclude(policy_areas="").values_list("policy_areas", flat=True)[
            :FACET_SCAN
        ]:
            areas.update(value.split())
        return {
            "kind": counts("kind"),
            "country": counts("country"),
            "year": sorted(counts("year"), reverse=True),
            "area": areas.most_common(30),
        }


class PostgresBackend(BaseBackend):
    def write_vectors(self, ids: list[int]) -> None:
        if not ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                """
                UPDATE search_searchdocument SET vector =
                  setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, body), 'B')
                FROM (SELECT id AS doc_id, (CASE language WHEN 'fr' THEN 'ogp_fr'
                        WHEN 'es' THEN 'ogp_es' ELSE 'ogp_en' END)::regconfig AS cfg
                      FROM search_searchdocument WHERE id = ANY(%s)) AS c
                WHERE id = c.doc_id
                """,
                [ids],
            )

    def matching(self, query: str, language: str) -> Any:
        from django.db.models.expressions import RawSQL

        cfg = PG_CONFIGS.get(language, "ogp_en")
        tsquery = "websearch_to_tsquery(%s::regconfig, %s)"
        return SearchDocument.objects.extra(  # noqa: S610 - parameters are bound
            where=[f"vector @@ {tsquery}"], params=[cfg, query]
        ).annotate(rank=RawSQL(f"ts_rank(vector, {tsquery})", [cfg, query]))  # noqa: S611

    def excerpts(self, docs: list[SearchDocument], query: str, language: str) -> dict[int, str]:
        if not docs:
            return {}
        cfg = PG_CONFIGS.get(language, "ogp_en")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, ts_headline(%s::regconfig, body, websearch_to_tsquery(%s::regconfig, "
                "%s), %s) FROM search_searchdocument WHERE id = ANY(%s)",
                [
                    cfg,
                    cfg,
                    query,
                    f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2, "
                    'FragmentDelimiter=" … "',
                    [d.pk for d in docs],
                ],
            )
            return dict(cursor.fetchall())


class SqliteBackend(BaseBackend):
    """FTS5 over pre-folded, pre-stemmed terms (SQLite has no French or Spanish stemmer)."""

    def write_vectors(self, ids: list[int]) -> None:
        if not ids:
            return
        self.delete_vectors(ids)
        docs = SearchDocument.objects.filter(pk__in=ids).values_list(
            "pk", "language", "title", "body"
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts(rowid, title, body) VALUES (%s, %s, %s)",
                [
                    (pk, " ".join(terms(t, lang)), " ".join(terms(b, lang)))
                    for pk, lang, t, b in docs
                ],
            )

    def delete_vectors(self, ids: list[int]) -> None:  # noqa: B027 (a default: nothing to do)
        if ids:
            with connection.cursor() as cursor:
                cursor.execute(
                    "DELETE FROM search_fts WHERE rowid IN (SELECT value FROM json_each(%s))",
                    [json.dumps(ids)],
                )

    def matching(self, query: str, language: str) -> Any:
        from django.db.models.expressions import RawSQL

        words = sorted(set(terms(query, language)))
        match = " AND ".join(f'"{w}"' for w in words)  # terms are \w+ only: safe to quote
        rank = RawSQL(
            "(SELECT -bm25(search_fts, 10.0, 1.0) FROM search_fts WHERE search_fts MATCH %s "
            "AND search_fts.rowid = search_searchdocument.id)",
            [match],
        )
        return SearchDocument.objects.extra(  # noqa: S610 - parameters are bound
            where=["id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"],
            params=[match],
        ).annotate(rank=rank)

    def excerpts(self, docs: list[SearchDocument], query: str, language: str) -> dict[int, str]:
        wanted = set(terms(query, language))
        return {d.pk: highlight(d.body, wanted, language) for d in docs}


def highlight(text: str, wanted: set[str], language: str, width: int = 30) -> str:
    """An excerpt of `text` around its first matching words, the matches between markers."""
    words = list(WORD.finditer(text))
    hits = [
        i
        for i, m in enumerate(words)
        if terms(m.group(), language)[:1] and terms(m.group(), language)[0] in wanted
    ]
    if not words:
        return ""
    start = max((hits[0] if hits else 0) - width // 3, 0)
    end = min(start + width, len(words))
    begin_at, end_at = words[start].start(), words[end - 1].end()
    out, pos = [], begin_at
    for i in range(start, end):
        m = words[i]
        out.append(text[pos : m.start()])
        out.append(f"{START}{m.group()}{STOP}" if i in hits else m.group())
        pos = m.end()
    excerpt = re.sub(r"\s+", " ", "".join(out) + text[pos:end_at]).strip()
    return ("… " if begin_at > 0 else "") + excerpt + (" …" if end_at < len(text) else "")


@cache
def _backend(vendor: str) -> BaseBackend:
    return PostgresBackend() if vendor == "postgresql" else SqliteBackend()


def backend() -> BaseBackend:
    return _backend(connection.vendor)


__all__ = ["Filters", "Results", "backend", "fold"]

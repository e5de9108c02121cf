"""One way to cut every long list into pages (template: ``core/_pagination.html``).

- The page size comes from ``?per_page=`` within ``[1, maximum]`` (default per list).
- The order is made stable by ending it with the primary key, so rows never jump between pages.
- Rows are read with one query (one row more than the page, which tells whether a next page
  exists); the total with a second query that stops counting at ``COUNT_CAP`` rows. Past the
  cap an unfiltered PostgreSQL table reports the planner's estimate (``pg_class.reltuples``)
  instead of scanning every row; the page then says "about".
- A page number past the end (or an estimate that was too high) shows the real last page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
COUNT_CAP = 10_000


@dataclass
class Page:
    """What the list template needs: the rows and how to reach the other pages."""

    object_list: list[Any]
    number: int
    per_page: int
    count: int
    count_is_estimate: bool
    has_next: bool
    default_per_page: int = DEFAULT_PAGE_SIZE
    maximum: int = MAX_PAGE_SIZE
    param: str = "page"
    query: QueryDict = field(default_factory=QueryDict)

    def __iter__(self) -> Any:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def __bool__(self) -> bool:
        return bool(self.object_list)

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.count / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.object_list)

    def url(self, number: int) -> str:
        """``?…`` of page ``number``: the current filters and page size kept, the page changed."""
        query = self.query.copy()
        if number > 1:
            query[self.param] = str(number)
        else:
            query.pop(self.param, None)
        return "?" + query.urlencode() if query else "?"

    @property
    def links(self) -> list[tuple[int, str]]:
        """The pages around this one (two each side), as (number, address)."""
        return [
            (n, self.url(n)) for n in range(self.number - 2, self.number + 3)
            if 1 <= n <= self.num_pages
        ]  # fmt: skip

    @property
    def first_url(self) -> str:
        return self.url(1)

    @property
    def previous_url(self) -> str:
        return self.url(self.number - 1)

    @property
    def next_url(self) -> str:
        return self.url(self.number + 1)

    @property
    def last_url(self) -> str:
        return self.url(self.num_pages)


def page_size(
    request: HttpRequest, default: int = DEFAULT_PAGE_SIZE, maximum: int = MAX_PAGE_SIZE
) -> int:
    try:
        size = int(request.GET.get("per_page", default))
    except (TypeError, ValueError):
        return default
    return min(max(size, 1), maximum)


def page_number(request: HttpRequest, param: str = "page") -> int:
    try:
        return max(1, int(request.GET.get(param, 1)))
    except (TypeError, ValueError):
        return 1


def stable(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """The queryset's order with the primary key as the last tie-breaker."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    names = {o for o in ordering if isinstance(o, str)}
    if not names & {"pk", "-pk", "id", "-id"}:
        ordering.append("pk")
    return queryset.order_by(*ordering)


def _estimated_rows(queryset: QuerySet[Any]) -> int | None:
    """The planner's row estimate of an unfiltered table on PostgreSQL (no scan), else None."""
    connection = connections[queryset.db]
    query = queryset.query
    if connection.vendor != "postgresql" or query.where or query.distinct or query.combinator:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
            [queryset.model._meta.db_table],
        )
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] and row[0] > 0 else None


def _count(queryset: QuerySet[Any]) -> tuple[int, bool]:
    estimate = _estimated_rows(queryset)
    if estimate and estimate > 2 * COUNT_CAP:  # a big unfiltered table: no counting at all
        return estimate, True
    capped = queryset.order_by()[: COUNT_CAP + 1].count()
    if capped <= COUNT_CAP:
        return capped, False
    return (max(estimate, capped), True) if estimate else (capped, True)


def paginate(
    request: HttpRequest,
    rows: QuerySet[Any] | Sequence[Any],
    *,
    default: int = DEFAULT_PAGE_SIZE,
    maximum: int = MAX_PAGE_SIZE,
    param: str = "page",
) -> Page:
    """The page of ``rows`` asked for by ``?page=`` and ``?per_page=`` (two queries at most).

    ``param`` names the page parameter when one address shows two lists."""
    per_page = page_size(request, default, maximum)
    number = page_number(request, param)
    if isinstance(rows, QuerySet):
        rows = stable(rows)
        count, estimate = _count(rows)
        last = max(1, math.ceil(count / per_page))
        if number > last and not estimate:
            number = last
        offset = (number - 1) * per_page
        items = list(rows[offset : offset + per_page + 1])
        if not items and number > 1:
            # past the end of an estimated total: count exactly once and show the last page
            count, estimate = rows.order_by().count(), False
            number = max(1, math.ceil(count / per_page))
            offset = (number - 1) * per_page
            items = list(rows[offset : offset + per_page + 1])
    else:
        count, estimate = len(rows), False
        number = min(number, max(1, math.ceil(count / per_page)))
        offset = (number - 1) * per_page
        items = list(rows[offset : offset + per_page + 1])
    has_next = len(items) > per_page
    items = items[:per_page]
    if not has_next and not estimate:
        count = offset + len(items) if items or number == 1 else count
    return Page(
        object_list=items,
        number=number,
        per_page=per_page,
        count=count,
        count_is_estimate=estimate,
        has_next=has_next,
        default_per_page=default,
        maximum=maximum,
        param=param,
        query=request.GET,
    )

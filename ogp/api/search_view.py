"""GET /api/v1/search/: the search page's results and facets as JSON."""

from typing import Any

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ogp.search.models import DocumentKind
from ogp.search.selectors import search_documents

from .base import LANG_PARAMETER, ConditionalMixin


class SearchQuery(serializers.Serializer):
    q = serializers.CharField(max_length=200, help_text="words to look for")
    kind = serializers.ChoiceField(choices=DocumentKind.choices, required=False)
    country = serializers.RegexField(r"^[A-Za-z]{3}$", required=False)
    area = serializers.SlugField(max_length=40, required=False, help_text="policy area code")
    year = serializers.IntegerField(min_value=1900, max_value=2999, required=False)
    limit = serializers.IntegerField(min_value=1, max_value=100, default=20)
    offset = serializers.IntegerField(min_value=0, max_value=1000, default=0)


class SearchHit(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    country = serializers.CharField(allow_blank=True)
    year = serializers.IntegerField(allow_null=True)
    excerpt_html = serializers.CharField(
        source="excerpt", help_text="escaped text, matches between <mark> and </mark>"
    )
    rank = serializers.FloatField()


class FacetValue(serializers.Serializer):
    value = serializers.CharField()
    count = serializers.IntegerField()


class Facets(serializers.Serializer):
    kind = FacetValue(many=True)
    country = FacetValue(many=True)
    year = FacetValue(many=True)
    area = FacetValue(many=True)


class SearchResponse(serializers.Serializer):
    query = serializers.CharField(allow_blank=True)
    language = serializers.CharField()
    total = serializers.IntegerField()
    results = SearchHit(many=True)
    facets = Facets()


class SearchView(ConditionalMixin, APIView):
    """Full-text search over countries, organisations, forums, events, published letters,
    action plans, commitments, co-creation plans, proposals and published IRM reports, in the
    request's language (stemming and accent folding of that language)."""

    @extend_schema(
        parameters=[SearchQuery, LANG_PARAMETER],
        responses=SearchResponse,
        operation_id="search",
    )
    def get(self, request: Request) -> Response:
        params = SearchQuery(data=request.query_params)
        params.is_valid(raise_exception=True)
        d: dict[str, Any] = params.validated_data
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        results = search_documents(
            d["q"],
            language=language,
            kind=d.get("kind", ""),
            country=d.get("country", ""),
            area=d.get("area", ""),
            year=d.get("year"),
            limit=d["limit"],
            offset=d["offset"],
        )
        body = {
            "query": results.query,
            "language": language,
            "total": results.total,
            "results": SearchHit(results.hits, many=True).data,
            "facets": {
                name: [{"value": v, "count": n} for v, n in values]
                for name, values in {
                    "kind": [],
                    "country": [],
                    "year": [],
                    "area": [],
                    **results.facets,
                }.items()
            },
        }
        return Response(body)

"""API v1 co-creation: the public parts of plans, published draft versions (they never change:
long cache lifetimes), proposals (read, and submitted to an open co-creation) and the ledger of
every input with its disposition and reason."""

from datetime import datetime
from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from ogp.cocreation.forms import ProposalForm
from ogp.cocreation.models import CoCreationPlan, DraftVersion, LedgerEntry, Proposal
from ogp.cocreation.services.inputs import proposal_create

from . import cocreation_serializers as out
from . import plan_filters, plan_selectors
from .base import LANG_PARAMETER, ConditionalMixin, PublicReadViewSet
from .models import Scope
from .writes import form_errors, require

SLUG = "[-a-zA-Z0-9_]{1,120}"


class CoCreationPlanViewSet(PublicReadViewSet):
    """Action plans in co-creation, from the opening of co-creation on (public parts only)."""

    filterset_class = plan_filters.CoCreationPlanFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields = ["starts_on", "id"]
    ordering = ["id"]

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return out.CoCreationPlanDetailSerializer
        return out.CoCreationPlanSerializer

    def get_queryset(self) -> Any:
        if self.action == "retrieve":
            return plan_selectors.cocreation_plan_detail()
        return plan_selectors.cocreation_plans()


class _InPlan:
    """Nested under /cocreation-plans/{slug}/: the public plan, found once per request."""

    kwargs: dict[str, Any]

    def cocreation_plan(self) -> CoCreationPlan:
        if not hasattr(self, "_plan"):
            plan = plan_selectors.cocreation_plan_public(self.kwargs.get("slug", ""))
            if plan is None:
                raise Http404
            self._plan = plan
        return self._plan


class DraftVersionViewSet(_InPlan, PublicReadViewSet):
    """Published versions of a plan's draft. A published version never changes."""

    lookup_field = "number"
    lookup_value_regex = "[0-9]{1,6}"
    pagination_class = None
    filter_backends: list[Any] = []

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return out.DraftVersionDetailSerializer
        return out.DraftVersionSerializer

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return DraftVersion.objects.none()
        return plan_selectors.published_versions(self.cocreation_plan()).select_related("plan")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        version = plan_selectors.published_version(
            self.cocreation_plan(), int(self.kwargs["number"])
        )
        if version is None:
            raise Http404
        self.immutable = True
        self._modified = version.published_at
        return Response(out.DraftVersionDetailSerializer(version).data)

    def last_modified(self) -> datetime | None:
        return getattr(self, "_modified", None)


@extend_schema(parameters=[LANG_PARAMETER])
class ProposalViewSet(
    _InPlan,
    ConditionalMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Proposals to a plan with their answer; a signed-in user (token scope
    `cocreation:input`) submits one while co-creation is open."""

    serializer_class = out.ProposalSerializer
    lookup_value_regex = "[0-9]{1,9}"
    filterset_class = plan_filters.ProposalFilter
    ordering_fields = ["created_at", "support_count", "id"]
    ordering = ["-id"]
    required_scope = Scope.COCREATION_INPUT
    parser_classes = [JSONParser, FormParser]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Proposal.objects.none()
        return plan_selectors.proposals(self.cocreation_plan())

    def filter_queryset(self, queryset: Any) -> Any:
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    @extend_schema(request=out.ProposalInput, responses={201: out.ProposalSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        plan = self.cocreation_plan()
        require(request, "cocreation.add_proposal", plan)
        shape = out.ProposalInput(data=request.data)
        shape.is_valid(raise_exception=True)
        data = shape.validated_data
        form = ProposalForm(
            {key: data[key] for key in ("title", "problem", "solution", "policy_area")}
            | {"values": data["values"]}
        )
        if not form.is_valid():
            form_errors(form)
        proposal = proposal_create(
            acting_user=request.user,
            plan=plan,
            language=data.get("language") or None,
            **form.cleaned_data,
        )
        proposal = plan_selectors.proposals(plan).get(pk=proposal.pk)
        return Response(out.ProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)


class InputViewSet(_InPlan, PublicReadViewSet):
    """Every input of a plan (proposals, comments on drafts, input received offline) with the
    disposition and the reason given in answer: the plan's public ledger."""

    serializer_class = out.InputSerializer
    lookup_value_regex = "[0-9]{1,9}"
    filterset_class = plan_filters.InputFilter
    ordering_fields = ["received_on", "id"]
    ordering = ["id"]

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return LedgerEntry.objects.none()
        return plan_selectors.inputs(self.cocreation_plan())

"""API v1 writes on implementation: progress updates with evidence (the government of the
milestone's country) and IRM coding (researchers assigned to the report). Each validates with
the web form's own form, checks the same permission on the same object, and calls the same
service function (audit included)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ogp.plans import services as plan_services
from ogp.plans.forms import IRMCodingForm, ProgressUpdateForm
from ogp.plans.models import Commitment, IRMCommitmentCoding, MilestoneStatus
from ogp.plans.services.irm import REPORT_INDICATORS, indicator_for

from . import plan_selectors
from . import plan_serializers as out
from .base import ConditionalMixin
from .models import Scope
from .writes import form_errors, require


class ProgressUpdateInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=MilestoneStatus.choices)
    narrative = serializers.CharField(max_length=10000, help_text=_("What was done"))
    evidence_link = serializers.URLField(required=False, allow_blank=True, max_length=500)
    evidence_file = serializers.FileField(
        required=False, help_text=_("A PDF document, checked by its content and size.")
    )
    no_evidence_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text=_("If there is no evidence, say why (shown publicly)"),
    )


class ProgressUpdateCreateView(ConditionalMixin, APIView):
    """Post a progress update on a milestone of your country's commitment, with evidence (a
    link or a PDF document) or the reason there is none."""

    required_scope = Scope.PLANS_PROGRESS
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={
            "multipart/form-data": ProgressUpdateInput,
            "application/json": ProgressUpdateInput,
        },
        responses={201: out.ProgressUpdateSerializer},
    )
    def post(self, request: Request, milestone_id: int) -> Response:
        milestone = plan_selectors.milestone_for_write(milestone_id)
        require(request, "plans.post_progress", milestone)
        data = {
            key: request.data.get(key, "")
            for key in ("status", "narrative", "evidence_link", "no_evidence_reason")
        }
        form = ProgressUpdateForm(
            data, {"evidence_file": f} if (f := request.FILES.get("evidence_file")) else {}
        )
        if not form.is_valid():
            form_errors(form)
        clean = form.cleaned_data
        update = plan_services.progress_update_create(
            acting_user=request.user,
            milestone=milestone,
            status=clean["status"],
            narrative=clean["narrative"],
            files=[clean["evidence_file"]] if clean["evidence_file"] else [],
            links=[clean["evidence_link"]] if clean["evidence_link"] else [],
            no_evidence_reason=clean["no_evidence_reason"],
        )
        update = plan_selectors.progress_updates().get(pk=update.pk)
        return Response(out.ProgressUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


class CodingInput(serializers.Serializer):
    values = serializers.DictField(
        child=serializers.CharField(max_length=40, allow_blank=True),
        help_text=_(
            'indicator ("<phase>.<indicator>") -> level code, "nr" (not reviewed) or "" (not coded)'
        ),
    )
    notes = serializers.CharField(required=False, allow_blank=True, max_length=20000)


class CodingOutput(serializers.ModelSerializer):
    report = serializers.IntegerField(source="report_id")
    commitment = serializers.CharField(source="commitment.identifier")

    class Meta:
        model = IRMCommitmentCoding
        fields = ["report", "commitment", "values", "notes", "updated_at"]


class IRMCodingView(ConditionalMixin, APIView):
    """Code one commitment in an IRM report you are assigned to (the draft; publishing stays
    on the web page)."""

    required_scope = Scope.PLANS_IRM_CODING
    parser_classes = [JSONParser]

    @extend_schema(request=CodingInput, responses={200: CodingOutput})
    def put(self, request: Request, report_id: int, identifier: str) -> Response:
        report = plan_selectors.irm_report_for_write(report_id)
        if report is None:
            raise Http404
        require(request, "plans.edit_irm_report", report)
        commitment = get_object_or_404(Commitment, identifier=identifier, plan=report.plan)
        shape = CodingInput(data=request.data)
        shape.is_valid(raise_exception=True)
        indicators = [(k, indicator_for(report.plan, k)) for k in REPORT_INDICATORS[report.kind]]
        values = shape.validated_data["values"]
        unknown = sorted(set(values) - {key for key, _indicator in indicators})
        if unknown:
            raise serializers.ValidationError(
                {
                    "values": [
                        _("This report does not code %(keys)s.") % {"keys": ", ".join(unknown)}
                    ]
                }
            )
        form = IRMCodingForm(
            {key.replace(".", "__"): level for key, level in values.items()}
            | {"notes": shape.validated_data.get("notes", "")},
            indicators=indicators,
            language=(translation.get_language() or "en")[:2],
        )
        if not form.is_valid():
            form_errors(form)
        coding = plan_services.irm_coding_save(
            acting_user=request.user,
            report=report,
            commitment=commitment,
            values=form.values(),
            notes=form.cleaned_data["notes"],
        )
        return Response(CodingOutput(coding).data)

"""API v1 write endpoints: the staff actions that have a form today (imports, cycle compute and
publish) and evidence from a country's government. Each calls the same service function as the
web form (audit included) after the same django-rules permission check on the same object."""

from typing import Any, NoReturn

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ogp.core.imports import import_job_create
from ogp.core.models import ImportJob
from ogp.countries.models import Country
from ogp.eligibility import services as eligibility_services
from ogp.eligibility.models import CriterionChoice, Cycle, DatasetKind, DatasetRelease

from . import serializers as out
from .base import ConditionalMixin
from .fields import CodeLabelField
from .models import Scope

MANAGE = "eligibility.manage_eligibility"
MAX_UPLOAD = 20 * 1024 * 1024
MAX_SHEET = 50 * 1024 * 1024


def require(request: Request, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied(_("Your role does not allow this action on this object."))


def form_errors(form: Any) -> NoReturn:
    """A web form's refusal as the API's field errors (the same rules, the same messages)."""
    raise serializers.ValidationError(
        {
            ("non_field_errors" if name == "__all__" else name): [str(m) for m in messages]
            for name, messages in form.errors.items()
        }
    )


class ImportJobSerializer(serializers.ModelSerializer):
    state = CodeLabelField()
    status_url = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = ImportJob
        fields = [
            "id",
            "kind",
            "state",
            "file_name",
            "created_at",
            "started_at",
            "finished_at",
            "errors",
            "result",
            "status_url",
            "web_url",
        ]

    def get_status_url(self, obj: ImportJob) -> str:
        return out.absolute(reverse("api:import-job", args=[obj.pk]))

    def get_web_url(self, obj: ImportJob) -> str:
        return out.absolute(obj.get_absolute_url())


class ReleaseImportInput(serializers.Serializer):
    file = serializers.FileField(help_text=_("The publisher's CSV (UTF-8) or OBS workbook."))
    kind = serializers.ChoiceField(choices=DatasetKind.choices, required=False, allow_blank=True)
    edition = serializers.CharField(max_length=100, required=False, allow_blank=True)
    publisher = serializers.CharField(max_length=200, required=False, allow_blank=True)
    published_on = serializers.DateField(required=False, allow_null=True)
    source_url = serializers.URLField(required=False, allow_blank=True, max_length=500)

    def validate_file(self, value: Any) -> Any:
        if value.size > MAX_UPLOAD:
            raise serializers.ValidationError(_("The file is larger than 20 MB."))
        return value


class ReleaseImportView(ConditionalMixin, APIView):
    """Import one publisher file as a dataset release (same bytes again: nothing changes)."""

    required_scope = Scope.ELIGIBILITY_IMPORT
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": ReleaseImportInput},
        responses={
            201: out.ReleaseSerializer,
            200: out.ReleaseSerializer,
            202: ImportJobSerializer,
        },
    )
    def post(self, request: Request) -> Response:
        """Runs as a background task: 201/200 with the release when it has finished already,
        else 202 with the job to follow at /api/v1/imports/{id}/ (400: the file's errors)."""
        require(request, MANAGE)
        data = ReleaseImportInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        upload = d["file"]
        published_on = d.get("published_on")
        job = import_job_create(
            acting_user=request.user,
            kind="eligibility.release",
            data=upload.read(),
            file_name=upload.name,
            params={
                "kind": d.get("kind") or "",
                "edition": d.get("edition", ""),
                "publisher": d.get("publisher", ""),
                "published_on": published_on.isoformat() if published_on else "",
                "source_url": d.get("source_url", ""),
            },
        )
        if job.state != ImportJob.State.DONE:
            return job_response(job)
        release = get_object_or_404(DatasetRelease.objects.all(), pk=job.result["release"])
        return Response(
            out.ReleaseSerializer(release).data,
            status=status.HTTP_201_CREATED if job.result["created"] else status.HTTP_200_OK,
        )


class SheetImportInput(serializers.Serializer):
    file = serializers.FileField(
        help_text=_("OGP commitments and IRM data sheet (CSV)"),
    )

    def validate_file(self, value: Any) -> Any:
        if value.size > MAX_SHEET:
            raise serializers.ValidationError(_("The file is larger than 50 MB."))
        return value


class SheetImportView(ConditionalMixin, APIView):
    """Import OGP's commitments and IRM data sheet (a background task; importing the same file
    again changes nothing)."""

    required_scope = Scope.PLANS_IMPORT
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": SheetImportInput},
        responses={201: ImportJobSerializer, 202: ImportJobSerializer},
    )
    def post(self, request: Request) -> Response:
        require(request, "plans.import_sheet")
        data = SheetImportInput(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        job = import_job_create(
            acting_user=request.user,
            kind="plans.sheet",
            data=upload.read(),
            file_name=upload.name,
            params={},
        )
        return job_response(job)


class ImportJobView(ConditionalMixin, APIView):
    """The state of a background import: queued, running, done (with its result) or failed
    (with every error; nothing was written). For staff and the person who started it."""

    @extend_schema(responses={200: ImportJobSerializer})
    def get(self, request: Request, pk: int) -> Response:
        job = get_object_or_404(ImportJob.objects.defer("data"), pk=pk)
        if not request.user.is_authenticated:
            raise NotAuthenticated
        if not (job.created_by_id == request.user.pk or request.user.has_perm(MANAGE)):
            raise PermissionDenied(_("Your role does not allow this action on this object."))
        return Response(ImportJobSerializer(job).data)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-cache"  # one person's job, changing state
        return response


def job_response(job: ImportJob) -> Response:
    """A failed job: the file's errors as any refusal (400, nothing written); else 201 done
    or 202 still queued, with the job to follow."""
    if job.state == ImportJob.State.FAILED:
        raise serializers.ValidationError({"non_field_errors": list(job.errors)})
    code = (
        status.HTTP_201_CREATED if job.state == ImportJob.State.DONE else status.HTTP_202_ACCEPTED
    )
    response = Response(ImportJobSerializer(job).data, status=code)
    response["Location"] = reverse("api:import-job", args=[job.pk])
    return response


class _CycleAction(ConditionalMixin, APIView):
    required_scope = Scope.ELIGIBILITY_CYCLES
    parser_classes = [JSONParser, FormParser]

    def cycle(self, year: int) -> Cycle:
        return get_object_or_404(Cycle.objects.select_related("ruleset"), year=year)


class CycleComputeView(_CycleAction):
    """Score every UN member state for the cycle (replaces its previous results)."""

    @extend_schema(request=None, responses={200: out.CycleSerializer})
    def post(self, request: Request, year: int) -> Response:
        require(request, MANAGE)
        cycle = eligibility_services.cycle_compute(acting_user=request.user, cycle=self.cycle(year))
        return Response(out.CycleSerializer(cycle).data)


class CyclePublishView(_CycleAction):
    """Publish a computed cycle; the newest published cycle moves countries' OGP status."""

    @extend_schema(request=None, responses={200: out.CycleSerializer})
    def post(self, request: Request, year: int) -> Response:
        require(request, MANAGE)
        cycle = eligibility_services.cycle_publish(acting_user=request.user, cycle=self.cycle(year))
        return Response(out.CycleSerializer(cycle).data)


class EvidenceInput(serializers.Serializer):
    cycle = serializers.IntegerField(min_value=1900, max_value=2999, help_text=_("Cycle year"))
    country = serializers.RegexField(r"^[A-Za-z]{3}$", help_text=_("ISO 3166 alpha-3 code"))
    criterion = serializers.ChoiceField(choices=CriterionChoice.choices)
    summary = serializers.CharField(max_length=5000)
    source_url = serializers.URLField(max_length=500)


class EvidenceOutput(serializers.Serializer):
    id = serializers.IntegerField()
    cycle = serializers.IntegerField(source="cycle.year")
    country = serializers.CharField(source="country.iso3")
    criterion = serializers.CharField()
    state = serializers.CharField()
    summary = serializers.CharField()
    source_url = serializers.CharField()
    submitted_at = serializers.DateTimeField()


class EvidenceSubmitView(ConditionalMixin, APIView):
    """Send additional information for one criterion of your country in an open cycle."""

    required_scope = Scope.ELIGIBILITY_EVIDENCE
    parser_classes = [JSONParser, FormParser]

    @extend_schema(request=EvidenceInput, responses={201: EvidenceOutput})
    def post(self, request: Request) -> Response:
        data = EvidenceInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        country = get_object_or_404(Country, iso3=d["country"].upper())
        require(request, "eligibility.submit_evidence", country)
        cycle = get_object_or_404(Cycle.objects.select_related("ruleset"), year=d["cycle"])
        submission = eligibility_services.evidence_submit(
            acting_user=request.user,
            cycle=cycle,
            country=country,
            criterion=d["criterion"],
            summary=d["summary"],
            source_url=d["source_url"],
        )
        return Response(EvidenceOutput(submission).data, status=status.HTTP_201_CREATED)

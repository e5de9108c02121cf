"""A new rule set version derived from a shipped one."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ogp.core.forms import TEXT_MAX_LENGTH

from ..domain.model import OBS_STATUSES
from ..domain.rulesets import BAND_INDICATORS


def _points_field(label: Any) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=0, max_value=4)


class RuleSetForm(forms.Form):
    """A new rule set version, prefilled from an existing one."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_(
            "Keep the code to make a new version of the same rule "
            "set; a new code starts at version 1."
        ),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    valid_from = forms.IntegerField(label=_("First cycle year"), min_value=2011, max_value=2100)
    valid_to = forms.IntegerField(
        label=_("Last cycle year"), min_value=2011, max_value=2100, required=False
    )
    pass_share = forms.CharField(
        label=_("Share of available points needed (e.g. 0.75)"), max_length=10
    )
    min_criteria = forms.IntegerField(
        label=_("Minimum number of assessed criteria (else: not enough data)"),
        min_value=1,
        max_value=4,
    )
    data_lag_years = forms.IntegerField(
        label=_("Data lag in years (cycle Y uses data up to Y minus this)"),
        min_value=0,
        max_value=5,
    )
    ft_documents = forms.MultipleChoiceField(
        label=_("Fiscal transparency: Open Budget Survey documents"),
        choices=[
            ("ebp", _("Executive's Budget Proposal")),
            ("ar", _("Audit Report")),
            ("eb", _("Enacted Budget")),
            ("yer", _("Year-End Report")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    ati_law = _points_field(_("Access to information: law in force"))
    ati_constitutional_and_draft = _points_field(
        _("Access to information: constitutional provision and draft law")
    )
    ati_constitutional = _points_field(_("Access to information: constitutional provision"))
    ati_draft = _points_field(_("Access to information: draft law"))
    ad_law = _points_field(_("Asset disclosure: law"))
    ad_public_access = _points_field(_("Asset disclosure: extra points for public access"))
    ati_from_rti = forms.BooleanField(
        label=_(
            "Access to information: without a research entry, score laws from the Global Right "
            "to Information Rating"
        ),
        required=False,
    )
    ad_from_gdb = forms.BooleanField(
        label=_("Asset disclosure: without a research entry, score from the Global Data Barometer"),
        required=False,
    )
    ad_partial_publication = forms.BooleanField(
        label=_("Asset disclosure: the Barometer's “Partially” counts as requiring publication"),
        required=False,
    )
    ad_applies_from = forms.IntegerField(
        label=_("Asset disclosure: first data year the Barometer's 2019-2021 snapshot is used for"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Left empty: from the first year of its research period (2019)."),
    )
    stale_after_years = forms.IntegerField(
        label=_("Flag data as stale when older than the cycle's data year by more than (years)"),
        required=False,
        min_value=0,
        max_value=50,
    )
    ce_indicator = forms.ChoiceField(
        label=_("Citizen engagement: indicator"), choices=[(k, k) for k in BAND_INDICATORS]
    )
    ce_band_4 = forms.FloatField(label=_("Citizen engagement: 4 points above"))
    ce_band_3 = forms.FloatField(label=_("Citizen engagement: 3 points above"))
    ce_band_2 = forms.FloatField(label=_("Citizen engagement: 2 points above"))
    ce_band_1 = forms.FloatField(label=_("Citizen engagement: 1 point above"))
    ce_inclusive = forms.BooleanField(
        label=_("Citizen engagement: a value at a cut-off reaches it"), required=False
    )
    values_check = forms.BooleanField(label=_("Values Check for non-members"), required=False)
    vc_ord = forms.FloatField(
        label=_("Values Check threshold, V-Dem ordinal scale"), required=False
    )
    vc_osp = forms.FloatField(
        label=_("Values Check threshold, V-Dem original scale"), required=False
    )
    vc_model = forms.FloatField(
        label=_("Values Check threshold, V-Dem model estimates"), required=False
    )
    vc_combine = forms.ChoiceField(
        label=_("Values Check: pass when"),
        choices=[
            ("all", _("both indicators reach the threshold")),
            ("any", _("at least one indicator reaches it")),
        ],
    )
    eligibility_review_cycles = forms.IntegerField(
        label=_(
            "Eligibility Review after this many consecutive published cycles below the "
            "minimum (empty: no review)"
        ),
        min_value=1,
        max_value=10,
        required=False,
    )
    additional_information = forms.BooleanField(
        label=_("Additional information route open"), required=False
    )
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=TEXT_MAX_LENGTH,
    )

    def clean_pass_share(self) -> str:
        """A share above 0 and at most 1, as a decimal or an exact fraction ("2/3")."""
        raw = self.cleaned_data["pass_share"].strip().replace(",", ".")
        try:
            share = Fraction(raw)
        except (ValueError, ZeroDivisionError):
            raise ValidationError(
                _("Enter a number such as 0.75 or a fraction such as 2/3.")
            ) from None
        if not 0 < share <= 1:
            raise ValidationError(_("Enter a share above 0 and at most 1 (for example 0.75)."))
        return raw

    @classmethod
    def initial_from(cls, definition: dict) -> dict:
        crit = {c["code"]: c for c in definition["criteria"]}
        ft = crit.get("fiscal_transparency", {})
        ati = crit.get("access_to_information", {}).get("provision_points", {})
        ad = crit.get("asset_disclosure", {})
        ce = crit.get("citizen_engagement", {})
        bands = {b["points"]: b["above"] for b in ce.get("bands", [])}
        vc = definition.get("values_check") or {}
        thr = vc.get("thresholds", {})
        initial = {
            "code": definition["code"],
            "title": definition["title"],
            "valid_from": definition["valid_from"],
            "valid_to": definition["valid_to"],
            "pass_share": definition["pass_share"],
            "min_criteria": definition["min_criteria"],
            "data_lag_years": definition.get("data_lag_years", 1),
            "ft_documents": ft.get("documents", ["ebp", "ar"]),
            "ati_law": ati.get("law", 4),
            "ati_constitutional_and_draft": ati.get("constitutional_and_draft", 3),
            "ati_constitutional": ati.get("constitutional", 3),
            "ati_draft": ati.get("draft", 1),
            "ad_law": ad.get("provision_points", {}).get("law", 2),
            "ad_public_access": ad.get("public_access_points", 2),
            "ati_from_rti": bool(crit.get("access_to_information", {}).get("source")),
            "ad_from_gdb": bool(ad.get("source")),
            "ad_partial_publication": (ad.get("source") or {}).get("partial_publication", False),
            "ad_applies_from": (ad.get("source") or {}).get("applies_from"),
            "stale_after_years": definition.get("stale_after_years"),
            "ce_indicator": ce.get("indicator", "eiu.civlib_eiu"),
            "ce_inclusive": ce.get("inclusive", False),
            "values_check": bool(vc),
            "vc_ord": thr.get("ord"),
            "vc_osp": thr.get("osp"),
            "vc_model": thr.get("model"),
            "vc_combine": vc.get("combine", "all"),
            "eligibility_review_cycles": definition.get("eligibility_review_cycles"),
            "additional_information": definition.get("additional_information", False),
            "notes": definition.get("notes", ""),
        }
        for p in (4, 3, 2, 1):
            initial[f"ce_band_{p}"] = bands.get(p)
        for status in OBS_STATUSES:
            initial[f"ft_{status}"] = ft.get("status_points", {}).get(status, 0)
        return initial

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for status in OBS_STATUSES:
            self.fields[f"ft_{status}"] = forms.IntegerField(
                label=_("Fiscal transparency: points per document with status %(status)s")
                % {"status": status},
                min_value=0,
                max_value=4,
            )

    def definition(self, base: dict) -> dict:
        d = self.cleaned_data
        statuses = {s: d[f"ft_{s}"] for s in OBS_STATUSES}
        out = dict(base)
        out.update(
            {
                "code": d["code"],
                "title": d["title"],
                "valid_from": d["valid_from"],
                "valid_to": d["valid_to"],
                "pass_share": d["pass_share"],
                "min_criteria": d["min_criteria"],
                "data_lag_years": d["data_lag_years"],
                "stale_after_years": d.get("stale_after_years"),
                "eligibility_review_cycles": d["eligibility_review_cycles"],
                "additional_information": d["additional_information"],
                "notes": d["notes"],
            }
        )
        out["criteria"] = [
            {
                "code": "fiscal_transparency",
                "method": "obs_documents",
                "max_points": 4,
                "documents": list(d["ft_documents"]),
                "status_points": statuses,
            },
            {
                "code": "access_to_information",
                "method": "research",
                "max_points": 4,
                "provision_points": {
                    "law": d["ati_law"],
                    "constitutional_and_draft": d["ati_constitutional_and_draft"],
                    "constitutional": d["ati_constitutional"],
                    "draft": d["ati_draft"],
                    "none": 0,
                },
                "public_access_points": 0,
                "source": {"dataset": "rti", "partial_publication": False, "applies_from": None}
                if d.get("ati_from_rti")
                else None,
            },
            {
                "code": "asset_disclosure",
                "method": "research",
                "max_points": 4,
                "provision_points": {
                    "law": d["ad_law"],
                    "constitutional_and_draft": 0,
                    "constitutional": 0,
                    "draft": 0,
                    "none": 0,
                },
                "public_access_points": d["ad_public_access"],
                "source": {
                    "dataset": "gdb",
                    "partial_publication": bool(d.get("ad_partial_publication")),
                    "applies_from": d.get("ad_applies_from"),
                }
                if d.get("ad_from_gdb")
                else None,
            },
            {
                "code": "citizen_engagement",
                "method": "indicator_bands",
                "max_points": 4,
                "indicator": d["ce_indicator"],
                "inclusive": d["ce_inclusive"],
                "bands": [
                    {"above": d[f"ce_band_{p}"], "points": p}
                    for p in (4, 3, 2, 1)
                    if d.get(f"ce_band_{p}") is not None
                ],
            },
        ]
        out["values_check"] = (
            {
                "indicators": ["v2cseeorgs", "v2csreprss"],
                "combine": d["vc_combine"],
                "thresholds": {"ord": d["vc_ord"], "osp": d["vc_osp"], "model": d["vc_model"]},
            }
            if d["values_check"]
            else None
        )
        return out

"""Translated labels of criteria, statuses, datasets and values, and name collation."""

from __future__ import annotations

import unicodedata

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..domain.model import SourceRef

CRITERION_LABELS = {
    "fiscal_transparency": gettext_lazy("Fiscal transparency"),
    "access_to_information": gettext_lazy("Access to information"),
    "asset_disclosure": gettext_lazy("Asset disclosure"),
    "citizen_engagement": gettext_lazy("Citizen engagement"),
}
STATUS_LABELS = {
    "eligible": gettext_lazy("Eligible"),
    "not_eligible": gettext_lazy("Not eligible"),
    "not_enough_data": gettext_lazy("Not enough data"),
}
DATASET_LABELS = {
    "obs": gettext_lazy("Open Budget Survey"),
    "eiu": gettext_lazy("EIU Democracy Index"),
    "vdem": gettext_lazy("V-Dem"),
    "research": gettext_lazy("Research"),
    "evidence": gettext_lazy("Additional information"),
    "crosswalk": gettext_lazy("Country-code crosswalk"),
    "rti": gettext_lazy("Global Right to Information Rating"),
    "gdb": gettext_lazy("Global Data Barometer"),
}
# why a criterion has no points (domain.model.Missing)
MISSING_LABELS = {
    "not_covered": gettext_lazy("no source covers it: the source has no value for this country"),
    "not_imported": gettext_lazy("the source is not imported for this cycle"),
    "no_research": gettext_lazy(
        "no research entry: only the Support Unit's research can say (constitutional "
        "guarantee, draft law)"
    ),
}
OBS_DOCUMENT_LABELS = {
    "pbs": gettext_lazy("Pre-Budget Statement"),
    "ebp": gettext_lazy("Executive's Budget Proposal"),
    "cb": gettext_lazy("Citizens Budget"),
    "eb": gettext_lazy("Enacted Budget"),
    "iyr": gettext_lazy("In-Year Reports"),
    "myr": gettext_lazy("Mid-Year Review"),
    "yer": gettext_lazy("Year-End Report"),
    "ar": gettext_lazy("Audit Report"),
}
OBS_STATUS_LABELS = {
    "PW": gettext_lazy("published online (PW)"),
    "PL": gettext_lazy("published late (PL)"),
    "HC": gettext_lazy("hard copy only (HC)"),
    "SC": gettext_lazy("soft copy only, not online (SC)"),
    "IU": gettext_lazy("produced for internal use only (IU)"),
    "NP": gettext_lazy("not produced (NP)"),
}
PROVISION_LABELS = {
    "law": gettext_lazy("a law in force"),
    "constitutional_and_draft": gettext_lazy("a constitutional provision and a draft law"),
    "constitutional": gettext_lazy("a constitutional provision"),
    "draft": gettext_lazy("a draft law under consideration"),
    "none": gettext_lazy("no provision"),
}
INDICATOR_LABELS = {
    "eiu.civlib_eiu": gettext_lazy("EIU Democracy Index civil liberties score (0-10)"),
    "vdem.v2x_civlib": gettext_lazy("V-Dem civil liberties index (0-1)"),
    "vdem.v2xcs_ccsi": gettext_lazy("V-Dem core civil society index (0-1)"),
    "v2cseeorgs": gettext_lazy("V-Dem CSO entry and exit (v2cseeorgs)"),
    "v2csreprss": gettext_lazy("V-Dem CSO repression (v2csreprss)"),
}
SCALE_LABELS = {
    "ord": gettext_lazy("ordinal scale (_ord, 0-4)"),
    "osp": gettext_lazy("original scale (_osp, 0-4)"),
    "model": gettext_lazy("measurement model estimates (latent scale)"),
}


RULESET_TITLES = {
    "ogp-2011": gettext_lazy("Initial OGP eligibility criteria (2011)"),
    "ogp-2014": gettext_lazy("Asset disclosure revision (2014)"),
    "ogp-2017": gettext_lazy("Values Check added (2017)"),
    "ogp-2023": gettext_lazy(
        "Not enough data, additional information and Eligibility Review (2023)"
    ),
}


def ruleset_title(obj: object) -> str:
    """A shipped rule set's title in the active language, also on a staff-made version that
    kept it unchanged; a title staff wrote themselves as written."""
    title = RULESET_TITLES.get(getattr(obj, "code", ""))
    if title is not None and getattr(obj, "title", "") == _english(title):
        return str(title)
    return str(getattr(obj, "title", ""))


def _english(text: object) -> str:
    from django.utils import translation

    with translation.override("en"):
        return str(text)


def source_label(src: SourceRef | dict | None) -> str:
    """E.g. "Open Budget Survey 2019" (dataset and data year), in the active language."""
    if src is None:
        return ""
    if isinstance(src, dict):
        src = SourceRef.from_dict(src)
    name = str(DATASET_LABELS.get(src.dataset, src.label))
    if src.dataset == "evidence":
        return _("Additional information, submission %(id)s") % {"id": src.line}
    if src.dataset == "rti" and src.year is not None:
        return _("%(source)s: law first passed in %(year)s") % {"source": name, "year": src.year}
    if src.dataset == "gdb":
        return _("%(source)s, research period 2019–2021") % {"source": name}
    return f"{name} {src.year}" if src.year is not None else name


def raw_value_text(code: str, raw: str) -> str:
    """The source value behind a criterion, in words."""
    if not raw:
        return ""
    if code == "fiscal_transparency" and "=" in raw:
        parts = []
        for part in raw.split("; "):
            doc, status = part.split("=", 1)
            parts.append(
                _("%(document)s: %(status)s")
                % {
                    "document": OBS_DOCUMENT_LABELS.get(doc, doc),
                    "status": OBS_STATUS_LABELS.get(status, status),
                }
            )
        # Translators: separates documents in a list ("Audit Report: published online; ...")
        return _("; ").join(parts)
    if code in ("access_to_information", "asset_disclosure"):
        provision, _sep, access = raw.partition("; ")
        text = str(PROVISION_LABELS.get(provision, provision))
        if access:
            text += ", " + _("with public access")
        return text
    try:  # a score (e.g. EIU 4.12): decimal separator of the reader's language
        return number_format(float(raw), decimal_pos=len(raw.partition(".")[2]))
    except ValueError:
        return raw


def alphabetical(name: str) -> str:
    """Sort key for names in any of the three languages: accents and case ignored
    (Égypte between Égalité and Espagne, not after Zimbabwe)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()

"""The columns of OGP's commitments & IRM data sheet, by family, and the values that mean
"no data" (pure data: no Django)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from ogp.plans.domain.scales import CodeState

POLICY_AREA_NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "policy_areas.json"

IDENTITY = ["Commitment Unique Identifier", "id", "URL", "Commitment Number", "Commitment Dummy"]
PLACE = ["Country/Locality", "Code", "Region", "National Or Local"]
PLAN = [
    "Action Plan ID",
    "Action Plan Number",
    "Year Of Submission",
    "Action Plan End Year",
    "Action Plan Duration (Years)",
]
TEXT = ["Theme", "Commitment Title", "Short Title", "Full Text"]
INSTITUTIONS = ["Lead Institution", "Supporting Institution(s)"]
DATES = ["Start Date", "End Date"]
TAGS = [
    "Anti-Corruption and Integrity", "Anti-corruption Institutions", "Anti-Corruption Strategies",
    "Asset Disclosure", "Audits", "Beneficial Ownership", "Conflicts Of Interest", "Elections",
    "Political Finance", "Lobbying", "Open Contracting", "Public Procurement",
    "Right To Information", "Whistleblower Protections", "Civic Space and Enabling Environment",
    "Freedom of Assembly", "Freedom of Association", "Freedom of Expression",
    "Democratizing Decision-Making", "Digital Participation", "Mainstreaming Participation",
    "Regulatory Governance", "Social Accountability", "Digital Governance",
    "Automated Decision-making", "Data Stewardship and Privacy", "Digital Inclusion",
    "Disinformation/Misinformation", "Online Civic Space", "Environment & Climate",
    "Climate Finance", "Climate Mitigation and Adaptation", "Environmental Regulation",
    "International Environmental Agreements", "Fiscal Openness",
    "Publication Of Budget/Fiscal Information", "Public Participation In Budget/Fiscal Policy",
    "Oversight Of Budget/Fiscal Policies", "Stimulus and Economic Recovery", "Tax", "Debt",
    "Inclusion", "Gender", "Gender-Based Violence", "Economic Inclusion", "LGBTQIA+",
    "People with Disabilities", "Youth", "Justice", "Access to Justice", "Open Justice",
    "Policing & Corrections", "Judiciary", "Open Parliaments", "Public Service Delivery",
    "Citizenship & Immigration", "Education", "Health & Nutrition", "Infrastructure & Transport",
    "Water & Sanitation", "Capacity Building", "Digital Transformation", "Legislation",
    "Regulation", "Legislative Oversight", "Open Data", "Public Participation", "Aid", "Energy",
    "Extractive Industries", "Land and Spatial Planning", "Media & Telecommunications",
    "Science & Technology", "Security & Public Safety", "Labor", "Private Sector", "Subnational",
    "Human Rights", "Open Parliament Plan", "Sustainable Development Goals",
    "Open Data (Water/Sanitation)", "Open Data (Health)", "Open Data (Education)",
    "Participation in Lawmaking", "Access to information", "Money in Politics",
]  # fmt: skip


@cache
def policy_area_names() -> dict[str, dict[str, str]]:
    """French and Spanish names of OGP's policy-area tags, by the sheet's tag column (the
    sheet itself names them in English only)."""
    data: dict[str, dict[str, str]] = json.loads(POLICY_AREA_NAMES_FILE.read_text("utf-8"))
    return data


# IRM coding on a scale: (text column, numeric column, "<phase>.<indicator>")
CODED: list[tuple[str | None, str | None, str]] = [
    ("Specificity", "_Specificity", "design.specificity"),
    ("Verifiable", None, "design.verifiable"),
    ("OGP Value Access To Information", None, "design.value_access_to_information"),
    ("OGP Value Civic Participation", None, "design.value_civic_participation"),
    ("OGP Value Public Accountability", None, "design.value_public_accountability"),
    ("OGP Value Technology", None, "design.value_technology"),
    (None, "_Relevant", "design.relevance"),
    ("Potential Impact", "_Potential Impact", "design.potential_impact"),
    ("Potential for Results", "_Potential for Results", "design.potential_for_results"),
    ("Completion (Progress Report)", "_CompletionProgress", "midterm.completion"),
    ("Completion (End Of Term)", "_CompletionEndTerm", "end_of_term.completion"),
    ("Change In Completion", "_ChangeCompletion", "end_of_term.change_in_completion"),
    ("Early Results", "_Early Results", "end_of_term.early_results"),
    ("Did It Open Government (Overall)", "_OpenGovernment", "end_of_term.did_it_open_government"),
    (
        "Did It Open Government (Access To Information)",
        "_DIOGATI",
        "end_of_term.diog_access_to_information",
    ),
    (
        "Did It Open Government (Civic Participation)",
        "_DIOGCP",
        "end_of_term.diog_civic_participation",
    ),
    (
        "Did It Open Government: Public Accountability",
        "_DIOGPA",
        "end_of_term.diog_public_accountability",
    ),
]
# Other IRM facts, kept with their ND/NR/NA state: report years, clusters, OGP's own stars.
IRM_FACTS = [
    "Report Publication Year (Progress Report)", "Compound", "Cluster", "Starred (2015 Only)",
    "Starred (Current Formula) Progress Report", "Cluster (AP Review)", "Cluster Commitment ID(s)",
    "Report Publication Year (End Of Term)", "Starred (Current Formula) End of Term",
    "Carried Forward",
]  # fmt: skip
# OGP's own derived flags and bookkeeping, kept as published (the platform recomputes its own).
OGP_FLAGS = [
    "Most Recently Assessed", "Star - Most Recently Assessed", "IRM Assessed",
    "Updated? (Website)", "Active Commitment", "Max star", "Ambition Assessed", "Comp Assessed",
    "DIOG Assessed", "Midterm Only", "Max Completion", "Raw Completion", "High Completion",
    "High Ambition", "High DIOG", "Ambitious and complete, or DIOG", "Ambitious but not complete",
    "Complete but not ambitious", "Not complete or ambitious", "Not reviewed", "CHECKSUM",
    "IRM-Based Score", "Binding constraint", "Latest IRM Report", "Subnational in NAPs",
]  # fmt: skip
_coded_columns = [c for t, n, _k in CODED for c in (t, n) if c]
FAMILIES: dict[str, list[str]] = {
    "identity": IDENTITY,
    "place": PLACE,
    "plan": PLAN,
    "text": TEXT,
    "institutions": INSTITUTIONS,
    "dates": DATES,
    "tags": TAGS,
    "coding": _coded_columns,
    "irm_facts": IRM_FACTS,
    "ogp_flags": OGP_FLAGS,
}
ALL_COLUMNS = [c for cols in FAMILIES.values() for c in cols]
IDENTIFIER_RE = re.compile(r"[A-Z]{2,4}\d{3,5}")
PLAN_ID_RE = re.compile(r"AP_[A-Z]{3,4}\d{2,3}")
NUMBER_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z.\-]{0,19}")
FLOAT_NOISE_RE = re.compile(r"\d+\.\d{7,}")
PLACE_CODE_RE = re.compile(r"[A-Z]{3,4}")
NO_VALUE = {"": CodeState.NO_DATA, "ND": CodeState.NO_DATA, "NR": CodeState.NOT_REVIEWED}
NOT_APPLICABLE = {"NA", "N/A"}
EMPTY_TEXT = {"", "NA", "N/A", "UNCLEAR", "ND", "NONE"}

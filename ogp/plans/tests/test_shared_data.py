"""Integration: import the real OGP commitments & IRM data sheet from ../shared/data."""

import pytest

from ogp.countries.seed import seed_countries
from ogp.plans.models import ActionPlan, Commitment, Locality
from ogp.plans.services import sheet_import

pytestmark = [pytest.mark.django_db, pytest.mark.shared_data]
FILE = "ogp/ogp_commitments_open_parliament_subset_g0v_2024-07.csv"


def test_import_shared_sheet(shared_data_dir):
    path = shared_data_dir / FILE
    if not path.is_file():
        pytest.skip(f"{path} not found")
    seed_countries()
    record = sheet_import(acting_user=None, data=path.read_bytes(), file_name=path.name)
    assert record.rows == 558
    assert record.rows_refused == 0
    assert record.commitments_created == Commitment.objects.count() == 558
    assert record.plans_created == ActionPlan.objects.count() == 214
    assert record.countries == 75  # 68 countries and 7 localities
    assert Locality.objects.count() == 7
    assert ActionPlan.objects.values("country").distinct().count() == 69
    assert len(record.report["notes"]) == 38  # dates written day/month/year, flagged
    al = Commitment.objects.get(identifier="AL0002")
    assert al.plan.ogp_id == "AP_ALB01" and al.source_url.endswith("/commitments/al0002")
    # ND and NR kept apart in the real data
    states = {c.irm_coding["end_of_term.completion"]["state"] for c in Commitment.objects.all()}
    assert {"nd", "nr", "value"} <= states
    again = sheet_import(acting_user=None, data=path.read_bytes(), file_name=path.name)
    assert (again.commitments_created, again.commitments_updated) == (0, 0)
    assert again.commitments_unchanged == 558

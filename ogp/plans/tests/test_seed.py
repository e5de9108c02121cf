import io

import pytest

from ogp.plans.models import ActionPlan, CodingScaleVersion, Commitment
from ogp.plans.seed import seed

pytestmark = pytest.mark.django_db


def test_seed_scales_and_demo(country, client):
    out = io.StringIO()
    seed(demo=False, stdout=out)
    assert CodingScaleVersion.objects.count() == 3
    assert not ActionPlan.objects.exists()
    seed(demo=True, stdout=out)
    seed(demo=True, stdout=out)  # idempotent
    plan = ActionPlan.objects.get(is_demo=True)
    assert plan.locality.name == "Demo City (fictional)"
    titles = list(Commitment.objects.filter(plan=plan).values_list("title", flat=True))
    assert len(titles) == 3 and all(t.startswith(("Demo", "Démo")) for t in titles)
    assert Commitment.objects.filter(is_demo=False).count() == 0
    page = client.get(Commitment.objects.get(identifier="DEMO0002").get_absolute_url())
    assert page.status_code == 200 and "badge-demo" in page.content.decode()
    assert Commitment.objects.get(identifier="DEMO0001").progress is not None


def test_seed_imports_sheet_from_sources_dir(settings, tmp_path, country, other_country):
    from .test_import import SAMPLE

    (tmp_path / "ogp").mkdir()
    (tmp_path / "ogp" / "ogp_commitments_open_parliament_subset_g0v_2024-07.csv").write_bytes(
        SAMPLE.read_bytes()
    )
    settings.OGP_SOURCES_DIR = str(tmp_path)
    out = io.StringIO()
    seed(demo=False, stdout=out)
    assert "4 created" in out.getvalue()

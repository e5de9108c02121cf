import datetime

import pytest
from django.template import engines
from django.utils import translation

DAY_ONE = datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", DAY_ONE, "1er décembre 2026"),
        ("fr", datetime.date(2026, 12, 11), "11 décembre 2026"),
        ("es", DAY_ONE, "1 de diciembre de 2026"),
        ("en", DAY_ONE, "Dec. 1, 2026"),
    ],
)
def test_dates_one_way_per_language(language, day, expected):
    rendered = engines["django"].from_string('{{ d|date:"DATE_FORMAT" }}')
    with translation.override(language):
        assert rendered.render({"d": day}) in {expected, expected.replace("Dec.", "December")}

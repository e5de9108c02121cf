from datetime import date

import pytest

from ogp.plans.domain.sheetdates import Precision, SheetDateError, parse_sheet_date


@pytest.mark.parametrize(
    ("raw", "end", "value", "precision"),
    [("9/1/2019", False, date(2019, 9, 1), Precision.DAY),
     ("12/31/19", True, date(2019, 12, 31), Precision.DAY),
     ("2/29/2020", False, date(2020, 2, 29), Precision.DAY),
     ("July 2014", False, date(2014, 7, 1), Precision.MONTH),
     ("February 2015", True, date(2015, 2, 28), Precision.MONTH),
     ("2012", False, date(2012, 1, 1), Precision.YEAR),
     ("2012", True, date(2012, 12, 31), Precision.YEAR),
     ("Quarter 1 2015", True, date(2015, 3, 31), Precision.QUARTER),
     ("IV quarter of 2021", False, date(2021, 10, 1), Precision.QUARTER),
     ("III quarter of 2022", True, date(2022, 9, 30), Precision.QUARTER),
     ("44439", False, date(2021, 8, 31), Precision.DAY),
     ("NA", False, None, Precision.NONE), ("", False, None, Precision.NONE),
     ("Ongoing", True, None, Precision.NONE), ("Spring 2015", False, None, Precision.NONE)],
)  # fmt: skip
def test_sheet_dates(raw, end, value, precision):
    parsed = parse_sheet_date(raw, end=end)
    assert (parsed.value, parsed.precision, parsed.raw) == (value, precision, raw)


def test_month_day_year_not_day_month_year():
    assert parse_sheet_date("1/2/2020").value == date(2020, 1, 2)
    assert not parse_sheet_date("1/2/2020").swapped


def test_unambiguous_day_month_year_is_read_and_flagged():
    parsed = parse_sheet_date("31/12/2016")
    assert parsed.value == date(2016, 12, 31) and parsed.swapped


@pytest.mark.parametrize("raw", ["2/30/2020", "13/13/2020", "0/5/2020", "12/0/2020"])
def test_impossible_dates(raw):
    with pytest.raises(SheetDateError):
        parse_sheet_date(raw)

"""Calendar helpers (standard library only)."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(start: date, months: int) -> date:
    """Return ``start`` moved by ``months`` calendar months, clamped to the month's last day.

    ``add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)``: there is no February 31, so
    the deadline is the last day of February (29 in a leap year).
    """
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))

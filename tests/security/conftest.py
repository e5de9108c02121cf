"""The membership fixtures (eligible country, co-chairs, complete letter) for letter tests."""

from ogp.membership.tests.conftest import (  # noqa: F401 - fixtures used by test_letters
    cochairs,
    complete_letter,
    eligible_country,
    signed_pdf,
)

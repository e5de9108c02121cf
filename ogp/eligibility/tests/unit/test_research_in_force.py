"""A correction applies from its own year; earlier cycles keep the entry valid then."""

from ogp.eligibility.domain.research import EntryStub, entries_in_force

ATI = "access_to_information"


def test_a_later_correction_leaves_earlier_cycles_alone():
    law = EntryStub(1, 10, ATI, 2014)
    repealed = EntryStub(2, 10, ATI, 2020, corrects=1)
    assert entries_in_force([law, repealed], 2016) == [1]  # today: [] (criterion lost)
    assert entries_in_force([law, repealed], 2019) == [1]
    assert entries_in_force([law, repealed], 2020) == [2]
    assert entries_in_force([law, repealed], 2024) == [2]


def test_a_same_year_correction_replaces_the_entry():
    wrong = EntryStub(1, 10, ATI, 2020)
    fixed = EntryStub(2, 10, ATI, 2020, corrects=1)
    assert entries_in_force([fixed, wrong], 2020) == [2]
    assert entries_in_force([fixed, wrong], 2019) == []


def test_newest_entry_per_country_and_criterion():
    entries = [
        EntryStub(1, 10, ATI, 2012),
        EntryStub(2, 10, ATI, 2018),
        EntryStub(3, 11, ATI, 2015),
        EntryStub(4, 10, "asset_disclosure", 2012),
    ]
    assert sorted(entries_in_force(entries, 2016)) == [1, 3, 4]
    assert sorted(entries_in_force(entries, 2018)) == [2, 3, 4]
    assert entries_in_force(entries, 2011) == []

from ogp.cocreation.domain.textdiff import Change, Op, Segment, commitment_diffs, word_diff

FIELDS = ["title", "problem", "milestones"]


def test_word_diff_keeps_whitespace_and_merges_runs():
    segments = word_diff("Publish the budget data yearly", "Publish all budget data monthly")
    assert segments == (
        Segment(Op.EQUAL, "Publish "), Segment(Op.DELETE, "the"), Segment(Op.INSERT, "all"),
        Segment(Op.EQUAL, " budget data "), Segment(Op.DELETE, "yearly"),
        Segment(Op.INSERT, "monthly"),
    )  # fmt: skip
    assert (
        "".join(s.text for s in segments if s.op is not Op.DELETE)
        == "Publish all budget data monthly"
    )


def test_word_diff_identical_and_empty():
    assert word_diff("same", "same") == (Segment(Op.EQUAL, "same"),)
    assert word_diff("", "") == ()
    assert word_diff("", "new") == (Segment(Op.INSERT, "new"),)


def test_commitment_diffs_by_key():
    old = [("a", {"title": "Open budgets", "problem": "Hidden"}),
           ("b", {"title": "Lobby register", "problem": "None"}),
           ("c", {"title": "Same", "problem": "Same"})]  # fmt: skip
    new = [("c", {"title": "Same", "problem": "Same"}),
           ("a", {"title": "Open budgets now", "problem": "Hidden"}),
           ("d", {"title": "Beneficial ownership", "milestones": "Law by 2027"})]  # fmt: skip
    result = commitment_diffs(old, new, field_order=FIELDS)
    assert [(d.key, d.change) for d in result] == [
        ("c", Change.UNCHANGED), ("a", Change.CHANGED), ("d", Change.ADDED), ("b", Change.REMOVED),
    ]  # fmt: skip
    changed = result[1]
    assert [f.name for f in changed.fields] == ["title"]
    assert changed.title == "Open budgets now"
    assert [f.name for f in result[2].fields] == ["title", "milestones"]
    assert result[3].fields[0].segments == (Segment(Op.DELETE, "Lobby register"),)
    assert result[0].fields == ()

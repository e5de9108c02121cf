from ogp.cocreation.domain.similarity import fold, similar, words


def test_fold_and_words():
    assert fold("Éducation Publique") == "education publique"
    assert words("The budget of the 2026 Budget, and données ouvertes") == {
        "budget", "donnees", "ouvertes",
    }  # fmt: skip


def test_similar_ranks_and_filters():
    candidates = [
        (1, "Publish open budget data every month"),
        (2, "Open contracting for public procurement"),
        (3, "Budget data published monthly in open formats"),
        (4, ""),
    ]
    matches = similar("open budget data", candidates)
    assert [m.key for m in matches] == [1, 3]
    assert matches[0].score >= matches[1].score
    assert similar("the and", candidates) == ()
    assert len(similar("open budget data", candidates, limit=1)) == 1


def test_ties_by_key_and_accents():
    matches = similar("réforme éducation", [(9, "reforme education"), (2, "Réforme Éducation")])
    assert [m.key for m in matches] == [2, 9]
    assert matches[0].score == 1.0

"""The author of a comment on a self-assessment or an IRM draft is e-mailed its answer, in the
author's language, once the answer is committed: once per answer, "updated" when it changes."""

from datetime import timedelta

import pytest
from django.db import transaction

from ogp.accounts.models import Role
from ogp.accounts.tests.factories import ResearcherUserFactory, UserFactory
from ogp.core.models import OutboundEmail
from ogp.monitoring.services import (
    irm_comment_answer,
    irm_comment_create,
    self_assessment_comment_answer,
    self_assessment_comment_create,
    self_assessment_create,
    self_assessment_open_for_comment,
)
from ogp.plans.services import irm_report_create, irm_report_update

from .conftest import TODAY

pytestmark = pytest.mark.django_db
DAY = timedelta(days=1)
REASON = "We named the late commitment."


@pytest.fixture
def report(plan, government_user):
    report = self_assessment_create(acting_user=government_user, plan=plan, kind="midterm")
    return self_assessment_open_for_comment(
        acting_user=government_user, report=report, opens=TODAY, closes=TODAY + 14 * DAY,
        today=TODAY,
    )  # fmt: skip


def _comment(report, author):
    return self_assessment_comment_create(
        acting_user=author, report=report, target="section:introduction",
        body="Say which commitment was late.", today=TODAY,
    )  # fmt: skip


def _answer(comment, by, reason=REASON):
    return self_assessment_comment_answer(
        acting_user=by, comment=comment, disposition="adopted", reason=reason
    )


@pytest.fixture
def answered(report, government_user, django_capture_on_commit_callbacks):
    """A comment by an author speaking `language`, answered (and committed) with each reason."""

    def run(language, *reasons):
        author = UserFactory(preferred_language=language)
        comment = _comment(report, author)
        for reason in reasons:
            with django_capture_on_commit_callbacks(execute=True):
                _answer(comment, government_user, reason)
        return author, comment

    return run


def test_author_is_told_once_in_their_language(report, answered, mailoutbox):
    author, comment = answered("fr", REASON, REASON)  # the same answer saved twice
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [author.email]
    assert "a reçu une réponse" in message.subject
    assert "Réponse : Retenue" in message.body
    assert REASON in message.body
    assert f"/fr/monitoring/self-assessment/{report.pk}/#comment-{comment.pk}" in message.body
    html = message.alternatives[0][0]
    assert "Ce que vous avez écrit" in html and 'lang="fr"' in html
    assert OutboundEmail.objects.filter(template="engagement/email/answer_given").count() == 1


def test_changed_answer_sends_an_update(answered, mailoutbox):
    answered("es", REASON, "We named both late commitments.")
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject.startswith("La respuesta a su aporte")
    assert "We named both late commitments." in mailoutbox[1].body
    assert OutboundEmail.objects.filter(template="engagement/email/answer_updated").count() == 1


def test_no_mail_when_the_answerer_is_the_author(
    report, country, mailoutbox, django_capture_on_commit_callbacks
):
    author = UserFactory()
    comment = _comment(report, author)
    author.role, author.country = Role.GOVERNMENT, country  # since joined the government
    author.save(update_fields=["role", "country"])
    with django_capture_on_commit_callbacks(execute=True):
        _answer(comment, author)
    assert comment.answered_by == author
    assert mailoutbox == []


def test_no_mail_when_the_answer_is_rolled_back(
    report, government_user, mailoutbox, django_capture_on_commit_callbacks
):
    comment = _comment(report, UserFactory())
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _answer(comment, government_user)
        raise RuntimeError("rolled back")
    assert callbacks == [] and mailoutbox == []
    assert not OutboundEmail.objects.exists()
    comment.refresh_from_db()
    assert comment.disposition == ""


def test_irm_comment_author_is_told(
    plan, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    researcher = ResearcherUserFactory()
    irm = irm_report_create(
        acting_user=staff_user, plan=plan, kind="results_report", researchers=[researcher]
    )
    irm = irm_report_update(
        acting_user=researcher, report=irm, summary="Both advanced.", analysis="Budgets.",
        minimum_requirements={}, comment_opens=TODAY, comment_closes=TODAY + 13 * DAY,
    )  # fmt: skip
    author = UserFactory(preferred_language="es")
    comment = irm_comment_create(
        acting_user=author, report=irm, target="section:analysis", body="Too short",
        today=TODAY,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        irm_comment_answer(
            acting_user=researcher, comment=comment, disposition="not_adopted",
            reason="The analysis covers both commitments.",
        )  # fmt: skip
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.startswith("Su aporte sobre")
    assert f"/es/monitoring/irm/{irm.pk}/comments/#comment-{comment.pk}" in mailoutbox[0].body

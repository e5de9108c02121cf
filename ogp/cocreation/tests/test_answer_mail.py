"""The author of a proposal or a paragraph comment is e-mailed the ledger's disposition and
reason, in their language, once committed; offline input and unconfirmed visitors get none."""

import pytest
from django.db import transaction
from django.utils import timezone, translation

from ogp.accounts.tests.factories import UserFactory
from ogp.cocreation.models import LedgerEntry
from ogp.cocreation.services import inputs

from .factories import CommitmentFactory, ProposalFactory, VersionFactory
from .test_flow import (
    _open,
    plan,  # noqa: F401 (the fixture: a plan being co-created)
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def opened(plan, government_user):  # noqa: F811 (the imported fixture)
    return _open(plan, government_user)


def _respond(entry, by, reason="Outside this plan's scope.", disposition="out_of_scope"):
    return inputs.ledger_respond(
        acting_user=by, entry=entry, disposition=disposition, reason=reason
    )


def test_proposal_author_told_once_in_their_language(
    opened, government_user, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory(plan=opened, author=UserFactory(preferred_language="es"))
    with django_capture_on_commit_callbacks(execute=True):
        _respond(proposal.ledger_entry, government_user)
        _respond(proposal.ledger_entry, government_user)  # the same answer again: no mail
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [proposal.author.email]
    assert message.subject.startswith("Su aporte sobre Demo plan 2027-2029")
    assert "Outside this plan's scope." in message.body
    assert proposal.title in message.body
    with translation.override("es"):
        assert proposal.get_absolute_url() in message.body
    with django_capture_on_commit_callbacks(execute=True):
        _respond(proposal.ledger_entry, government_user, reason="Kept for the next plan.")
    assert len(mailoutbox) == 2
    assert mailoutbox[1].subject.startswith("La respuesta a su aporte")


def test_paragraph_comment_author_told(
    opened, government_user, user, mailoutbox, django_capture_on_commit_callbacks
):
    version = VersionFactory(plan=opened, number=1, comments_close_on=TODAY)
    commitment = CommitmentFactory(version=version)
    anchor = f"c-{commitment.key}-problem"
    comment = inputs.comment_create(
        acting_user=user, version=version, anchor=anchor, body="Add a baseline"
    )
    with django_capture_on_commit_callbacks(execute=True):
        _respond(comment.ledger_entry, government_user, disposition="not_adopted",
                 reason="The baseline is in the annex.")  # fmt: skip
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    assert f"#{anchor}" in mailoutbox[0].body


def test_no_mail_to_the_answerer_offline_or_on_rollback(
    opened, government_user, mailoutbox, django_capture_on_commit_callbacks
):
    own = ProposalFactory(plan=opened, author=government_user)
    item = inputs.offline_input_create(
        acting_user=government_user, plan=opened, source="meeting", received_on=TODAY,
        received_from="Forum members", summary="Include local governments", language="fr",
    )  # fmt: skip
    other = ProposalFactory(plan=opened)
    with django_capture_on_commit_callbacks(execute=True):
        _respond(own.ledger_entry, government_user)
        _respond(LedgerEntry.objects.get(offline=item), government_user)
        with pytest.raises(RuntimeError), transaction.atomic():
            _respond(other.ledger_entry, government_user)
            raise RuntimeError("rolled back")
    assert mailoutbox == []


def test_confirmed_visitor_told_at_their_address(
    opened, government_user, mailoutbox, django_capture_on_commit_callbacks
):
    visitor = ProposalFactory(plan=opened, author=None, author_email="v@example.org", language="fr")
    unconfirmed = ProposalFactory(
        plan=opened, author=None, author_email="u@example.org", is_confirmed=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        _respond(visitor.ledger_entry, government_user)
        _respond(unconfirmed.ledger_entry, government_user)
    assert [m.to for m in mailoutbox] == [["v@example.org"]]
    assert "a reçu une réponse" in mailoutbox[0].subject

import pytest
from django.core import mail

from ogp.core.mail import send_templated_mail

pytestmark = pytest.mark.django_db


def test_plain_text_mail_is_not_html_escaped(user):
    from ogp.accounts.models import RoleRequest

    request = RoleRequest(
        user=user,
        role="researcher",
        state="declined",
        decision_reason="We can't verify O'Brien's affiliation & role",
    )
    send_templated_mail(
        to=[user.email],
        template="accounts/email/role_request_decided",
        context={"request_obj": request, "user": user},
        language="fr",
    )
    message = mail.outbox[-1]
    assert "We can't verify O'Brien's affiliation & role" in message.body
    assert "&#x27;" not in message.body and "&amp;" not in message.body
    assert "&#x27;" not in message.subject

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from ogp.accounts.models import Role, User
from ogp.countries.tests.factories import CountryFactory
from ogp.organisations.tests.factories import OrganisationFactory

PASSWORD = "correct horse battery staple 42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    role = Role.PUBLIC
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class StaffUserFactory(UserFactory):
    role = Role.SUPPORT_UNIT
    is_staff = True

    @factory.post_generation
    def two_factor(self, create, extracted, **kwargs):
        """Staff must have 2FA; give them a TOTP authenticator (secret is irrelevant here)."""
        if create and extracted is not False:
            Authenticator.objects.create(
                user=self, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
            )


class GovernmentUserFactory(UserFactory):
    role = Role.GOVERNMENT
    country = factory.SubFactory(CountryFactory)


class CivilSocietyUserFactory(UserFactory):
    role = Role.CIVIL_SOCIETY
    organisation = factory.SubFactory(OrganisationFactory)


class ResearcherUserFactory(UserFactory):
    role = Role.RESEARCHER

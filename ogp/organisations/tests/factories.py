import factory

from ogp.organisations.models import Organisation, OrganisationKind


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Demo Civic Network {n}")
    slug = factory.Sequence(lambda n: f"demo-civic-network-{n}")
    kind = OrganisationKind.CIVIL_SOCIETY
    is_demo = True

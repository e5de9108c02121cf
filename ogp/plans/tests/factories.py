import factory

from ogp.countries.tests.factories import CountryFactory
from ogp.plans.models import ActionPlan, Commitment, CommitmentInstitution, Milestone


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    ogp_id = factory.Sequence(lambda n: f"AP_QQQ{n:02d}")
    country = factory.SubFactory(CountryFactory)
    submitted_year = 2022
    end_year = 2024
    number = 1


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    identifier = factory.Sequence(lambda n: f"QQ{n:04d}")
    plan = factory.SubFactory(ActionPlanFactory)
    title = factory.Sequence(lambda n: f"Commitment {n}")
    completion = "substantial"
    high_completion = True
    starred = False


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitmentInstitution

    commitment = factory.SubFactory(CommitmentFactory)
    role = "supporting"
    name = factory.Sequence(lambda n: f"Institution {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    commitment = factory.SubFactory(CommitmentFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    position = factory.Sequence(lambda n: n)

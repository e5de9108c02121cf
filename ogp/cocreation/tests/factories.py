from datetime import timedelta

import factory
from django.utils import timezone

from ogp.accounts.tests.factories import UserFactory
from ogp.cocreation.models import (
    CoCreationPlan,
    CoCreationRuleSet,
    DraftCommitment,
    DraftMilestone,
    DraftVersion,
    LedgerEntry,
    Opportunity,
    Proposal,
    TimelineStep,
)
from ogp.countries.tests.factories import CountryFactory


def rule_set(code: str = "ogp-2022") -> CoCreationRuleSet:
    from ogp.cocreation.services.rulesets import rule_sets_install

    if not CoCreationRuleSet.objects.filter(code=code).exists():
        rule_sets_install()
    return CoCreationRuleSet.objects.get(code=code)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoCreationPlan

    country = factory.SubFactory(CountryFactory, membership_status="active")
    title = factory.Sequence(lambda n: f"Demo action plan {n}")
    slug = factory.Sequence(lambda n: f"demo-plan-{n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=120))
    rule_set = factory.LazyFunction(rule_set)
    state = "co_creation"
    opened_on = factory.LazyFunction(timezone.localdate)
    timeline_published_on = factory.LazyFunction(timezone.localdate)
    is_demo = True


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineStep

    plan = factory.SubFactory(PlanFactory)
    kind = "engagement"
    title = factory.Sequence(lambda n: f"Step {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=20))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=30))


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opportunity

    plan = factory.SubFactory(PlanFactory)
    kind = "meeting"
    title = factory.Sequence(lambda n: f"Workshop {n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=20))
    closes_on = factory.LazyAttribute(lambda o: o.opens_on + timedelta(days=1))
    published_on = factory.LazyFunction(timezone.localdate)


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DraftVersion

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    introduction = "First paragraph.\n\nSecond paragraph."
    published_at = factory.LazyFunction(timezone.now)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DraftCommitment

    version = factory.SubFactory(VersionFactory)
    key = factory.Sequence(lambda n: f"k{n:04d}")
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Open budget data {n}")
    problem = "Budget data are published late and as scanned PDFs."
    objective = "Publish budget data monthly as open data."
    relevance_transparency = "Citizens can see spending."
    lead_institution = "Ministry of Finance (demo)"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DraftMilestone

    commitment = factory.SubFactory(CommitmentFactory)
    key = factory.Sequence(lambda n: f"m{n:04d}")
    title = factory.Sequence(lambda n: f"Milestone {n}")
    expected_output = "Portal online"


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Proposal {n} on open contracting")
    problem = "Contracts are not public."
    solution = "Publish every contract."
    values = ["transparency"]
    policy_area = "open_contracting"
    language = "en"
    is_demo = True

    @factory.post_generation
    def ledger(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            LedgerEntry.objects.create(
                plan=obj.plan,
                kind="proposal",
                proposal=obj,
                received_on=timezone.localdate(),
                language=obj.language,
            )

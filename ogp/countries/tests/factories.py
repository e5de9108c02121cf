import factory

from ogp.countries.models import Country, MembershipStatus, Region


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("iso3",)

    iso2 = factory.Sequence(lambda n: f"{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}")
    iso3 = factory.Sequence(lambda n: f"Q{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}")
    numeric = ""
    name_en = factory.Sequence(lambda n: f"Testland {n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.name_en} (fr)")
    name_es = factory.LazyAttribute(lambda o: f"{o.name_en} (es)")
    region = Region.EUROPE
    un_member = True
    membership_status = MembershipStatus.NOT_ASSESSED

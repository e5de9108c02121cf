import factory

from ogp.countries.models import Country, MembershipStatus, Region


def _two_letters(n: int) -> str:
    return f"{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}"


def free_iso2(n: int) -> str:
    """The n-th two-letter code not held by a country already stored: the sequence alone would
    sooner or later give a real code a test has stored (Namibia's NA), depending on how many
    countries the tests before it made in the same process."""
    for step in range(26 * 26):
        code = _two_letters(n + step)
        if not Country.objects.filter(iso2=code).exists():
            return code
    raise RuntimeError("every two-letter code is taken")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("iso3",)

    iso2 = factory.Sequence(free_iso2)
    iso3 = factory.Sequence(lambda n: f"Q{chr(65 + (n // 26) % 26)}{chr(65 + n % 26)}")
    numeric = ""
    name_en = factory.Sequence(lambda n: f"Testland {n}")
    name_fr = factory.LazyAttribute(lambda o: f"{o.name_en} (fr)")
    name_es = factory.LazyAttribute(lambda o: f"{o.name_en} (es)")
    region = Region.EUROPE
    un_member = True
    membership_status = MembershipStatus.NOT_ASSESSED

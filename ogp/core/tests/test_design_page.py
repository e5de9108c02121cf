import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_design_system_page_shows_every_component(client, language):
    html = client.get(f"/{language}/design/").content.decode()
    for css_class in [
        "step-list",
        "card",
        "tag tag-ok",
        "notice",
        "confirmation",
        "error-summary",
        "button-secondary",
        "table-scroll",
        "field-error",
    ]:
        assert css_class in html, css_class

import pytest


@pytest.fixture(autouse=True)
def _english():
    """Requests activate their language on the thread: start and leave every test in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")

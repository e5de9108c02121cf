"""Finding 5 (free text elsewhere): every text field of every form has a length limit."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import ogp


def _form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for module_info in pkgutil.walk_packages(ogp.__path__, "ogp."):
        name = module_info.name
        if ".tests" in name or ".migrations" in name or not name.endswith("forms"):
            continue
        module = importlib.import_module(name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name:
                found.append(cls)
    return found


def _fields(cls):  # type: ignore[no-untyped-def]
    try:
        return cls().fields  # limits set in __init__ count
    except TypeError:
        return cls.base_fields


@pytest.mark.django_db
def test_every_text_field_of_every_form_is_bounded():
    classes = _form_classes()
    assert len(classes) > 30
    unbounded = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in classes
        for name, field in _fields(cls).items()
        if isinstance(field, forms.CharField) and not field.max_length
    ]
    assert not unbounded, unbounded

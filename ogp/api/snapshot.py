"""The committed OpenAPI snapshot and how to regenerate it."""

from pathlib import Path

from django.utils import translation

SNAPSHOT_PATH = Path(__file__).resolve().parent / "openapi-v1.yaml"


def current_schema_yaml() -> str:
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiYamlRenderer

    with translation.override("en"):
        schema = SchemaGenerator(api_version="1.0.0").get_schema(request=None, public=True)
        return OpenApiYamlRenderer().render(schema, renderer_context={}).decode("utf-8")

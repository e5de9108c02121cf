"""Writes for participation (one module per area). Every state change is audited."""

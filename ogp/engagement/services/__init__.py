"""Writes for engagement; each state change is audited."""

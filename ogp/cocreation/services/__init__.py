"""Writes of the co-creation app. Each is atomic, checks permissions and rules, and is audited."""

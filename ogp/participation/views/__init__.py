"""Participation views, one module per area (thin: parse, call a selector or service, render)."""

"""Pure eligibility rules: rule sets as data, scoring, pathway, cycle diff and file parsers.

Standard library only. No Django, no settings, no clock.
"""

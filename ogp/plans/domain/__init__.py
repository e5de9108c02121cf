"""Pure rules for action plans and commitments (standard library only, no Django).

- ``scales``: IRM coding scales as versioned data, and what they imply (starred, high completion,
  strong early results);
- ``progress``: milestone statuses rolled up to a commitment, overdue milestones;
- ``contrary``: "acting contrary to process" triggers under each rule version, consecutive cycles;
- ``sheetdates``: the dates written in OGP's commitments data sheet.
"""

"""Pure participation rules: standard library only, ``today`` passed in, no Django.

- :mod:`.cadence`      the six-month forum meeting rule (met / due soon / missed)
- :mod:`.balance`      government / non-government balance of a forum
- :mod:`.waitlist`     event capacity and waiting-list allocation
- :mod:`.digest`       grouping changes into one digest per follower and window
- :mod:`.guidance`     which OGP phases a country's civil society can act on now
- :mod:`.workflow`     state machines: membership requests, subscriptions, moderation
"""

"""Typing helpers shared by every app.

The request type with the platform's `User` is `ogp.accounts.types.AuthenticatedHttpRequest`:
core sits below accounts and cannot name the user model.
"""

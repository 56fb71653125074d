"""Placeholder: the `search` command is registered here once written."""

"""Seed content shipped with cshire as JSON files, one folder per kind, and its loader."""

"""Evaluations' demo data: its ordered ``STEPS`` (see ``cshire/demo.py``)."""

STEPS: tuple = ()

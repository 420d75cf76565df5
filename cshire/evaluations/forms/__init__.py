"""Evaluation forms, one module per area."""

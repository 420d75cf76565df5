"""Hiring forms, one module per area."""

"""Hiring forms, one module per area; forms only parse and label input."""

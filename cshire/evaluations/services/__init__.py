"""Evaluation services, one module per area; they take the acting user, raise
``EvaluationError`` and never commit."""

"""Training services, one module per area; they take the acting user, raise
``TrainingError`` and never commit."""

"""Training models, one module per area (journey, curriculum, enrolments, work, sandbox)."""

"""Hiring models, one module per area (profiles, exemplars, questions, kits, openings,
candidates, interviews, scoring, decisions)."""

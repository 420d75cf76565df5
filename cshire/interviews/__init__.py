"""Hiring: high-performer profiles, question bank, interview kits, interviews, scorecards."""

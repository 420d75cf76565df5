"""The shared competency model: competencies, categories and anchored levels."""

"""Evaluation rules that need no database: pure functions of plain values."""

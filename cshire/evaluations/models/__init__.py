"""Evaluation models, one module per area (accounts, kpis, cycles)."""

"""Training rules that need no database: pure functions of plain values."""

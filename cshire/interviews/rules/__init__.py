"""Pure hiring rules: no database, no Flask — question allocation and picking (``kits``),
the exemplar suggestion (``exemplars``)."""

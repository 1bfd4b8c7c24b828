"""Tools around the product: scoring extraction against gold annotations (evaluate.py)."""

"""What tests build: one module per kind of object, so that no test module imports another.

- rows.py: rows written straight into a store (orders and their timings for the figures).
"""

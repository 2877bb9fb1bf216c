"""What tests build, one module per kind of object, so that no test module imports another.

- pipeline.py: the handoff models (a parsed message, lines as read and as matched, a matched
  order, a customer's history), built in memory.
- rows.py: rows written straight into a store (orders with their lines, with or without their
  message; orders with known timings for the figures).
- messages.py: e-mails carrying documents (PDF, spreadsheet, a zip bomb) and the orders
  stored from them.
- documents.py: purchase-order PDFs drawn from items and a layout.
- followups.py: the follow-up fixtures' messages ingested into a store.
"""

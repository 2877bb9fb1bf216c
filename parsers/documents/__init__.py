"""Attachments -> ExtractedOrder: PDF, spreadsheets, Order-X/UBL XML, read in a bounded child."""

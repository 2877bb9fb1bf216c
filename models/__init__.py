"""Pipeline models, store tables, the store, settings and errors.

Names are imported from their module on first use, so that a command which
needs only the errors or the settings does not pay for the store and the models.
"""

from __future__ import annotations

from models.lazy import lazy_face

_WHERE = {
    "ConfigError": "models.errors",
    "DocumentReadError": "models.errors",
    "IntakeError": "models.errors",
    "MailboxError": "models.errors",
    "MessageReadError": "models.errors",
    "ReferenceDataError": "models.errors",
    "StaleEditError": "models.errors",
    "CustomerHistory": "models.history",
    "PastOrder": "models.history",
    "customer_history": "models.history",
    "Address": "models.pipeline",
    "Attachment": "models.pipeline",
    "Candidate": "models.pipeline",
    "Classification": "models.pipeline",
    "CustomerMatch": "models.pipeline",
    "Decision": "models.pipeline",
    "DocumentKind": "models.pipeline",
    "Evidence": "models.pipeline",
    "Extracted": "models.pipeline",
    "ExtractedLine": "models.pipeline",
    "ExtractedOrder": "models.pipeline",
    "LineMatch": "models.pipeline",
    "MatchedOrder": "models.pipeline",
    "MessageKind": "models.pipeline",
    "OrderLineRecord": "models.pipeline",
    "OrderRecord": "models.pipeline",
    "OrderStatus": "models.pipeline",
    "Origin": "models.pipeline",
    "ParsedMessage": "models.pipeline",
    "ProcessedOrder": "models.pipeline",
    "ProcessResult": "models.pipeline",
    "Provenance": "models.pipeline",
    "RawMessage": "models.pipeline",
    "ReviewReason": "models.pipeline",
    "Severity": "models.pipeline",
    "SourceRow": "models.pipeline",
    "Table": "models.pipeline",
    "TableCell": "models.pipeline",
    "AliasRow": "models.reference",
    "CustomerRefRow": "models.reference",
    "CustomerRow": "models.reference",
    "HistoryRow": "models.reference",
    "ProductRow": "models.reference",
    "ReferenceData": "models.reference",
    "load_reference_dir": "models.reference",
    "read_reference_csv": "models.reference",
    "DEFAULT_DATABASE_URL": "models.settings",
    "RoutingMode": "models.settings",
    "Settings": "models.settings",
    "read_settings": "models.settings",
    "line_record": "models.rows",
    "message_row": "models.rows",
    "origin_of": "models.rows",
    "stored_raw": "models.rows",
    "to_record": "models.rows",
    "Store": "models.store",
    "make_engine": "models.store",
    "migrate": "models.store",
}
__all__ = sorted(_WHERE)

__getattr__, __dir__ = lazy_face(__name__, _WHERE)

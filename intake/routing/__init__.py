"""Accept or hold an order, and why: the decision, per-customer policy, one pure function per check.

Names are imported from their module on first use: every command checks the routing
file through `policy.py` at start, and should not pay for the checks and the decision.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.lazy import lazy_face

if TYPE_CHECKING:
    from intake.routing.checks import CheckContext, run_checks
    from intake.routing.decision import blocks_approval, decide
    from intake.routing.policy import Policy

_WHERE = {
    "CheckContext": "intake.routing.checks",
    "run_checks": "intake.routing.checks",
    "blocks_approval": "intake.routing.decision",
    "decide": "intake.routing.decision",
    "Policy": "intake.routing.policy",
}

__all__ = ["CheckContext", "Policy", "blocks_approval", "decide", "run_checks"]
__getattr__, __dir__ = lazy_face(__name__, _WHERE)

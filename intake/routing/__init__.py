"""Accept or hold an order, and why: the decision, per-customer policy, one pure function per check."""

from intake.routing.checks import CheckContext, run_checks
from intake.routing.decision import blocks_approval, decide
from intake.routing.policy import Policy

__all__ = ["CheckContext", "Policy", "blocks_approval", "decide", "run_checks"]

"""Per-customer routing: the mode and threshold that apply to one customer.

The defaults come from `Settings`; a TOML file (`INTAKE_ROUTING_FILE`) may
override them per customer, e.g. to review everything from a customer whose
orders are often changed, or to trust an old customer at a lower threshold::

    [customers.G001]
    mode = "automatic"
    accept_threshold = 0.8

    [customers.G007]
    mode = "review_all"
"""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from models import RoutingMode, Settings
from models.datafiles import load_toml


class CustomerRouting(BaseModel):
    """What one customer's entry may change; an absent key keeps the default."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: RoutingMode | None = None
    accept_threshold: float | None = Field(default=None, ge=0, le=1)
    new_customer_orders: int | None = Field(default=None, ge=0)


class RoutingFile(BaseModel):
    """The overrides file: one table per customer id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    customers: dict[str, CustomerRouting] = Field(default_factory=dict)


class Policy(BaseModel):
    """The routing that applies to one order."""

    mode: RoutingMode
    accept_threshold: float
    new_customer_orders: int


def load_routing(path: Path | None) -> RoutingFile:
    """Read and validate the overrides file; none configured means no overrides."""
    if path is None:
        return RoutingFile()
    return load_toml(path, RoutingFile)


def current_routing(path: Path | None) -> RoutingFile:
    """The overrides file as it is now, read again only when it changed on disk.

    Called for every message: the daemon picks up an edited file without a
    restart, and an unchanged file is not parsed again.
    """
    if path is None:
        return RoutingFile()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1  # load_routing reports the missing file with its reason
    return _load_stamped(path, stamp)


@functools.lru_cache(maxsize=8)
def _load_stamped(path: Path, _stamp: int) -> RoutingFile:
    return load_routing(path)


def policy_for(customer_id: str | None, *, settings: Settings, routing: RoutingFile) -> Policy:
    """The settings' routing, with the customer's overrides applied."""
    override = routing.customers.get(customer_id or "", CustomerRouting())
    return Policy(
        mode=override.mode or settings.routing_mode,
        accept_threshold=override.accept_threshold
        if override.accept_threshold is not None
        else settings.accept_threshold,
        new_customer_orders=override.new_customer_orders
        if override.new_customer_orders is not None
        else settings.new_customer_orders,
    )

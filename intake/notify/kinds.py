"""How goods travel and where a shipment stands: the words of status notices."""

from __future__ import annotations

from enum import StrEnum


class DeliveryMode(StrEnum):
    """How goods reach the customer (VOCABULARY.md, 'Delivery modes')."""

    ON_SITE = "on_site"  # livraison sur chantier
    DEPOT = "depot"  # enlèvement au dépôt, retrait en agence
    PICKUP_POINT = "pickup_point"  # point relais
    CARRIER = "carrier"  # messagerie, transporteur
    EXPRESS = "express"  # Chronopost, 24 h


class ShipmentStatus(StrEnum):
    SHIPPED = "shipped"
    READY = "ready"  # waiting at the depot or pickup point
    DELIVERED = "delivered"

"""order events: what happened downstream to an accepted order (shipped, delivered, ...)

Revision ID: 0006_order_events
Revises: 0005_api
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006_order_events"
down_revision = "0005_api"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("occurred_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("received_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("carrier", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
        sa.Column("tracking", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("lines", sa.JSON(), nullable=True),
        sa.Column("actor", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("idempotency_key", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("order_id", "idempotency_key"),
    )
    op.create_index("ix_order_events_order_id", "order_events", ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_order_events_order_id", table_name="order_events")
    op.drop_table("order_events")

"""delivery notes: the number of the delivery note (BL) an order event carries

Revision ID: 0011_delivery_notes
Revises: 0010_message_claims
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0011_delivery_notes"
down_revision = "0010_message_claims"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_events") as batch:
        batch.add_column(sa.Column("delivery_note", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch.create_index("ix_order_events_delivery_note", ["delivery_note"])


def downgrade() -> None:
    with op.batch_alter_table("order_events") as batch:
        batch.drop_index("ix_order_events_delivery_note")
        batch.drop_column("delivery_note")

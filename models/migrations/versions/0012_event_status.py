"""event status: downstream's own name for the state an order event tells

Revision ID: 0012_event_status
Revises: 0011_delivery_notes
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012_event_status"
down_revision = "0011_delivery_notes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("order_events") as batch:
        batch.add_column(sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("order_events") as batch:
        batch.drop_column("status")

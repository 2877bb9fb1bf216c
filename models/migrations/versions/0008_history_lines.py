"""history lines: orders placed before Intake, imported from the ERP

Revision ID: 0008_history_lines
Revises: 0007_webhooks
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008_history_lines"
down_revision = "0007_webhooks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "history_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("order_date", sa.Date(), nullable=False),
        sa.Column("po_number", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=True),
        sa.Column("sku", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_history_lines_customer_id", "history_lines", ["customer_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_history_lines_customer_id", table_name="history_lines")
    op.drop_table("history_lines")

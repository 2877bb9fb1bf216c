"""followups: changes, cancellations, replacements, returns and questions about earlier orders

Revision ID: 0009_followups
Revises: 0008_history_lines
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009_followups"
down_revision = "0008_history_lines"
branch_labels = None
depends_on = None


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_pk", sa.Integer(), sa.ForeignKey("messages.id"), nullable=False),
        sa.Column("message_id", text(length=998), nullable=False),
        sa.Column("kind", text(length=32), nullable=False),
        sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=True),
        sa.Column("link_by", text(length=16), nullable=False),
        sa.Column("link_certain", sa.Boolean(), nullable=False),
        sa.Column("candidates", sa.JSON(), nullable=True),
        sa.Column("change", sa.JSON(), nullable=True),
        sa.Column("returned", sa.JSON(), nullable=True),
        sa.Column("replacement_order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=True),
        sa.Column("state", text(length=16), nullable=False),
        sa.Column("outcome", text(length=32), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("decided_by", text(length=128), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("message_pk", "kind", "order_id", "state"):
        op.create_index(f"ix_followups_{column}", "followups", [column], unique=False)


def downgrade() -> None:
    for column in ("message_pk", "kind", "order_id", "state"):
        op.drop_index(f"ix_followups_{column}", table_name="followups")
    op.drop_table("followups")

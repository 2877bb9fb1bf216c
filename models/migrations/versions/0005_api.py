"""api: the accepted-orders feed position, counters, API tokens

Orders accepted before this revision get feed positions in id order.

Revision ID: 0005_api
Revises: 0004_sessions
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005_api"
down_revision = "0004_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("prefix", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("scopes", sqlmodel.sql.sqltypes.AutoString(length=128), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("last_used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("accepted_seq", sa.BigInteger(), nullable=True))
        batch.create_unique_constraint("uq_orders_accepted_seq", ["accepted_seq"])
    orders = sa.table("orders", sa.column("id", sa.Integer), sa.column("status", sa.String),
                      sa.column("accepted_seq", sa.BigInteger))  # fmt: skip
    bind = op.get_bind()
    accepted = bind.execute(sa.select(orders.c.id).where(orders.c.status == "accepted").order_by(orders.c.id))
    seq = 0
    for seq, (order_id,) in enumerate(list(accepted), start=1):
        bind.execute(orders.update().where(orders.c.id == order_id).values(accepted_seq=seq))
    op.bulk_insert(sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger)),
                   [{"name": "accepted_orders", "value": seq}])  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_constraint("uq_orders_accepted_seq", type_="unique")
        batch.drop_column("accepted_seq")
    op.drop_table("api_tokens")
    op.drop_table("counters")

"""users: a session epoch, raised to end every session of the user

Revision ID: 0004_sessions
Revises: 0003_notify
"""

from alembic import op
import sqlalchemy as sa


revision = "0004_sessions"
down_revision = "0003_notify"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_epoch", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_epoch")

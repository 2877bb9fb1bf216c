"""outbox: when a mail may next be tried (retry backoff survives a restart)

Revision ID: 0003_notify
Revises: 0002_daemon
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0003_notify"
down_revision = "0002_daemon"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_attempt_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('next_attempt_at')

"""message claims: the work queue several daemons share

Revision ID: 0010_message_claims
Revises: 0009_followups
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0010_message_claims"
down_revision = "0009_followups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("claimed_by", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True))
        batch.add_column(sa.Column("claim_expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("claim_expires_at")
        batch.drop_column("claimed_by")

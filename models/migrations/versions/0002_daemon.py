"""daemon: 64-bit IMAP positions, a ledger lookup index

UIDVALIDITY and UID are unsigned 32-bit numbers: above 2**31 they overflow
PostgreSQL's INTEGER, so they become BIGINT.

Revision ID: 0002_daemon
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_daemon"
down_revision = "0001"
branch_labels = None
depends_on = None

POSITIONS = [("ledger", "uidvalidity", False), ("ledger", "uid", False)]
POSITIONS += [("messages", "uidvalidity", True), ("messages", "uid", True)]


def upgrade() -> None:
    for table, column, nullable in POSITIONS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.BigInteger(), existing_type=sa.Integer(), nullable=nullable)
    with op.batch_alter_table("ledger") as batch:
        batch.create_index("ix_ledger_folder", ["account", "folder", "uidvalidity"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ledger") as batch:
        batch.drop_index("ix_ledger_folder")
    for table, column, nullable in POSITIONS:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(column, type_=sa.Integer(), existing_type=sa.BigInteger(), nullable=nullable)

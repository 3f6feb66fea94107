"""Users (analysts and admins of the web app, hashed passwords) and their API tokens (hashed).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('users',
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('password_hash', sa.Text(), nullable=False),
        sa.Column('role', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name', name='pk_users')
    )
    op.create_table('api_tokens',
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('user_name', sa.Text(), nullable=False),
        sa.Column('label', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_name'], ['users.name'], name='fk_api_tokens_user_name_users',
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('token_hash', name='pk_api_tokens')
    )
    op.create_index('ix_api_tokens_user_name', 'api_tokens', ['user_name'])


def downgrade() -> None:
    op.drop_index('ix_api_tokens_user_name', table_name='api_tokens')
    op.drop_table('api_tokens')
    op.drop_table('users')

"""time zones: a user's own zone and the organisation's default

Revision ID: db9ef25a6e4e
Revises: 6fe070c1e83f
Create Date: 2026-11-30 16:35:21.407319

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'db9ef25a6e4e'
down_revision = '6fe070c1e83f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('organisation_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('default_timezone', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_settings'))
    )
    # A plain ADD COLUMN: a batch copy of ``users`` would drop a table others point at.
    op.add_column('users', sa.Column('timezone', sa.String(length=64), nullable=True))


def downgrade():
    op.execute("ALTER TABLE users DROP COLUMN timezone")
    op.drop_table('organisation_settings')

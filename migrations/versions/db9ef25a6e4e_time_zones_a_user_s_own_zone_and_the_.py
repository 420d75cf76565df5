"""time zones: a user's own zone and the organisation's default
"""
import sqlalchemy as sa
from alembic import op


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = 'db9ef25a6e4e', '6fe070c1e83f'
branch_labels = depends_on = None


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

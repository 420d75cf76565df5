"""sign-in throttle: attempts per key replace failures per email

The old table held runtime state only (failed sign-ins of the last minutes): it is
dropped, not converted.
"""
import sqlalchemy as sa
from alembic import op


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = '895b2b5585e0', '0a8003435a5e'
branch_labels = depends_on = None


def upgrade():
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('window_started_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts')),
    sa.UniqueConstraint('key', name=op.f('uq_login_attempts_key'))
    )
    op.drop_table('login_throttles')


def downgrade():
    op.create_table('login_throttles',
    sa.Column('id', sa.INTEGER(), nullable=False),
    sa.Column('email', sa.VARCHAR(length=254), nullable=False),
    sa.Column('failures', sa.INTEGER(), nullable=False),
    sa.Column('first_failure_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_throttles')),
    sa.UniqueConstraint('email', name=op.f('uq_login_throttles_email'))
    )
    op.drop_table('login_attempts')

"""one decision per step: hiring decisions numbered per application

Each application's decisions are numbered 1, 2, 3… (``hiring_decisions.step``) and
the pair (application, step) is unique, so two decisions taken at the same moment
cannot both be recorded. Existing decisions are numbered in the order they were
taken (time, then id).
"""
from alembic import op
import sqlalchemy as sa


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = 'c50d509a20dd', '66a17e6b6745'
branch_labels = depends_on = None

decisions = sa.table(
    "hiring_decisions",
    sa.column("id", sa.Integer), sa.column("application_id", sa.Integer),
    sa.column("decided_at", sa.DateTime(timezone=True)), sa.column("step", sa.Integer),
)


def upgrade():
    with op.batch_alter_table('hiring_decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('step', sa.Integer(), nullable=True))
    # A correlated count, which SQLite and PostgreSQL both run: the number of the
    # application's decisions taken before this one, or at the same time with a lower id.
    earlier = decisions.alias("earlier")
    op.execute(decisions.update().values(step=(
        sa.select(sa.func.count()).select_from(earlier)
        .where(earlier.c.application_id == decisions.c.application_id,
               sa.or_(earlier.c.decided_at < decisions.c.decided_at,
                      sa.and_(earlier.c.decided_at == decisions.c.decided_at,
                              earlier.c.id <= decisions.c.id)))
        .scalar_subquery()
    )))
    with op.batch_alter_table('hiring_decisions', schema=None) as batch_op:
        batch_op.alter_column('step', existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_hiring_decisions_application_id_step'), ['application_id', 'step'])


def downgrade():
    with op.batch_alter_table('hiring_decisions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_hiring_decisions_application_id_step'), type_='unique')
        batch_op.drop_column('step')

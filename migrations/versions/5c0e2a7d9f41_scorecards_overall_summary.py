"""scorecards: the interviewer's overall summary (key evidence)

A free text beside the overall recommendation; empty on every existing scorecard.

Revision ID: 5c0e2a7d9f41
Revises: c50d509a20dd
Create Date: 2026-11-30 17:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c0e2a7d9f41'
down_revision = 'c50d509a20dd'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('scorecards', sa.Column('summary', sa.Text(), nullable=False,
                                          server_default=''))


def downgrade():
    with op.batch_alter_table('scorecards', schema=None) as batch_op:
        batch_op.drop_column('summary')

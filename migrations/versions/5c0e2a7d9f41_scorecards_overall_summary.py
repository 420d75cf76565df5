"""scorecards: the interviewer's overall summary (key evidence)

A free text beside the overall recommendation; empty on every existing scorecard.
"""
from alembic import op
import sqlalchemy as sa


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = '5c0e2a7d9f41', '58387c1364ea'
branch_labels = depends_on = None


def upgrade():
    op.add_column('scorecards', sa.Column('summary', sa.Text(), nullable=False,
                                          server_default=''))


def downgrade():
    with op.batch_alter_table('scorecards', schema=None) as batch_op:
        batch_op.drop_column('summary')

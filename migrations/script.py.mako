"""${message}
"""
import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = ${repr(up_revision)}, ${repr(down_revision)}
branch_labels = depends_on = None


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}

"""interview kit versions: version counter and updated_at (edit conflicts on drafts)

A draft's questions are swapped and moved from a page loaded earlier; the counter
(SQLAlchemy's version_id_col, the ``Versioned`` mixin) lets the app refuse a change made
on an out-of-date page, and ``updated_at`` says when the draft last changed. Existing
versions start at 1, last changed when published or else when made.
"""
from alembic import op
import sqlalchemy as sa


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = '6fe070c1e83f', 'bddd8b1bc939'
branch_labels = depends_on = None


# Existing rows need a value while the columns are added; it is replaced right away.
EPOCH = '1970-01-01 00:00:00+00:00'


def upgrade():
    # Plain ALTER TABLE ... ADD COLUMN, on SQLite too: batch mode would copy the table
    # and drop the original, and with foreign keys on that drop cascades into kit items.
    op.add_column('interview_kit_versions', sa.Column(
        'version', sa.Integer(), nullable=False, server_default='1'))
    op.add_column('interview_kit_versions', sa.Column(
        'updated_at', sa.DateTime(timezone=True), nullable=False, server_default=EPOCH))

    versions = sa.table('interview_kit_versions', sa.column('updated_at'),
                        sa.column('created_at'), sa.column('published_at'))
    op.execute(versions.update().values(
        updated_at=sa.func.coalesce(versions.c.published_at, versions.c.created_at)))

    # The app sets both; SQLite cannot drop a default without copying the table.
    if op.get_bind().dialect.name != 'sqlite':
        op.alter_column('interview_kit_versions', 'version', server_default=None)
        op.alter_column('interview_kit_versions', 'updated_at', server_default=None)


def downgrade():
    # Plain DROP COLUMN (SQLite 3.35+), for the same reason as above.
    op.drop_column('interview_kit_versions', 'updated_at')
    op.drop_column('interview_kit_versions', 'version')

"""interview kit versions: one draft per kit (a partial unique index)

Two "Edit (new version)" clicks at the same moment could start two drafts of one kit.
The index ``uq_interview_kit_versions_one_draft`` (kit_id, where status = 'draft'; on
SQLite and PostgreSQL alike) lets the database refuse the second from now on.

A kit that already has several drafts keeps one: the most edited (highest version
counter), else the first made. The others are deleted when nobody changed them since
they were made (version counter 1): such a draft is an exact copy of a published
version, so nothing anyone wrote is lost. If an extra draft was edited, the upgrade
stops and names it — a person decides which draft to keep.
"""
from alembic import op
import sqlalchemy as sa


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = '58387c1364ea', 'c50d509a20dd'
branch_labels = depends_on = None

INDEX = 'uq_interview_kit_versions_one_draft'
IS_DRAFT = sa.text("status = 'draft'")

versions = sa.table(
    'interview_kit_versions',
    sa.column('id', sa.Integer), sa.column('kit_id', sa.Integer),
    sa.column('number', sa.Integer), sa.column('status', sa.String),
    sa.column('version', sa.Integer),
)
items = sa.table('kit_items', sa.column('kit_version_id', sa.Integer))


def upgrade():
    extra = _extra_drafts(op.get_bind())
    edited = [row for row in extra if row.version > 1]
    if edited:
        named = ', '.join(f'kit {row.kit_id} version {row.number}' for row in edited)
        raise RuntimeError(
            f'Several drafts of one kit were edited ({named}); keep one draft per kit '
            '(delete the others) and upgrade again.')
    doomed = [row.id for row in extra]
    if doomed:
        op.execute(items.delete().where(items.c.kit_version_id.in_(doomed)))
        op.execute(versions.delete().where(versions.c.id.in_(doomed)))
    op.create_index(INDEX, 'interview_kit_versions', ['kit_id'], unique=True,
                    sqlite_where=IS_DRAFT, postgresql_where=IS_DRAFT)


def _extra_drafts(connection) -> list:
    """Every draft but the one its kit keeps."""
    drafts = connection.execute(
        sa.select(versions.c.id, versions.c.kit_id, versions.c.number, versions.c.version)
        .where(versions.c.status == 'draft')
        .order_by(versions.c.kit_id, versions.c.version.desc(), versions.c.number)
    ).all()
    kept: set[int] = set()
    extra = []
    for row in drafts:
        if row.kit_id in kept:
            extra.append(row)
        kept.add(row.kit_id)
    return extra


def downgrade():
    op.drop_index(INDEX, table_name='interview_kit_versions',
                  sqlite_where=IS_DRAFT, postgresql_where=IS_DRAFT)

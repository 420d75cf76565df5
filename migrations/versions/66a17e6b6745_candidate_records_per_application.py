"""candidate records per application: one candidates row per application, unique per
opening and email (no longer unique by email alone)

A candidate who applied to several openings shared one row, so every opening saw what
another had recorded. Upgrade splits it: the row stays with the candidate's first
application (lowest id) and every further application gets a copy of it (name, email,
phone, source, notes, consent, dates: what each of those openings could already see),
which from now on changes on its own. Candidate rows without any application were
reachable from no page and are deleted. Downgrade merges the rows of one email back
into the oldest one (the other copies' data is lost).
"""
from contextlib import contextmanager

from alembic import op
import sqlalchemy as sa


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = '66a17e6b6745', 'db9ef25a6e4e'
branch_labels = depends_on = None

candidates = sa.table(
    "candidates",
    sa.column("id", sa.Integer), sa.column("opening_id", sa.Integer),
    sa.column("name", sa.String), sa.column("email", sa.String),
    sa.column("phone", sa.String), sa.column("source", sa.String),
    sa.column("notes", sa.Text), sa.column("consent_on", sa.Date),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("anonymised_at", sa.DateTime(timezone=True)),
)
applications = sa.table(
    "applications",
    sa.column("id", sa.Integer), sa.column("opening_id", sa.Integer),
    sa.column("candidate_id", sa.Integer),
)
COPIED = ("name", "email", "phone", "source", "notes", "consent_on", "created_at",
          "anonymised_at")


@contextmanager
def _foreign_keys_off():
    """SQLite alters a table by recreating it (batch mode), and with foreign keys on it
    refuses to drop the old candidates or applications table while rows refer to them:
    off for the change (outside a transaction, the only place the pragma works), then
    every reference is checked and they are switched on again."""
    if op.get_bind().dialect.name != "sqlite":
        yield
        return
    with op.get_context().autocommit_block():
        op.execute("PRAGMA foreign_keys=OFF")
    yield
    broken = op.get_bind().exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"broken references after the change: {broken[:5]}")
    with op.get_context().autocommit_block():
        op.execute("PRAGMA foreign_keys=ON")


def upgrade():
    with _foreign_keys_off():
        with op.batch_alter_table('applications', schema=None) as batch_op:
            batch_op.drop_index(batch_op.f('ix_applications_candidate_id'))
            batch_op.drop_constraint(batch_op.f('uq_applications_opening_id_candidate_id'), type_='unique')

        with op.batch_alter_table('candidates', schema=None) as batch_op:
            batch_op.add_column(sa.Column('opening_id', sa.Integer(), nullable=True))
            batch_op.drop_constraint(batch_op.f('uq_candidates_email'), type_='unique')

        _split_shared_candidates()

        with op.batch_alter_table('candidates', schema=None) as batch_op:
            batch_op.alter_column('opening_id', existing_type=sa.Integer(), nullable=False)
            batch_op.create_index(batch_op.f('ix_candidates_email'), ['email'], unique=False)
            batch_op.create_unique_constraint(batch_op.f('uq_candidates_opening_id_email'), ['opening_id', 'email'])
            batch_op.create_foreign_key(batch_op.f('fk_candidates_opening_id_openings'), 'openings', ['opening_id'], ['id'])

        with op.batch_alter_table('applications', schema=None) as batch_op:
            batch_op.create_unique_constraint(batch_op.f('uq_applications_candidate_id'), ['candidate_id'])


def _split_shared_candidates():
    """Each candidate row goes to its first application's opening; each further
    application gets a copy of the row of its own."""
    first = (sa.select(applications.c.opening_id)
             .where(applications.c.candidate_id == candidates.c.id)
             .order_by(applications.c.id).limit(1).scalar_subquery())
    op.execute(candidates.update().values(opening_id=first))
    op.execute(candidates.delete().where(candidates.c.opening_id.is_(None)))
    earlier = applications.alias("earlier")
    further = op.get_bind().execute(
        sa.select(applications.c.id, applications.c.opening_id, applications.c.candidate_id)
        .where(sa.exists().where(earlier.c.candidate_id == applications.c.candidate_id,
                                 earlier.c.id < applications.c.id))
        .order_by(applications.c.id)
    ).all()
    for application_id, opening_id, candidate_id in further:
        shared = op.get_bind().execute(
            sa.select(*(candidates.c[name] for name in COPIED))
            .where(candidates.c.id == candidate_id)).mappings().one()
        copy_id = op.get_bind().execute(
            candidates.insert().values(opening_id=opening_id, **shared)
            .returning(candidates.c.id)
        ).scalar_one()
        op.execute(applications.update().where(applications.c.id == application_id)
                   .values(candidate_id=copy_id))


def downgrade():
    with _foreign_keys_off():
        with op.batch_alter_table('applications', schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f('uq_applications_candidate_id'), type_='unique')

        _merge_rows_of_one_email()

        with op.batch_alter_table('candidates', schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f('fk_candidates_opening_id_openings'), type_='foreignkey')
            batch_op.drop_constraint(batch_op.f('uq_candidates_opening_id_email'), type_='unique')
            batch_op.drop_index(batch_op.f('ix_candidates_email'))
            batch_op.create_unique_constraint(batch_op.f('uq_candidates_email'), ['email'])
            batch_op.drop_column('opening_id')

        with op.batch_alter_table('applications', schema=None) as batch_op:
            batch_op.create_unique_constraint(batch_op.f('uq_applications_opening_id_candidate_id'), ['opening_id', 'candidate_id'])
            batch_op.create_index(batch_op.f('ix_applications_candidate_id'), ['candidate_id'], unique=False)


def _merge_rows_of_one_email():
    """Every application of an email points at its oldest row; the other rows go."""
    oldest = candidates.alias("oldest")
    first_of_email = (sa.select(sa.func.min(oldest.c.id))
                      .where(oldest.c.email == candidates.c.email).scalar_subquery())
    op.execute(applications.update().values(candidate_id=(
        sa.select(first_of_email).where(candidates.c.id == applications.c.candidate_id)
        .scalar_subquery())))
    op.execute(candidates.delete().where(candidates.c.id != first_of_email))

"""scorecard audit trail moves to audit_entries (the one audit trail, cshire/audit.py)

Every scorecard_changes row is copied into audit_entries under entity type
"scorecards", then the table is dropped. An answer's field takes its kit question into
its name, ``q<kit_item_id>.<field>`` (``q12.rating``), as the scoring service now
writes it; the scorecard's own fields (status, recommendation) keep their names.
"Not asked" was stored as "yes"/"", and is now "true"/"false" like every boolean of
the trail. Downgrade copies the rows back and removes them from audit_entries.
"""
from alembic import op
import sqlalchemy as sa


# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = 'bddd8b1bc939', '895b2b5585e0'
branch_labels = depends_on = None

ENTITY = "scorecards"

changes = sa.table(
    "scorecard_changes",
    sa.column("id", sa.Integer), sa.column("scorecard_id", sa.Integer),
    sa.column("actor_id", sa.Integer), sa.column("at", sa.DateTime(timezone=True)),
    sa.column("field", sa.String), sa.column("kit_item_id", sa.Integer),
    sa.column("old_value", sa.Text), sa.column("new_value", sa.Text),
    sa.column("reason", sa.Text),
)
entries = sa.table(
    "audit_entries",
    sa.column("id", sa.Integer), sa.column("entity_type", sa.String),
    sa.column("entity_id", sa.Integer), sa.column("field", sa.String),
    sa.column("old_value", sa.Text), sa.column("new_value", sa.Text),
    sa.column("actor_id", sa.Integer), sa.column("at", sa.DateTime(timezone=True)),
    sa.column("reason", sa.Text),
)
scorecards = sa.table("scorecards", sa.column("id", sa.Integer))
kit_items = sa.table("kit_items", sa.column("id", sa.Integer))


def upgrade():
    field = sa.case(
        (changes.c.kit_item_id.is_(None), changes.c.field),
        else_=sa.literal("q") + sa.cast(changes.c.kit_item_id, sa.String) + "."
        + changes.c.field,
    )
    op.execute(entries.insert().from_select(
        ["entity_type", "entity_id", "field", "old_value", "new_value", "actor_id", "at",
         "reason"],
        sa.select(sa.literal(ENTITY), changes.c.scorecard_id, field,
                  _boolean_upgraded(changes.c.old_value),
                  _boolean_upgraded(changes.c.new_value),
                  changes.c.actor_id, changes.c.at, changes.c.reason)
        .order_by(changes.c.at, changes.c.id),  # ids keep the order within one save
    ))
    with op.batch_alter_table('scorecard_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scorecard_changes_scorecard_id'))

    op.drop_table('scorecard_changes')


def _boolean_upgraded(value):
    return sa.case((changes.c.field != "not_asked", value),
                   (value == "yes", "true"), else_="false")


def downgrade():
    op.create_table('scorecard_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scorecard_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('kit_item_id', sa.Integer(), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=False),
    sa.Column('new_value', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_scorecard_changes_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['kit_item_id'], ['kit_items.id'], name=op.f('fk_scorecard_changes_kit_item_id_kit_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scorecard_id'], ['scorecards.id'], name=op.f('fk_scorecard_changes_scorecard_id_scorecards'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scorecard_changes'))
    )
    with op.batch_alter_table('scorecard_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scorecard_changes_scorecard_id'), ['scorecard_id'], unique=False)

    # Field names are parsed in Python: SQLite and PostgreSQL split strings differently.
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(entries).join(scorecards, scorecards.c.id == entries.c.entity_id)
        .where(entries.c.entity_type == ENTITY).order_by(entries.c.at, entries.c.id)
    ).mappings().all()
    known_items = set(bind.execute(sa.select(kit_items.c.id)).scalars())
    copied = [_change_row(row, known_items) for row in rows]
    if copied:
        op.bulk_insert(changes, copied)
    op.execute(entries.delete().where(entries.c.entity_type == ENTITY))


def _change_row(row, known_items: set[int]) -> dict:
    question, dot, name = row["field"].partition(".")
    kit_item_id = int(question[1:]) if dot and question[1:].isdigit() else None
    field = name if kit_item_id is not None else row["field"]
    old, new = row["old_value"], row["new_value"]
    if field == "not_asked":
        old, new = ("yes" if old == "true" else ""), ("yes" if new == "true" else "")
    return {
        "scorecard_id": row["entity_id"], "actor_id": row["actor_id"], "at": row["at"],
        "field": field[:40], "old_value": old, "new_value": new, "reason": row["reason"],
        "kit_item_id": kit_item_id if kit_item_id in known_items else None,
    }

"""users: session token for revocable sessions

Every existing user gets a random token, so sessions issued before this revision (whose
id carries no token) end and everyone signs in once more.
"""
import secrets

import sqlalchemy as sa
from alembic import op

# Alembic reads these: this revision and the one it follows (no branches, no dependencies).
revision, down_revision = '0a8003435a5e', 'c37dbdd6dbb4'
branch_labels = depends_on = None

users = sa.table("users", sa.column("id", sa.Integer), sa.column("session_token", sa.String))


def upgrade():
    # NOT NULL with a temporary default, then a random token per user. (A batch
    # "alter column" would copy ``users`` on SQLite, which foreign keys forbid.)
    op.add_column('users', sa.Column('session_token', sa.String(length=64), nullable=False,
                                     server_default=''))
    connection = op.get_bind()
    for (user_id,) in connection.execute(sa.select(users.c.id)).all():
        connection.execute(users.update().where(users.c.id == user_id)
                           .values(session_token=secrets.token_urlsafe(32)))
    if connection.dialect.name != "sqlite":  # SQLite cannot drop a default in place
        op.alter_column('users', 'session_token', server_default=None)


def downgrade():
    # Plain DROP COLUMN (SQLite ≥ 3.35, PostgreSQL): a batch copy of ``users`` would
    # have to drop a table that other tables' foreign keys point at.
    op.execute("ALTER TABLE users DROP COLUMN session_token")

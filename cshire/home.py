"""The home page: every package's to-dos for the signed-in user (``cshire/todos.py``),
in the order of the package arrows. Training and evaluations add their ``TODOS`` here."""

from cshire.auth import todos as admin
from cshire.evaluations import todos as evaluations
from cshire.interviews import todos as hiring
from cshire.todos import Todo, TodoSource, collect
from cshire.training import todos as training

SOURCES: tuple[TodoSource, ...] = (
    *admin.TODOS, *hiring.TODOS, *training.TODOS, *evaluations.TODOS,
)


def home_todos(user) -> list[Todo]:
    return collect(user, SOURCES)


def home_pipelines(user) -> list[dict]:
    return hiring.pipelines(user)

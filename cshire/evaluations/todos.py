"""Evaluations' to-dos on the home page (see ``cshire/todos.py``)."""

from cshire.todos import TodoSource

TODOS: tuple[TodoSource, ...] = ()

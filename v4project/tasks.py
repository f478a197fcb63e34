"""Tasks whose arguments are personal data (an e-mail address typed into a form): their record in the task
table is deleted as soon as a worker has run them, so the address waits in the database only while the task
waits, and leaves no trace after it."""

from django.tasks import Task
from django.tasks.signals import task_finished

_forgotten: set[str] = set()


def forget_when_finished(task: Task) -> Task:
    """Mark a task (use it under `@task()`) whose record goes once it has run."""
    _forgotten.add(task.module_path)
    return task


def _forget(sender, task_result, **kwargs) -> None:
    if task_result.task.module_path in _forgotten:
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.filter(id=task_result.id).delete()


task_finished.connect(_forget, dispatch_uid="v4project_forget_finished_tasks")

"""Background tasks of the decisions app (django-tasks).

A written or silence procedure enqueues :func:`close_procedure_at_deadline` when it is opened,
to run at its deadline (``do_open_procedure``). The task closes it the way ``secretariat tick``
does, through ``close_due_procedures``: whichever of the two comes first closes the procedure,
and the other finds nothing left to do.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from secretariat.decisions.services import close_due_procedures


@task()
def close_procedure_at_deadline(procedure_id: int) -> bool:
    """Close the procedure if it is still open and its deadline has come.

    Returns whether this run closed it: False when it was closed already (by ``secretariat
    tick``, or an earlier run) or is not yet due (a worker whose clock runs early; the tick
    closes it then). Neither is an error.
    """
    return bool(close_due_procedures(timezone.now(), procedure_id=procedure_id))

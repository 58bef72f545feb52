"""Where a question stands against its due date, in working days (reusable by a compliance board)."""

from dataclasses import dataclass

from django.utils import timezone

from congphuong.core.workdays import WorkdayCalendar

from .models import NEAR_DUE_WORKING_DAYS, Question

OVERDUE = "overdue"
NEAR = "near"
ON_TIME = "on-time"
CLOSED = "closed"
CLOSED_LATE = "closed-late"


@dataclass(frozen=True)
class DeadlineState:
    code: str
    label: str
    days: int  # working days left (>= 0) or late (> 0 for overdue)

    @property
    def is_overdue(self) -> bool:
        return self.code == OVERDUE

    @property
    def is_near(self) -> bool:
        return self.code == NEAR


def deadline_state(question: Question, calendar: WorkdayCalendar | None = None, today=None) -> DeadlineState:
    calendar = calendar or WorkdayCalendar.load()
    today = today or timezone.localdate()
    due = question.due_date
    if not question.is_open:
        closed = timezone.localtime(question.closed_at).date() if question.closed_at else today
        if closed > due:
            late = calendar.working_days_between(due, closed)
            return DeadlineState(CLOSED_LATE, f"Đã xong, trễ {late} ngày làm việc", late)
        return DeadlineState(CLOSED, "Đã xong, đúng hạn", 0)
    if today > due:
        late = calendar.working_days_between(due, today)
        label = f"Quá hạn {late} ngày làm việc" if late else f"Quá hạn (hạn là {due:%d/%m/%Y})"
        return DeadlineState(OVERDUE, label, late)
    left = calendar.working_days_between(today, due)
    if left == 0:
        return DeadlineState(NEAR, "Đến hạn hôm nay", 0)
    if left <= NEAR_DUE_WORKING_DAYS:
        return DeadlineState(NEAR, f"Sắp đến hạn: còn {left} ngày làm việc", left)
    return DeadlineState(ON_TIME, f"Còn {left} ngày làm việc", left)


def near_due_limit(calendar: WorkdayCalendar | None = None, today=None):
    """The last due date that counts as "near" today (for queryset filters)."""
    calendar = calendar or WorkdayCalendar.load()
    return calendar.add_working_days(today or timezone.localdate(), NEAR_DUE_WORKING_DAYS)

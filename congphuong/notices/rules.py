"""The notice period: at least 7 working days between publication and the start of the downtime.

Counting follows Bộ luật Dân sự 2015, Điều 147–148: a period counted in days starts on the day
after the event (the publication) and ends at the end of its last day. So the 7 working days
are the 7 working days after the publication day, and the downtime may start at 00:00 on the
day after the 7th. Working days are the portal's Vietnamese calendar (congphuong.feedback:
weekends, solar and lunar public holidays, the admin's table of days off and make-up days).
"""

import datetime

from django.utils import timezone

NOTICE_WORKING_DAYS = 7


def earliest_start(published_at, calendar=None) -> datetime.datetime:
    """The first moment (aware, local midnight) a downtime announced at ``published_at`` may start."""
    if calendar is None:
        from congphuong.core.workdays import WorkdayCalendar

        calendar = WorkdayCalendar.load()
    published_day = timezone.localtime(published_at).date()
    last_notice_day = calendar.add_working_days(published_day, NOTICE_WORKING_DAYS)
    day_after = last_notice_day + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))

"""Back-office screen of the ground floor: the working-day calendar's days off and make-up days
("Cài đặt → Ngày nghỉ/ngày làm bù", workdays.py), which every working-day deadline counts with."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CalendarDay


class CalendarDayViewSet(ModelViewSet):
    model = CalendarDay
    icon = "date"
    menu_label = "Ngày nghỉ/ngày làm bù"
    url_prefix = "ngay-nghi"
    name = "workday_calendar"
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    search_fields = ["note"]
    ordering = ["-date"]


@hooks.register("register_admin_viewset")
def register_calendar_viewset():
    return CalendarDayViewSet()

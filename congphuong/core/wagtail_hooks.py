"""Back-office screen of the ground floor: the working-day calendar's days off and make-up days
("Cài đặt → Ngày nghỉ/ngày làm bù", workdays.py), which every working-day deadline counts with."""

from django.http import Http404
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import CalendarDay
from .routing import serves_active_language


@hooks.register("before_serve_page")
def no_fallback_to_another_language(page, request, serve_args, serve_kwargs):
    """/en/… of a ward without a live English home is a 404, not its Vietnamese pages (Wagtail's
    ``localized`` falls back to them): docs/english-section.md."""
    if not serves_active_language(page):
        raise Http404


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

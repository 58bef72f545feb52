"""Lịch công tác: the leaders' weekly work schedule.

Each week is a child page ("Lịch tuần") with its entries, so every week goes
through the approval workflow on its own and an editor's form stays short. The
schedule page shows one week at a time (?tuan=2026-W48, default the current
week in Asia/Ho_Chi_Minh) and has a print view at ban-in/.
"""

import datetime

from django import forms
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from congphuong.core.models import BasePage
from congphuong.core.page_forms import BasePageForm

from ..weeks import WEEK_PARAM, Week, parse_week, weekday_name

# Msgids of the public catalogue: English on /en/ (docs/english-section.md).
BAD_WEEK_MESSAGE = gettext_lazy(
    "Không hiểu tuần “%(value)s”. Hãy chọn tuần bằng các nút “Tuần trước”, “Tuần sau”. Đang hiện tuần này."
)
OUT_OF_RANGE_MESSAGE = gettext_lazy("Không có lịch công tác của %(week)s. Trang này có lịch từ %(first)s đến %(last)s.")
# Weeks a reader may page to beyond the published data (and around the current week): enough to look
# a month ahead or back, few enough that "Tuần sau" ends instead of walking forever.
WINDOW_WEEKS = 4


class WorkSchedulePage(RoutablePageMixin, BasePage):
    """ "Lịch công tác": shows one week of the leaders' schedule."""

    intro = models.TextField("Giới thiệu ngắn", blank=True)
    note = models.TextField(
        "Ghi chú cuối lịch",
        blank=True,
        default="Lịch có thể thay đổi; các thay đổi được cập nhật trên trang này.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("note")]

    parent_page_types = ["home.HomePage", "organisation.AboutIndexPage"]
    subpage_types = ["organisation.WeeklySchedulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Lịch công tác"
        verbose_name_plural = "Lịch công tác"

    def default_description(self) -> str:
        return gettext("%(title)s: lịch họp, tiếp công dân và công tác trong tuần của lãnh đạo phường.") % {
            "title": self.title
        }

    def week_pages(self):
        return WeeklySchedulePage.objects.child_of(self).live().public()

    def entries_for(self, week):
        return list(
            ScheduleEntry.objects.filter(page__in=self.week_pages().values("pk"), date__range=(week.start, week.end))
            .select_related("host_leader")
            .order_by("date", models.F("time").asc(nulls_first=True), "sort_order", "pk")
        )

    def requested_week(self, request):
        """(week, error message or "") from ?tuan=…; the current week when absent or invalid."""
        current = Week.containing(timezone.localdate())
        raw = request.GET.get(WEEK_PARAM)
        if raw is None or raw == "":
            return current, ""
        week = parse_week(raw)
        if week is None:
            return current, str(BAD_WEEK_MESSAGE) % {"value": raw[:40]}
        return week, ""

    def week_window(self, first_start=None, last_start=None):
        """(first, last) weeks the schedule answers: its published weeks and the current week, widened by
        WINDOW_WEEKS on each side. Outside it the page is a 404, so crawlers cannot walk endless empty weeks."""
        current = Week.containing(timezone.localdate())
        first = min(filter(None, [first_start, current.start]))
        last = max(filter(None, [last_start, current.start]))
        margin = datetime.timedelta(weeks=WINDOW_WEEKS)
        return Week.containing(first - margin), Week.containing(last + margin)

    def week_context(self, request, week, entries, updated_at=None, window=None):
        """What the template needs for `week`; with a `window`, no link leads out of it."""
        site = self.get_site()
        site_id = site.pk if site is not None else None
        days = []
        by_day = {day: [] for day in week.days}
        for entry in entries:
            by_day.setdefault(entry.date, []).append(entry)
            if entry.host_leader_id and (not entry.host_leader.live or entry.host_leader.site_id != site_id):
                entry.host_leader = None  # a draft, or another ward's leader: show the text only
        for day in week.days:
            if day.weekday() >= 5 and not by_day[day]:
                continue  # weekends appear only when something is scheduled
            days.append({"date": day, "weekday": weekday_name(day), "entries": by_day[day]})
        today = timezone.localdate()
        return {
            "week": week,
            "days": days,
            "has_entries": bool(entries),
            "is_current_week": week == Week.containing(today),
            "current_week": Week.containing(today),
            "previous_week": _within(week.previous(), window),
            "next_week": _within(week.next(), window),
            "today": today,
            "updated_at": updated_at,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        week, notice = self.requested_week(request)
        # One query: the published weeks' span (the window) and when the shown week was last published.
        facts = self.week_pages().aggregate(
            first=models.Min("week_start"),
            last=models.Max("week_start"),
            updated=models.Max("last_published_at", filter=models.Q(week_start=week.start)),
        )
        window = self.week_window(facts["first"], facts["last"])
        out_of_range = not window[0].start <= week.start <= window[1].start
        entries = [] if out_of_range else self.entries_for(week)
        context.update(self.week_context(request, week, entries, facts["updated"], window))
        context["out_of_range"] = out_of_range
        if out_of_range:
            notice = str(OUT_OF_RANGE_MESSAGE) % {
                "week": week.in_sentence,
                "first": window[0].in_sentence,
                "last": window[1].in_sentence,
            }
        context["week_notice"] = notice
        # Only the current week and weeks with entries are worth indexing; the weeks in between answer
        # (a citizen may page forward) with noindex, and weeks outside the window are a 404.
        context["indexable"] = not notice and (context["is_current_week"] or context["has_entries"])
        return context

    def _render_week(self, request, template=None):
        response = self.render(request, template=template)
        if response.context_data.get("out_of_range"):
            response.status_code = 404
        return response

    @path("")
    def index(self, request):
        return self._render_week(request)

    @path("ban-in/", name="print")
    def print_view(self, request):
        return self._render_week(request, template="organisation/work_schedule_page_print.html")


def _within(week, window):
    """`week`, or None when a window is given and the week lies outside it."""
    if window is None or window[0].start <= week.start <= window[1].start:
        return week
    return None


class WeeklyScheduleForm(BasePageForm):
    """The title and slug follow the week when the editor leaves them empty."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = "Để trống sẽ tự đặt, ví dụ: Lịch công tác tuần 48 (23/11 – 29/11/2026)."
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("week_start")
        if not start:
            if not cleaned.get("title"):
                self.add_error("title", forms.ValidationError("Hãy nhập tiêu đề hoặc chọn tuần."))
            return cleaned
        week = Week.containing(start)
        cleaned["week_start"] = week.start
        if not cleaned.get("title"):
            cleaned["title"] = f"Lịch công tác tuần {week.number} ({week.start:%d/%m} – {week.end:%d/%m/%Y})"
            self.instance.title = cleaned["title"]
        if "slug" in self.fields and not cleaned.get("slug"):
            cleaned["slug"] = f"tuan-{week.year}-w{week.number:02d}"
            self.instance.slug = cleaned["slug"]
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if parent is not None:
            others = WeeklySchedulePage.objects.child_of(parent).filter(week_start=week.start)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                self.add_error(
                    "week_start",
                    f"Đã có lịch cho {week.label}. Hãy sửa trang lịch tuần đó thay vì tạo trang mới.",
                )
        outside = []
        formset = self.formsets.get("entries")
        for form in formset.forms if formset is not None else []:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            day = form.cleaned_data.get("date")
            if day and not week.start <= day <= week.end:
                outside.append(f"{day:%d/%m/%Y}")
        if outside:
            self.add_error(
                "week_start",
                f"Ngày {', '.join(outside)} không thuộc {week.label}. Hãy sửa ngày của hoạt động hoặc chọn đúng tuần.",
            )
        return cleaned


class WeeklySchedulePage(BasePage):
    """ "Lịch tuần": the entries of one week, approved together."""

    week_start = models.DateField(
        "Tuần", help_text="Chọn một ngày bất kỳ trong tuần; lịch luôn tính từ Thứ Hai đến Chủ Nhật của tuần đó."
    )

    base_form_class = WeeklyScheduleForm
    content_panels = [
        FieldPanel("week_start"),
        FieldPanel("title"),
        InlinePanel("entries", label="Hoạt động trong tuần", min_num=0),
    ]

    parent_page_types = ["organisation.WorkSchedulePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Lịch tuần"
        verbose_name_plural = "Lịch tuần"

    @property
    def week(self) -> Week:
        return Week.containing(self.week_start)

    def clean(self):
        super().clean()
        if self.week_start:
            self.week_start = self.week.start

    def get_sitemap_urls(self, request=None):
        return []  # the week is read on the schedule page; its own address only redirects there

    def serve(self, request, *args, **kwargs):
        # A week has no page of its own: readers see it inside the schedule.
        parent = self.get_parent().specific
        return redirect(f"{parent.get_url(request)}?{WEEK_PARAM}={self.week.param}")

    def render_preview(self, request, mode_name):
        """Preview the draft week (entries not yet approved) in the schedule's layout, in the week's
        language (BasePage.serve_preview): an English week's banner and labels are English."""
        parent = self.get_parent().specific
        context = parent.get_context(request)
        entries = sorted(
            (entry for entry in self.entries.all() if entry.date),
            key=lambda e: (e.date, e.time or datetime.time.min, e.sort_order or 0),
        )
        context.update(parent.week_context(request, self.week, entries, None))
        context["page"] = parent
        context["self"] = parent
        context["is_preview_of_week"] = True
        from django.template.response import TemplateResponse

        return TemplateResponse(request, parent.get_template(request), context)


class ScheduleEntry(Orderable):
    page = ParentalKey("organisation.WeeklySchedulePage", related_name="entries", on_delete=models.CASCADE)
    date = models.DateField("Ngày")
    time = models.TimeField("Giờ", null=True, blank=True, help_text="Để trống nếu cả buổi hoặc cả ngày.")
    time_note = models.CharField("Ghi chú thời gian", max_length=60, blank=True, help_text="Ví dụ: Cả ngày; Buổi sáng")
    content = models.TextField("Nội dung công việc")
    host_leader = models.ForeignKey(
        "organisation.Leader",
        verbose_name="Chủ trì (lãnh đạo)",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    host_text = models.CharField(
        "Chủ trì (ghi tay)", max_length=255, blank=True, help_text="Dùng khi người chủ trì không có trong danh sách."
    )
    participants = models.TextField("Thành phần", blank=True)
    location = models.CharField("Địa điểm", max_length=255, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("time"), FieldPanel("time_note")], heading="Thời gian"),
        FieldPanel("content"),
        MultiFieldPanel([FieldPanel("host_leader"), FieldPanel("host_text")], heading="Chủ trì"),
        FieldPanel("participants"),
        FieldPanel("location"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Hoạt động"
        verbose_name_plural = "Hoạt động"

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.content[:60]}"

    @property
    def part_of_day(self) -> str:
        if self.time is None:
            return ""
        if self.time.hour < 12:
            return pgettext("part of day", "Sáng")
        return pgettext("part of day", "Chiều") if self.time.hour < 18 else pgettext("part of day", "Tối")

    @property
    def host(self) -> str:
        if self.host_leader is not None:
            position = self.host_leader.public_position  # the English title on /en/ when written
            return self.host_leader.full_name + (f" – {position}" if position else "")
        return self.host_text

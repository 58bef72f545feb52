"""Public list filters of the Công khai section, and the back-office views of this app."""

import re

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.generic import FormView, TemplateView
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.models import Site

from congphuong.core.forms import VisibleTextMixin
from congphuong.core.pagination import paginate
from congphuong.core.text import nfc

from .models import DisclosureCategory, DisclosurePage, DisclosureRemoval
from .protection import is_site_admin

CATEGORY_PARAM = "nhom"
YEAR_PARAM = "nam"
POSTINGS_PER_PAGE = 15


# --- Public: the Công khai list ------------------------------------------------------------


def disclosure_filters(request, index_page):
    """Context for the list: categories, years, the filtered and paginated postings, notices."""
    site = index_page.get_site()
    categories = list(DisclosureCategory.objects.filter(site=site).only("id", "name", "slug"))
    postings = index_page.postings()
    years = [
        day.year
        for day in DisclosurePage.objects.child_of(index_page).live().public().dates("posted_on", "year", "DESC")
    ]
    notices = []

    selected_category = None
    raw_category = request.GET.get(CATEGORY_PARAM, "").strip()
    if raw_category:
        selected_category = next((c for c in categories if c.slug == raw_category), None)
        if selected_category is None:
            notices.append(
                gettext("Không có nhóm thông tin “%(value)s”. Đang hiện mọi nhóm.") % {"value": nfc(raw_category)[:60]}
            )
        else:
            postings = postings.filter(category=selected_category)

    selected_year = None
    raw_year = request.GET.get(YEAR_PARAM, "").strip()
    if raw_year:
        if re.fullmatch(r"\d{4}", raw_year) and 1990 <= int(raw_year) <= 2100:
            selected_year = int(raw_year)
            postings = postings.filter(posted_on__year=selected_year)
        else:
            notices.append(
                gettext("Năm “%(value)s” không hợp lệ. Hãy chọn năm trong danh sách. Đang hiện mọi năm.")
                % {"value": nfc(raw_year)[:20]}
            )

    # What the filters add to the list's title ("Công khai: Ngân sách năm 2025"; on /en/ "…: Ngân sách 2025"),
    # includes/index_head.html. Messages are msgids of the public catalogue (English on /en/).
    title_detail = (f": {selected_category.name}" if selected_category else "") + (
        " " + gettext("năm %(year)s") % {"year": selected_year} if selected_year else ""
    )
    return {
        "postings": paginate(request, postings, per_page=POSTINGS_PER_PAGE),
        "title_detail": title_detail,
        "categories": categories,
        "years": years,
        "selected_category": selected_category,
        "selected_year": selected_year,
        "filter_notices": notices,
        "is_filtered": bool(selected_category or selected_year),
        "today": timezone.localdate(),
    }


# --- Back office: the compliance board -----------------------------------------------------


def may_view_board(user) -> bool:
    from congphuong.wards.roles import CITY_OVERVIEW_PERMISSION

    return user.is_active and (
        user.is_superuser
        or user.has_perm("organisation.view_compliance_board")
        or user.has_perm(CITY_OVERVIEW_PERMISSION)  # a city administrator reads every ward's board
    )


def board_site(request):
    """The ward the board is about: ?phuong=<id>, else the ward of the admin's hostname.

    Only the wards the user works on can be chosen (every ward for a city administrator, who reads
    them from the province overview: `congphuong.wards.membership.overseen_ward_sites`).
    """
    from congphuong.wards.membership import overseen_ward_sites

    sites = list(overseen_ward_sites(request.user))
    raw = request.GET.get("phuong", "")
    chosen = next((site for site in sites if str(site.pk) == raw), None) if raw.isdigit() else None
    if chosen is None:
        current = Site.find_for_request(request)
        chosen = next((site for site in sites if current and site.pk == current.pk), None) or (
            sites[0] if sites else None
        )
    return chosen, sites


class WardBoardView(WagtailAdminTemplateMixin, TemplateView):
    """A back-office page about one ward at a time, for those who may see the compliance board; the
    ward is `board_site`'s (template: wards/admin/ward_picker.html)."""

    def dispatch(self, request, *args, **kwargs):
        if not may_view_board(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


class ComplianceBoardView(WardBoardView):
    template_name = "organisation/admin/compliance_board.html"
    page_title = "Bảng theo dõi công khai thông tin"
    header_icon = "tasks"

    def post(self, request, *args, **kwargs):
        from congphuong.wards.membership import ward_ids

        from .compliance.sources import ensure_default_categories

        site, _ = board_site(request)
        own = ward_ids(request.user)  # None: every ward (superuser); a city administrator only reads
        if (
            site is None
            or not request.user.has_perm("organisation.add_mandatorycategory")
            or (own is not None and site.pk not in own)
        ):
            raise PermissionDenied
        made = ensure_default_categories(site)
        if made:
            messages.success(request, f"Đã tạo {made} hạng mục bắt buộc mặc định cho {site.site_name}.")
        else:
            messages.warning(request, "Phường này đã có hạng mục bắt buộc; không tạo thêm.")
        return redirect(f"{reverse('organisation_compliance_board')}?phuong={site.pk}")

    def get_context_data(self, **kwargs):
        from .compliance.board import build_board

        context = super().get_context_data(**kwargs)
        site, sites = board_site(self.request)
        context["sites"] = sites
        context["site"] = site
        context["board"] = build_board(site) if site else None
        context["can_create_defaults"] = self.request.user.has_perm("organisation.add_mandatorycategory")
        context["categories_url"] = reverse("wagtailsnippets_organisation_mandatorycategory:list")
        return context


# --- Back office: early removal of a disclosure by a site administrator --------------------


class EarlyRemovalForm(VisibleTextMixin, forms.Form):
    action = forms.ChoiceField(
        label="Thao tác", choices=DisclosureRemoval.ACTIONS, widget=forms.RadioSelect, initial="unpublish"
    )
    reason = forms.CharField(
        label="Lý do gỡ trước hạn",
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=15,
        max_length=2000,
        help_text="Ghi rõ căn cứ, ví dụ: số văn bản đính chính, yêu cầu của cơ quan cấp trên. Lý do được lưu lại.",
        error_messages={
            "required": "Hãy ghi lý do gỡ trước hạn.",
            "min_length": "Lý do quá ngắn: hãy ghi rõ (ít nhất %(limit_value)d ký tự).",
        },
    )

    def clean_reason(self):
        return nfc(self.cleaned_data["reason"]).strip()


class EarlyRemovalView(WagtailAdminTemplateMixin, FormView):
    form_class = EarlyRemovalForm
    template_name = "organisation/admin/early_removal.html"
    page_title = "Gỡ thông tin công khai trước hạn"
    header_icon = "warning"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.posting = get_object_or_404(DisclosurePage.objects.select_related("category"), pk=page_id)
        permissions = self.posting.permissions_for_user(request.user)
        if not is_site_admin(request.user) or not permissions.can_unpublish():
            raise PermissionDenied
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_subtitle(self):
        return self.posting.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["posting"] = self.posting
        context["protected"] = self.posting.is_protected()
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=(self.posting.pk,))
        return context

    def form_valid(self, form):
        posting = self.posting
        action = form.cleaned_data["action"]
        reason = form.cleaned_data["reason"]
        if (
            action == DisclosureRemoval.ACTION_DELETE
            and not posting.permissions_for_user(self.request.user).can_delete()
        ):
            form.add_error("action", "Bạn không có quyền xóa trang này.")
            return self.form_invalid(form)
        parent_id = posting.get_parent().pk
        with transaction.atomic():
            DisclosureRemoval.objects.create(
                site=posting.get_site(),
                page_id_value=posting.pk,
                page_title=posting.title,
                category_name=posting.category.name,
                action=action,
                reason=reason,
                protected_until=posting.protected_until,
                user=self.request.user,
            )
            log(
                instance=posting,
                action="organisation.early_removal",
                user=self.request.user,
                data={"reason": reason, "action": action},
            )
            if action == DisclosureRemoval.ACTION_DELETE:
                DeletePageAction(posting, user=self.request.user).execute(skip_permission_checks=True)
            else:
                posting.unpublish(user=self.request.user, log_action="wagtail.unpublish")
        verb = "xóa" if action == DisclosureRemoval.ACTION_DELETE else "gỡ khỏi cổng"
        messages.success(self.request, f"Đã {verb} “{posting.title}” trước hạn. Lý do đã được ghi lại.")
        return redirect("wagtailadmin_explore", parent_id)

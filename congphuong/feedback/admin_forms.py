"""The back-office form for handling a question, and the small forms beside it."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from congphuong.core.forms import VisibleTextMixin
from congphuong.core.text import nfc
from congphuong.wards.membership import members, scope, ward_ids

from .models import Question, Topic

ANSWER_FIELDS = ("answer", "answering_unit", "is_public", "public_title", "public_question")


def handler_users(site_ids=None, keep=None):
    """Users who may handle questions: members of a group with change_question (or holding it themselves).

    With `site_ids`, only the staff of those wards (`membership.members`): a ward never
    sees, nor assigns to, another ward's cadres.
    Superusers are not offered then (they belong to no ward). `keep`: a user kept in the
    list whatever the rule (the question's current assignee, so the form stays valid).
    """
    handles = Q(
        groups__permissions__codename="change_question", groups__permissions__content_type__app_label="feedback"
    ) | Q(user_permissions__codename="change_question")
    users = get_user_model().objects.filter(is_active=True)
    if site_ids is None:
        users = users.filter(Q(is_superuser=True) | handles)
    else:
        users = users.filter(handles, is_superuser=False, pk__in=members(site_ids).values("pk"))
    if keep is not None:
        users = get_user_model().objects.filter(Q(pk__in=users.values("pk")) | Q(pk=keep))
    return users.distinct().order_by("first_name", "last_name", "username")


class QuestionAdminForm(WagtailAdminModelForm):
    """Status, assignment, answer and publication. The asker's data is shown, not edited."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        user = self.for_user
        if "assignee" in self.fields:
            # The question's own ward's staff (a superuser handling it sees the same list).
            ward = {instance.site_id} if instance.site_id else (ward_ids(user) if user is not None else set())
            self.fields["assignee"].queryset = handler_users(ward, keep=instance.assignee_id)
            self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.get_username()
            self.fields["assignee"].empty_label = "— Chưa phân công —"
        if "topic" in self.fields:
            topics = Topic.objects.all()
            if user is not None:
                site_ids = ward_ids(user)
                if site_ids is not None:
                    topics = topics.filter(Q(site__isnull=True) | Q(site_id__in=site_ids))
            self.fields["topic"].queryset = topics
        if "status" in self.fields:
            choices = [
                choice
                for choice in Question.STATUS_CHOICES
                if choice[0] != Question.ANSWERED or instance.status == Question.ANSWERED
            ]
            self.fields["status"].choices = choices
            self.fields["status"].help_text = (
                "“Đã trả lời” được đặt tự động khi lãnh đạo duyệt câu trả lời. "
                "Chọn “Chuyển cơ quan khác” hoặc “Từ chối” thì người hỏi được báo qua thư điện tử."
            )
            if instance.status == Question.ANSWERED:
                self.fields["status"].disabled = True
        if instance.answer_status in (Question.ANSWER_PENDING, Question.ANSWER_APPROVED):
            for name in ANSWER_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = (
                        "Đang chờ lãnh đạo duyệt: không sửa được."
                        if instance.answer_status == Question.ANSWER_PENDING
                        else "Đã duyệt. Muốn sửa, lãnh đạo bấm “Mở lại để sửa câu trả lời”."
                    )

    def clean(self):
        cleaned = super().clean()
        for key, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[key] = nfc(value).strip()
        status = cleaned.get("status", self.instance.status)
        if status == Question.TRANSFERRED and not cleaned.get("transferred_to"):
            self.add_error("transferred_to", "Vui lòng ghi tên cơ quan tiếp nhận khi chuyển câu hỏi.")
        if status == Question.REJECTED and not cleaned.get("reject_reason"):
            self.add_error("reject_reason", "Vui lòng ghi lý do từ chối để báo cho người hỏi.")
        if (
            status == Question.ANSWERED
            and self.instance.status != Question.ANSWERED
            and self.instance.answer_status != Question.ANSWER_APPROVED
        ):
            self.add_error("status", "Chỉ chuyển sang “Đã trả lời” khi câu trả lời đã được lãnh đạo duyệt.")
        return cleaned

    class Meta:
        model = Question
        fields = [
            "status",
            "assignee",
            "topic",
            "transferred_to",
            "reject_reason",
            "answer",
            "answering_unit",
            "is_public",
            "public_title",
            "public_question",
        ]
        widgets = {
            "reject_reason": forms.Textarea(attrs={"rows": 3}),
            "public_question": forms.Textarea(attrs={"rows": 5}),
        }


class NoteForm(VisibleTextMixin, forms.Form):
    text = forms.CharField(
        label="Ghi chú nội bộ",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Chỉ cán bộ xem được; không bao giờ hiện với người dân.",
        error_messages={"required": "Vui lòng nhập nội dung ghi chú."},
    )

    def clean_text(self):
        return nfc(self.cleaned_data["text"]).strip()


class ReturnForm(VisibleTextMixin, forms.Form):
    comment = forms.CharField(
        label="Yêu cầu sửa",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Vui lòng ghi nội dung cần sửa để người soạn biết."},
    )

    def clean_comment(self):
        return nfc(self.cleaned_data["comment"]).strip()


def scoped_questions(user):
    return scope(Question.objects.all(), user, shared=False)

"""The back-office form that takes one step of a request (handling.py does the step)."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from congphuong.core.forms import VisibleTextMixin
from congphuong.core.text import nfc

from .models import InformationRequest, RefusalGround, RequestEvent

STEP_NOTE = RequestEvent.NOTE
STEP_START = RequestEvent.STARTED
STEP_EXTEND = RequestEvent.EXTENDED
STEP_PROVIDE = RequestEvent.PROVIDED
STEP_REFUSE = RequestEvent.REFUSED
STEP_LABELS = {
    STEP_NOTE: "Chỉ ghi chú nội bộ",
    STEP_START: "Bắt đầu giải quyết",
    STEP_EXTEND: "Gia hạn (một lần)",
    STEP_PROVIDE: "Cung cấp thông tin (kết thúc)",
    STEP_REFUSE: "Từ chối cung cấp (kết thúc)",
}


def available_steps(item: InformationRequest) -> list[str]:
    if not item.is_open:
        return [STEP_NOTE]
    steps = [STEP_PROVIDE]
    if item.status == InformationRequest.NEW:
        steps.insert(0, STEP_START)
    if not item.is_extended:
        steps.append(STEP_EXTEND)
    return [*steps, STEP_REFUSE, STEP_NOTE]


class RequestStepForm(VisibleTextMixin, WagtailAdminModelForm):
    """One step at a time; the request's own fields are shown read-only beside the form."""

    step = forms.ChoiceField(label="Bước xử lý", widget=forms.RadioSelect)
    result = forms.CharField(
        label="Thông tin đã cung cấp và cách cung cấp",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Ví dụ: Đã gửi bản chụp Quyết định số … qua thư điện tử ngày …",
    )
    extension_reason = forms.CharField(
        label="Lý do gia hạn",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Người yêu cầu được báo lý do và hạn mới.",
    )
    refusal_ground = forms.ModelChoiceField(
        label="Căn cứ từ chối",
        required=False,
        queryset=RefusalGround.objects.filter(active=True),
        empty_label="— Chọn căn cứ theo quy định —",
        error_messages={"invalid_choice": "Căn cứ đã chọn không có trong danh sách."},
    )
    refusal_reason = forms.CharField(
        label="Lý do từ chối",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ghi rõ vì sao căn cứ trên áp dụng cho yêu cầu này; người yêu cầu nhận nội dung này.",
    )
    note = forms.CharField(
        label="Ghi chú nội bộ",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Chỉ cán bộ xem được; không bao giờ hiện với người yêu cầu.",
    )

    class Meta:
        model = InformationRequest
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        steps = available_steps(self.instance)
        self.fields["step"].choices = [(step, STEP_LABELS[step]) for step in steps]
        self.fields["step"].initial = steps[0]
        self.fields["refusal_ground"].label_from_instance = lambda ground: (
            ground.label + ("" if ground.confirmed else " — chưa đối chiếu")
        )
        if not self.instance.is_open:
            for name in ("result", "extension_reason", "refusal_ground", "refusal_reason"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        for key, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[key] = nfc(value).strip()
        step = cleaned.get("step")
        required = {
            STEP_EXTEND: [("extension_reason", "Vui lòng ghi lý do gia hạn để báo cho người yêu cầu.")],
            STEP_PROVIDE: [("result", "Vui lòng ghi thông tin đã cung cấp và cách cung cấp.")],
            STEP_REFUSE: [
                ("refusal_ground", "Vui lòng chọn căn cứ từ chối theo quy định của pháp luật."),
                ("refusal_reason", "Vui lòng ghi rõ lý do từ chối để báo cho người yêu cầu."),
            ],
            STEP_NOTE: [("note", "Vui lòng nhập nội dung ghi chú.")],
        }.get(step, [])
        for name, message in required:
            if not cleaned.get(name):
                self.add_error(name, message)
        return cleaned

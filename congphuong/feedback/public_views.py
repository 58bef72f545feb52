"""The public side of FeedbackPage: published Q&A, the question form, receipt, lookup, ratings.

Nothing rendered here ever contains the asker's name, phone or e-mail: published
questions are shown through ``Question.display_*`` (masked) and ``asker_label``.
"""

from django.core import signing
from django.db import transaction
from django.db.models import Avg, Count
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from congphuong.core.pagination import paginate
from congphuong.core.text import fold, nfc

from . import notify, spam
from .forms import LookupForm, QuestionForm, RatingForm
from .models import Question, Rating, Topic

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
RECEIPT_SALT = "congphuong.feedback.receipt"
RECEIPT_MAX_AGE = 7 * 24 * 60 * 60
RATED_COOKIE = "cp_danh_gia"
RATED_SALT = "congphuong.feedback.rated"
RATED_MAX_ITEMS = 200
QUESTION_LIMIT_MESSAGE = gettext_lazy(
    "Bạn đã gửi nhiều câu hỏi trong một giờ qua. Để chống thư rác, cổng tạm ngừng nhận từ thiết bị "
    "này; vui lòng thử lại sau một giờ hoặc gọi điện đến bộ phận tiếp nhận của phường."
)


def _site(page):
    return page.get_site()


def _published(page):
    return (
        Question.objects.published()
        .filter(site=_site(page))
        .select_related("topic", "neighbourhood")
        .order_by("-published_at", "-pk")
    )


# Ratings: one per browser per item, remembered in a signed cookie -----------------


def _rated_items(request) -> set[str]:
    value = request.get_signed_cookie(RATED_COOKIE, default="", salt=RATED_SALT)
    return {item for item in value.split(",") if item}


def _remember_rated(request, response, key: str):
    items = sorted(_rated_items(request) | {key})[-RATED_MAX_ITEMS:]
    response.set_signed_cookie(
        RATED_COOKIE,
        ",".join(items),
        salt=RATED_SALT,
        max_age=365 * 24 * 60 * 60,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def _portal_key(page) -> str:
    return f"cong-{page.pk}"


def _answer_key(question) -> str:
    return f"hd-{question.pk}"


def _aggregate(queryset) -> dict:
    data = queryset.aggregate(average=Avg("score"), count=Count("pk"))
    average = data["average"]
    # "4,5" in Vietnamese, "4.5" on an English page (docs/english-section.md).
    decimal = "." if translation.get_language() == "en" else ","
    data["average_text"] = f"{average:.1f}".replace(".", decimal) if average is not None else ""
    return data


def _portal_form(data=None):
    return RatingForm(data, auto_id="id_cong_%s")


def _portal_rating(page, request) -> dict:
    return {
        "stats": _aggregate(Rating.objects.filter(site=_site(page), question__isnull=True)),
        "already": _portal_key(page) in _rated_items(request),
    }


# Pages ---------------------------------------------------------------------------


def index(page, request, portal_form=None):
    site = _site(page)
    questions = _published(page)
    topics = list(Topic.objects.for_site(site).only("id", "name"))
    messages = []

    query = nfc(request.GET.get("q", "")).strip()
    if len(query) > MAX_QUERY_LENGTH:
        messages.append(gettext("Từ khóa quá dài: tối đa %(n)s ký tự.") % {"n": MAX_QUERY_LENGTH})
        query = ""
    for word in fold(query).split():
        questions = questions.filter(search_text__contains=word)

    topic = None
    topic_param = request.GET.get("chu-de", "").strip()
    if topic_param:
        topic = next((item for item in topics if str(item.pk) == topic_param), None)
        if topic is None:
            messages.append(gettext("Chủ đề đã chọn không có; đang hiện mọi chủ đề."))
        else:
            questions = questions.filter(topic=topic)

    results = paginate(request, questions, per_page=PER_PAGE)
    filtering = bool(query or topic)
    return page.render(
        request,
        context_overrides={
            "questions": results,
            "topics": topics,
            "search_query": query,
            "selected_topic": topic,
            "filtering": filtering,
            "filter_messages": messages,
            "lookup_form": LookupForm(),
            "portal_rating": _portal_rating(page, request),
            "portal_form": portal_form or _portal_form(),
            "rated": request.GET.get("da-danh-gia") == "1",
        },
    )


def ask(page, request):
    site = _site(page)
    problem = ""
    if request.method == "POST":
        form = QuestionForm(request.POST, request.FILES, site=site)
        # Spent only for a valid question, and atomically before it is stored (spam.take).
        if spam.is_limited("question", request) or (form.is_valid() and not spam.take("question", request)):
            problem = QUESTION_LIMIT_MESSAGE
        elif form.is_valid():
            question = _create_question(page, site, form)
            notify.send_receipt(question)
            notify.send_staff_alert(question)
            token = signing.dumps(question.code, salt=RECEIPT_SALT)
            return redirect(page.get_url(request) + page.reverse_subpage("receipt") + f"?phieu={token}")
    else:
        form = QuestionForm(site=site)
        # A link may choose the topic ("Báo rào cản tiếp cận" on the accessibility statement): only a
        # topic of this ward's list is taken; anything else leaves the choice to the citizen.
        topic_param = request.GET.get("chu-de", "").strip()
        if topic_param.isdigit():
            form.initial["topic"] = form.fields["topic"].queryset.filter(pk=int(topic_param)).first()
    return page.render(
        request,
        template="feedback/ask.html",
        context_overrides={"form": form, "problem": problem},
    )


@transaction.atomic
def _create_question(page, site, form) -> Question:
    data = form.cleaned_data
    question = Question(
        site=site,
        page=page,
        full_name=data["full_name"],
        phone=data["phone"],
        email=data["email"],
        neighbourhood=data.get("neighbourhood"),
        topic=data.get("topic"),
        content=data["content"],
        consent_at=timezone.now(),
        received_at=timezone.now(),
    )
    upload = data.get("attachment")
    if upload:
        question.attachment_name = nfc(upload.name)[:255]
        question.attachment_type = getattr(form, "attachment_type", "")
        question.attachment.save(upload.name, upload, save=False)
    question.save()
    return question


def receipt(page, request):
    question = None
    problem = ""
    token = request.GET.get("phieu", "")
    try:
        code = signing.loads(token, salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
    except signing.BadSignature:
        code = None
        problem = gettext(
            "Không mở được phiếu tiếp nhận (đường dẫn không đúng hoặc đã quá 7 ngày). "
            "Bạn vẫn có thể tra cứu bằng mã đã ghi lại hoặc trong thư xác nhận."
        )
    if code:
        question = (
            Question.objects.filter(code=code, site=_site(page))
            .only("code", "received_at", "due_date", "email", "status")
            .first()
        )
        if question is None:
            problem = gettext("Không tìm thấy câu hỏi của phiếu này.")
    return page.render(
        request,
        template="feedback/receipt.html",
        context_overrides={"question": question, "problem": problem},
    )


def lookup(page, request):
    """Status of one's own question: needs the code AND the last 4 digits of the phone or the e-mail."""
    question = None
    problem = ""
    if request.method == "POST":
        form = LookupForm(request.POST)
        if spam.is_limited("lookup", request) or (form.is_valid() and not spam.take("lookup", request)):
            problem = gettext("Bạn đã tra cứu quá nhiều lần trong một giờ. Vui lòng thử lại sau.")
        elif form.is_valid():
            candidate = (
                Question.objects.filter(code=form.cleaned_data["code"], site=_site(page))
                .select_related("topic")
                .first()
            )
            if candidate is not None and form.matches(candidate):
                question = candidate
            else:
                problem = gettext(
                    "Không tìm thấy câu hỏi khớp với mã tra cứu và thông tin liên hệ đã nhập. "
                    "Vui lòng kiểm tra lại mã (ví dụ HD-2026-7K3QX) và số điện thoại hoặc thư điện tử."
                )
    else:
        form = LookupForm(initial={"code": nfc(request.GET.get("ma", ""))[:40]})
    return page.render(
        request,
        template="feedback/lookup.html",
        context_overrides={"form": form, "question": question, "problem": problem},
    )


def _published_or_none(page, pk):
    return _published(page).filter(pk=pk).first()


def answer_detail(page, request, pk, rating_form=None, status=200):
    question = _published_or_none(page, pk)
    if question is None:
        raise Http404("Không có hỏi đáp này.")
    response = page.render(
        request,
        template="feedback/answer.html",
        context_overrides={
            "question": question,
            "rating_stats": _aggregate(question.ratings.all()),
            "already_rated": _answer_key(question) in _rated_items(request),
            "rating_form": rating_form or RatingForm(),
            "rated": request.GET.get("da-danh-gia") == "1",
        },
    )
    response.status_code = status
    return response


def _handle_rating(request, page, key, question, make_form, render_error, success_url):
    if request.method != "POST":
        return redirect(success_url)
    form = make_form(request.POST)
    if key in _rated_items(request):
        form.add_error(None, gettext("Bạn đã đánh giá mục này rồi. Cảm ơn bạn!"))
        return render_error(form)
    if spam.is_limited("rating", request) or (form.is_valid() and not spam.take("rating", request)):
        form.add_error(None, gettext("Bạn đã gửi nhiều đánh giá trong một giờ qua. Vui lòng thử lại sau."))
        return render_error(form)
    if not form.is_valid():
        return render_error(form)
    Rating.objects.create(
        site=_site(page), question=question, score=form.cleaned_data["score"], comment=form.cleaned_data["comment"]
    )
    response = redirect(success_url + "?da-danh-gia=1#danh-gia")
    _remember_rated(request, response, key)
    return response


def rate_answer(page, request, pk):
    question = _published_or_none(page, pk)
    if question is None:
        raise Http404("Không có hỏi đáp này.")
    url = page.get_url(request) + page.reverse_subpage("answer", kwargs={"pk": pk})
    return _handle_rating(
        request,
        page,
        _answer_key(question),
        question,
        RatingForm,
        lambda form: answer_detail(page, request, pk, rating_form=form),
        url,
    )


def rate_portal(page, request):
    return _handle_rating(
        request,
        page,
        _portal_key(page),
        None,
        _portal_form,
        lambda form: index(page, request, portal_form=form),
        page.get_url(request),
    )

"""The public page "Phường cũ của tôi nay là phường nào?", on every ward's portal."""

from django.shortcuts import render

from congphuong.core.text import nfc

from .lookup import MAX_QUERY_LENGTH, find


def lookup(request):
    raw = nfc(request.GET.get("q", "")).strip()
    note = ""
    if len(raw) > MAX_QUERY_LENGTH:
        note = f"Chỉ dùng {MAX_QUERY_LENGTH} ký tự đầu của nội dung tìm."
        raw = raw[:MAX_QUERY_LENGTH]
    matches = find(raw) if raw else []
    return render(request, "units/lookup.html", {"query": raw, "matches": matches, "note": note, "searched": bool(raw)})

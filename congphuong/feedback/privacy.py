"""Keep the asker's contact details out of anything public.

``redact`` masks e-mail addresses and phone numbers written inside a question or an
answer, and the asker's own name, phone and e-mail wherever they appear.
"""

import re

from congphuong.core.text import nfc

MASK = "[đã ẩn]"
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# 9 or more digits, possibly grouped by spaces, dots or dashes, optionally +84.
PHONE_RE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")


def digits(value) -> str:
    return re.sub(r"\D", "", str(value or ""))


def redact(text, question=None) -> str:
    text = nfc(text or "")
    if not text:
        return ""
    text = EMAIL_RE.sub(MASK, text)
    text = PHONE_RE.sub(MASK, text)
    if question is not None:
        name = nfc((question.full_name or "").strip())
        if len(name) >= 3:
            text = re.sub(re.escape(name), MASK, text, flags=re.IGNORECASE)
        for value in (question.email, question.phone):
            value = (value or "").strip()
            if len(value) >= 5:
                text = re.sub(re.escape(value), MASK, text, flags=re.IGNORECASE)
    return text

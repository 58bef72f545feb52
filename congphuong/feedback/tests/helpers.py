import time
import unicodedata

from congphuong.feedback.spam import make_timestamp

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def question_data(topic_obj=None, neighbourhood_obj=None, seconds_ago=30, **overrides):
    data = {
        "full_name": "Trần Thị Bích Ngọc",
        "phone": "0912 345 678",
        "email": "bichngoc.tran@example.com",
        "neighbourhood": neighbourhood_obj.pk if neighbourhood_obj else "",
        "topic": topic_obj.pk if topic_obj else "",
        "content": "Xin hỏi thủ tục đăng ký khai sinh cho con cần những giấy tờ gì và nộp ở đâu?",
        "consent": "on",
        "website": "",
        "started": make_timestamp(time.time() - seconds_ago),
    }
    data.update(overrides)
    return data


def nfd(value: str) -> str:
    return unicodedata.normalize("NFD", value)

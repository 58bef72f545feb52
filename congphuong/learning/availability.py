"""Which models have no criteria set in force, and what the ward is told about it.

A set ends (QĐ 448/QĐ-KHVN was issued for 2016–2020). The ward must not find out by a form
that silently refuses, or worse, by a dossier scored under rules no longer in force: the
dashboard, the criteria list and the registration form say which set expired, since when,
and that an administrator has to add the set that replaces it.

What assessing against an expired set does (docs/learning.md): a new registration never picks
an expired set by itself; the officer may choose it on purpose (a provisional assessment, so
that the work of the year is not lost while the replacement is awaited), the dossier says so,
and `workflow.recognise` refuses a recognition decision on it.
"""

import datetime
from dataclasses import dataclass

from .choices import LearningModel
from .models import CriteriaSet


@dataclass
class CriteriaGap:
    learning_model: str
    expired: CriteriaSet | None

    @property
    def label(self):
        return LearningModel(self.learning_model).label

    @property
    def message(self) -> str:
        if self.expired is None:
            return (
                f"Chưa có bộ tiêu chí {self.label} nào có hiệu lực. Quản trị cần thêm bộ tiêu chí "
                "(mục “Bộ tiêu chí” → “Thêm”) theo văn bản hiện hành."
            )
        ended = self.expired.valid_to + datetime.timedelta(days=1)
        return (
            f"Bộ tiêu chí {self.label} “{self.expired}” ({self.expired.document_number or self.expired.legal_basis}) "
            f"đã hết hiệu lực từ ngày {ended:%d/%m/%Y} và chưa có bộ thay thế. Cần thêm bộ tiêu chí thay thế: "
            "quản trị mở “Bộ tiêu chí”, chọn “Tạo phiên bản mới” ở bộ đã hết hiệu lực (hoặc “Thêm”), nhập theo văn "
            "bản mới, để ở “Dự thảo” rồi chuyển sang “Dùng để công nhận” sau khi đối chiếu với văn bản gốc. "
            "Trong lúc chờ, chỉ đánh giá tạm được khi cán bộ chọn rõ bộ đã hết hiệu lực ở ô “Bộ tiêu chí áp dụng”; "
            "hồ sơ đó không dùng được trong quyết định công nhận."
        )


def gap(learning_model, day, site=None) -> CriteriaGap | None:
    """None when a set of `learning_model` is in force on `day` for `site`."""
    if CriteriaSet.objects.in_force(learning_model, day, site).exists():
        return None
    return CriteriaGap(learning_model, CriteriaSet.objects.latest_expired(learning_model, day, site))


def gaps(site, day) -> list[CriteriaGap]:
    """Every model with no set in force on `day` (the dashboard's and criteria list's notices)."""
    found = []
    for value, _label in LearningModel.choices:
        missing = gap(value, day, site)
        if missing is not None:
            found.append(missing)
    return found

"""Totals and recognition levels of an assessment under the criteria version it was made with."""

from dataclasses import dataclass, field
from decimal import Decimal

from .numbers import plain_number


@dataclass
class CriterionResult:
    criterion: object
    points: Decimal
    max_points: Decimal

    @property
    def percent(self) -> Decimal:
        return self.points * 100 / self.max_points if self.max_points else Decimal(0)


@dataclass
class Evaluation:
    total: Decimal
    max_total: Decimal
    complete: bool
    criteria: list[CriterionResult]
    level: object = None  # RecognitionLevel or None
    missing: list[str] = field(default_factory=list)  # indicator codes without points
    shortfalls: list[str] = field(default_factory=list)  # why the lowest level was not reached

    @property
    def passed(self) -> bool:
        return self.level is not None


def _level_failures(level, total, criteria_results, indicator_points, disadvantaged=False, by_level=False):
    reasons = []
    min_total = level.min_total
    if disadvantaged and level.min_total_disadvantaged is not None:
        min_total = level.min_total_disadvantaged
    if min_total is not None and total < min_total:
        reasons.append(f"tổng điểm {plain_number(total)} thấp hơn {plain_number(min_total)}")
    if level.min_criterion_percent is not None:
        for result in criteria_results:
            if result.percent < level.min_criterion_percent:
                reasons.append(
                    f"tiêu chí {result.criterion.code} đạt {plain_number(result.points)}/"
                    f"{plain_number(result.max_points)} điểm, dưới {plain_number(level.min_criterion_percent)}%"
                )
    if level.min_indicator_points is not None:
        for indicator, points in indicator_points:
            if points < level.min_indicator_points and by_level:
                # Met / not met per level (Thông tư 25/2023): no points to speak of.
                reasons.append(f"chỉ số {indicator.code} chưa đạt {level.name}")
            elif points < level.min_indicator_points:
                reasons.append(
                    f"chỉ số {indicator.code} đạt {plain_number(points)} điểm, "
                    f"dưới {plain_number(level.min_indicator_points)}"
                )
    return reasons


def evaluate(criteria_set, points: dict, disadvantaged: bool = False) -> Evaluation:
    """Score `points` ({indicator_id: Decimal or None}) against `criteria_set`.

    A set judged met / not met per level stores, for each indicator, the highest level met
    (0 = not met); its levels ask every indicator to reach their number. `disadvantaged`: the
    levels' threshold for disadvantaged areas applies where they have one.

    Every indicator must have points for a level to be reached. The highest-ranked
    level whose conditions all hold is the result.
    """
    criteria_results, indicator_points, missing = [], [], []
    total = max_total = Decimal(0)
    for criterion in criteria_set.ordered_criteria():
        c_points = c_max = Decimal(0)
        for indicator in criterion.indicators.all():
            value = points.get(indicator.pk)
            c_max += indicator.max_points
            if value is None:
                missing.append(indicator.code)
                continue
            value = Decimal(value)
            if value < 0 or value > indicator.max_points:
                raise ValueError(f"Điểm chỉ số {indicator.code} phải từ 0 đến {plain_number(indicator.max_points)}.")
            c_points += value
            indicator_points.append((indicator, value))
        criteria_results.append(CriterionResult(criterion, c_points, c_max))
        total += c_points
        max_total += c_max

    evaluation = Evaluation(
        total=total, max_total=max_total, complete=not missing, criteria=criteria_results, missing=missing
    )
    if missing:
        evaluation.shortfalls = [f"còn {len(missing)} chỉ số chưa chấm ({', '.join(missing)})"]
        return evaluation
    levels = list(criteria_set.ordered_levels())
    by_level = not getattr(criteria_set, "uses_points", True)
    for level in levels:  # highest rank first
        if not _level_failures(level, total, criteria_results, indicator_points, disadvantaged, by_level):
            evaluation.level = level
            break
    if evaluation.level is None and levels:
        evaluation.shortfalls = _level_failures(
            levels[-1], total, criteria_results, indicator_points, disadvantaged, by_level
        )
    return evaluation


def level_label(value) -> str:
    """A met / not-met judgement stored as the highest level met (Thông tư 25/2023: no points)."""
    if value is None or value == "":
        return "–"
    level = int(value)
    if level <= 0:
        return "Chưa đạt Mức 1"
    return f"Đạt Mức {level}" + (" (chưa đạt Mức 2)" if level == 1 else "")

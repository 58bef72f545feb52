"""Number formatting the way Vietnamese readers write it: 1.234.567 đồng, 12,5%.

On the English pages (/en/, docs/english-section.md) the same figures read as English readers write
them: 1,234,567 VND, 12.5%. The language is the active one: the admin and its exports are always
Vietnamese, so only the public pages under /en/ change.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from congphuong.core.language import is_english


def to_decimal(value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if value is None or value == "":
        return Decimal(0)
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return Decimal(0)


def plain_number(value) -> str:
    """12.50 → "12,5"; 70.00 → "70"; thousands separated by dots ("12.5", "1,200" in English)."""
    number = to_decimal(value)
    if number == number.to_integral_value():
        return group_thousands(int(number))
    text = format(number.normalize(), "f")
    whole, _, fraction = text.partition(".")
    mark = "." if is_english() else ","
    return f"{group_thousands(int(whole))}{mark}{fraction}" if whole not in ("-0",) else f"-0{mark}{fraction}"


def group_thousands(number: int) -> str:
    sign = "-" if number < 0 else ""
    grouped = f"{abs(number):,}"
    return sign + (grouped if is_english() else grouped.replace(",", "."))


def vnd(value) -> str:
    """Money in đồng, rounded to the đồng: 1500000 → "1.500.000 đ" ("1,500,000 VND" in English)."""
    amount = to_decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{group_thousands(int(amount))} {'VND' if is_english() else 'đ'}"


def percent(part, whole, places=1) -> Decimal | None:
    """part/whole as a percentage rounded to `places` decimals; None when whole is 0."""
    whole = to_decimal(whole)
    if not whole:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (to_decimal(part) * 100 / whole).quantize(quantum, rounding=ROUND_HALF_UP)

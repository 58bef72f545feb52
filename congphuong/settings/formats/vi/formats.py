"""Vietnamese input formats: day first, as cadres type dates ("25/05/2023 09:30").

Django's own `vi` locale defines no *_INPUT_FORMATS, so it falls back to the US
month-first defaults: "03/12/2026" would be read as 12 March and "25/05/2023" refused.
The admin's date pickers write WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT, which
must be among these. Display formats are Django's in lower case (the portal's own dates
are rendered by `core.templatetags.vi_format`).
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d/%m/%Y",
]
FIRST_DAY_OF_WEEK = 1  # Monday

# Django's vi display formats start "Ngày" with a capital, which reads wrong mid-line
# ("06:03 Ngày 07 tháng 12 năm 2026" in the admin's lists): lower case, as Vietnamese writes it.
DATE_FORMAT = r"\n\g\à\y d \t\h\á\n\g n \n\ă\m Y"
DATETIME_FORMAT = r"H:i \n\g\à\y d \t\h\á\n\g n \n\ă\m Y"

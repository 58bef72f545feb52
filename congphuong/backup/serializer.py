"""Django's JSON Lines format, but lossless: times keep their microseconds.

Django's encoder cuts datetimes and times to milliseconds (ECMA-262), so a backup made with
``dumpdata --format jsonl`` does not give back the rows it read: two revisions a few microseconds
apart could swap order, and no restored row would hash like the original. Registered as
``backup-jsonl`` (see apps.py) for the dump only; the output is ordinary JSON Lines that Django's
own ``jsonl`` deserializer reads (``parse_datetime`` takes six digits), so ``loaddata`` needs nothing.
"""

import datetime

from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder

FORMAT = "backup-jsonl"


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


class Serializer(jsonl.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder


Deserializer = jsonl.Deserializer

"""A list whose rows come from a few short lists: the union of their ids, for `pk__in`.

A list like "the editor's picks, then the newest sharing a tag, then the newest of the category,
four in all" is cheap when each part is a short query of its own (`LIMIT`, served by an index)
and the parts' ids are unioned, then ordered. Written as one query whose `WHERE` ORs the parts'
conditions, the database has to compute every condition for every article of the ward before it
can keep four: the cost grows with the corpus (issue 17). `pk__in=union_of(...)` keeps one round
trip and bounds it by what is shown:

    newest = ArticlePage.objects.live().order_by("-published_at").values("pk")
    ArticlePage.objects.filter(pk__in=union_of(newest.filter(...)[:4], newest.filter(...)[:4]))

Why not `QuerySet.union()`: SQLite refuses `LIMIT` inside a compound statement's parts, and
Django (rightly) raises for it; each part here is wrapped as a derived table
(`SELECT * FROM (… LIMIT 4) u0 UNION ALL …`), which both SQLite and PostgreSQL accept.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Expression, QuerySet, Subquery


class UnionOf(Expression):
    """SQL: the rows of each part (a queryset of one column), one after another (`UNION ALL`:
    `IN` does not mind a duplicate, and removing them would cost a sort)."""

    contains_aggregate = False
    contains_over_clause = False

    def __init__(self, *parts: QuerySet, output_field=None):
        if not parts:
            raise ValueError("union_of needs at least one queryset")
        super().__init__(output_field=output_field or models.IntegerField())
        self.parts = [Subquery(part) for part in parts]

    def get_source_expressions(self):
        return self.parts

    def set_source_expressions(self, exprs):
        self.parts = list(exprs)

    def copy(self):
        clone = super().copy()
        clone.parts = [part.copy() for part in self.parts]
        return clone

    def as_sql(self, compiler, connection):
        quote = connection.ops.quote_name
        sqls, params = [], []
        for number, part in enumerate(self.parts):
            sql, part_params = compiler.compile(part)  # "(SELECT … LIMIT n)"
            # Compiled SQL with its values as parameters, and an alias of our own: nothing from input.
            sqls.append(f"SELECT * FROM {sql} {quote(f'u{number}')}")  # noqa: S608
            params.extend(part_params)
        return " UNION ALL ".join(sqls), params


def union_of(*parts: QuerySet) -> UnionOf:
    """The ids of every part (each a `values("pk")`-like queryset, sliced or not), for `pk__in`."""
    return UnionOf(*parts)

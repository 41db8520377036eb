"""Positions in ``reportedly serve`` (issue 21): what each party says about each issue.

- ``/api/v1/issues``: the issues the store's stances are on, with their counts;
- ``/api/v1/positions``: the rows of ``reportedly positions`` (``view=current``, ``history``
  or ``shifts``; ``by=code`` for one actor per actor code), with the CLI's filters;
- ``/issues`` and ``/issues/{name}``: an issue's actors over time, each stance a mark
  coloured by its side with its evidence on hover, and the current positions;
- the speaker page's positions section (:func:`entity_positions`).

The answers are over the whole store and the same for every visitor: they are kept until
the store changes (:meth:`api.StoreReader.kept`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from reportedly.model import STANCE_VALUES
from reportedly.positions.issues import load_issues
from reportedly.serve import api
from reportedly.serve.charts import point_chart
from reportedly.store.stances import PositionFilter, busiest_actors, history, issue_counts, positions

POSITIONS_LIMIT = 100
VIEWS = ("current", "history", "shifts")
# An issue page draws the actors with the most stances, and each one's latest stances: a
# page of a large store stays readable and quick (the API has them all). At 40 actors and 60
# stances the busiest issue of bench/serve.py's store made a page of 1.1 MB in 47 ms.
ISSUE_ACTORS = 30
ACTOR_STANCES = 24
# The colour of each side in the charts (style.css gives the marks the same), in the order
# of STANCE_VALUES.
STANCE_COLOURS = dict(
    zip(STANCE_VALUES, ("#2ca02c", "#d62728", "#ff7f0e", "#9467bd", "#9aa3ab"), strict=True)
)


def routes(settings: api.Settings, render: Callable[..., HTMLResponse]) -> list[Route]:
    """The positions endpoints and pages over ``settings``' store; ``render`` makes a page
    (the pages' renderer: a template's name and its context)."""
    kept, threaded = settings.reader.kept, settings.reader.threaded
    definitions = {issue.name: issue.definition for issue in load_issues(None).issues}

    def issues_known() -> list[dict[str, Any]]:
        rows = kept(("issues",), issue_counts)
        return [row | {"definition": definitions.get(row["issue"])} for row in rows]

    def chosen_issue(name: str | None) -> str | None:
        """An issue the store has stances on (None: not given), else a 400 naming them."""
        if not name:
            return None
        names = [row["issue"] for row in issues_known()]
        if name not in names:
            known = ", ".join(names)
            raise HTTPException(400, f"issue: {name!r} is not an issue of this store's stances: {known}")
        return name

    def issues_endpoint(request: Request) -> Response:
        return _offset_page(issues_known(), request.query_params, api.LIST_LIMIT)

    def positions_endpoint(request: Request) -> Response:
        params = request.query_params
        view = api.choice(params, "view", VIEWS) or "current"
        where = PositionFilter(
            chosen_issue(params.get("issue")),
            params.get("actor") or None,
            api.period(params, "since"),
            api.period(params, "until"),
            api.choice(params, "by", ("entity", "code")) == "code",
            demanded_of=params.get("demanded_of") or None,
        )
        rows = kept(("positions", view, where), lambda connection: _positions(connection, where, view))
        return _offset_page(rows, params, POSITIONS_LIMIT)

    def issues_page(request: Request) -> Response:
        return render("issues.html", issues=issues_known())

    def issue_page(request: Request) -> Response:
        name = request.path_params["name"]
        issue = next((row for row in issues_known() if row["issue"] == name), None)
        if issue is None:
            raise HTTPException(404, "no stance on such an issue")
        actors = kept(("issue page", name), lambda connection: _issue_actors(connection, name))
        marks = [
            {"date": entry["date"], "actor": actor["actor"]["name"], "stance": entry["stance"]}
            for actor in actors
            for entry in actor["shown"]
            if entry["date"]
        ]
        title = f"Positions on {name} over time"
        chart = point_chart(marks, "date", "actor", "stance", STANCE_COLOURS, title)
        return render(
            "issue.html", issue=issue, actors=actors, chart=chart, colours=STANCE_COLOURS, limit=ISSUE_ACTORS
        )

    return [
        Route(f"{api.PREFIX}/issues", threaded(issues_endpoint), methods=["GET"]),
        Route(f"{api.PREFIX}/positions", threaded(positions_endpoint), methods=["GET"]),
        Route("/issues", threaded(issues_page), methods=["GET"]),
        Route("/issues/{name}", threaded(issue_page), methods=["GET"]),
    ]


def _offset_page(rows: list[dict[str, Any]], params: QueryParams, default: int) -> Response:
    """A page of ``rows`` (all of them worked out, and kept: the cursor is an offset, as the
    counts of ``speakers`` page)."""
    limit, start = api.page(params, default, api.ID_KEY)
    offset = start[0] if start else 0
    following = api.cursor((offset + limit,)) if len(rows) > offset + limit else None
    return api.FastJSONResponse({"rows": rows[offset : offset + limit], "next": following})


def entity_positions(connection: sqlite3.Connection, entity_id: int) -> list[dict[str, Any]]:
    """An entity's positions for its page: on each issue its current stance, its history (the
    latest ACTOR_STANCES of it to show) and its shifts."""
    rows = history(connection, PositionFilter(entity_id=entity_id), shifts_only=False)
    return [_shown(row) for row in rows]


def _positions(connection: sqlite3.Connection, where: PositionFilter, view: str) -> list[dict[str, Any]]:
    if view == "current":
        return positions(connection, where)
    return history(connection, where, shifts_only=view == "shifts")


def _issue_actors(connection: sqlite3.Connection, issue: str) -> list[dict[str, Any]]:
    """The ISSUE_ACTORS actors with the most stances on ``issue``, each with its history, the
    latest ACTOR_STANCES of it to show, and its shifts."""
    rows = []
    for actor in busiest_actors(connection, issue, ISSUE_ACTORS):
        # A speaker's words name no entity: its row is the one without one (an entity of
        # that name has rows of its own).
        rows += [
            row
            for row in history(connection, actor, shifts_only=False)
            if actor.entity_id is not None or row["actor"]["entity"] is None
        ]
    rows.sort(key=lambda row: (-len(row["history"]), str(row["actor"]["name"])))
    return [_shown(row) for row in rows]


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    return row | {"shown": row["history"][-ACTOR_STANCES:]}

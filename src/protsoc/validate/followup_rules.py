"""Validation rules of the follow-up records: indicators, action plans, evaluations, the roadmap.

Registered with ``rules.rule`` and run through ``rulebook``; each rule id is
stable (docs and tests use it) and each message names the fix.
"""

from __future__ import annotations

from typing import Any, Iterator

from protsoc.governance.evaluation import conflicts, programme_managing_bodies
from protsoc.kernel import dates
from protsoc.kernel.findings import Finding, Severity
from protsoc.kernel.i18n import _
from protsoc.registry.records import Record
from protsoc.validate.rules import Context, rule


def _error(
    record: Record,
    rule_id: str,
    message: str,
    path: tuple,
    hint: str,
    severity: Severity = Severity.ERROR,
) -> Finding:
    return Finding(rule_id, message, record.path, severity, json_path=path, hint=hint)


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _values(data: dict[str, Any]) -> Iterator[tuple[tuple, Any]]:
    """Every value of an indicator (observations, baseline, target) with its JSON path."""
    for index, observation in enumerate(_items(data.get("observations"))):
        if isinstance(observation, dict) and "value" in observation:
            yield ("observations", index, "value"), observation["value"]
    for key in ("baseline", "target"):
        part = data.get(key)
        if isinstance(part, dict) and "value" in part:
            yield (key, "value"), part["value"]


# --- indicators -------------------------------------------------------------------------------


@rule
def indicator_observation_dates(ctx: Context) -> Iterator[Finding]:
    """An observation is dated within the indicator's lifetime and not after today."""
    for record in ctx.indicators.values():
        data = record.data or {}
        start, end = dates.parse(data.get("valid_from")), dates.parse(data.get("valid_until"))
        previous = None
        for index, observation in enumerate(_items(data.get("observations"))):
            day = dates.parse(observation.get("date")) if isinstance(observation, dict) else None
            if day is None:
                continue
            path = ("observations", index, "date")
            if day > ctx.today:
                yield _error(
                    record,
                    "indicator-observation-future",
                    _("observation {number} is dated {date}, after today ({today})").format(
                        number=index + 1, date=day, today=ctx.today
                    ),
                    path,
                    _(
                        "an observation records a value already reached: re-record it on the "
                        "date the figure refers to (`protsoc remove observation {id} --date "
                        "{date}`, then `protsoc add observation {id}`); an expected value is a "
                        "target: `protsoc set indicator {id} --target VALUE --target-date DATE`"
                    ).format(id=record.id, date=day),
                )
            if start and day < start:
                yield _error(
                    record,
                    "indicator-observation-outside-lifetime",
                    _(
                        "observation {number} is dated {date}, before the indicator's "
                        "valid_from ({start})"
                    ).format(number=index + 1, date=day, start=start),
                    path,
                    _(
                        "re-record the value on its right date (`protsoc remove observation "
                        "{id} --date {date}`, then `protsoc add observation {id}`), or move the "
                        "indicator's start date back if the indicator existed then"
                    ).format(id=record.id, date=day),
                )
            if end and day > end:
                yield _error(
                    record,
                    "indicator-observation-outside-lifetime",
                    _(
                        "observation {number} is dated {date}, after the indicator's "
                        "valid_until ({end})"
                    ).format(number=index + 1, date=day, end=end),
                    path,
                    _(
                        "re-record the value on its right date, or under the indicator that "
                        "replaced this one (`protsoc remove observation {id} --date {date}`, then "
                        "`protsoc add observation INDICATOR`)"
                    ).format(id=record.id, date=day),
                )
            if previous and day < previous:
                yield _error(
                    record,
                    "indicator-observations-order",
                    _("observation {number} ({date}) comes after a later one ({later})").format(
                        number=index + 1, date=day, later=previous
                    ),
                    path,
                    _("list observations oldest first"),
                    Severity.WARNING,
                )
            previous = max(previous, day) if previous else day


@rule(per_file=True)
def indicator_values_fit_measure(ctx: Context) -> Iterator[Finding]:
    """Percentages lie between 0 and 100; counts are non-negative whole numbers."""
    for record in ctx.indicators.values():
        data = record.data or {}
        measure = data.get("measure")
        for path, value in _values(data):
            if not _number(value):
                continue  # the schema reports a value that is not a number
            if measure == "percentage" and not 0 <= value <= 100:
                yield _error(
                    record,
                    "indicator-percentage-range",
                    _("{value} is not a percentage between 0 and 100").format(value=value),
                    path,
                    _(
                        "write the percentage itself (12.5 for 12.5 %), or change the "
                        "indicator's measure if this is not a share"
                    ),
                )
            if measure == "count" and (value < 0 or not float(value).is_integer()):
                yield _error(
                    record,
                    "indicator-count-value",
                    _("{value} is not a count (a whole number, 0 or more)").format(value=value),
                    path,
                    _(
                        "write counts in units as whole numbers (11.1 million -> 11100000), or "
                        "change the indicator's measure to ratio or amount"
                    ),
                )


@rule(per_file=True)
def indicator_target_after_baseline(ctx: Context) -> Iterator[Finding]:
    for record in ctx.indicators.values():
        data = record.data or {}
        baseline, target = data.get("baseline"), data.get("target")
        if not (isinstance(baseline, dict) and isinstance(target, dict)):
            continue
        start, end = dates.parse(baseline.get("date")), dates.parse(target.get("date"))
        if start and end and end <= start:
            yield _error(
                record,
                "indicator-target-before-baseline",
                _("the target's date {target} is not after the baseline's date {baseline}").format(
                    target=end, baseline=start
                ),
                ("target", "date"),
                _(
                    "a target is reached after the baseline is measured: correct one of the two "
                    "dates with `protsoc set indicator {id} --target-date DATE` or "
                    "`--baseline-date DATE`"
                ).format(id=record.id),
            )


# --- action plans -----------------------------------------------------------------------------


@rule
def action_progress_matches_status(ctx: Context) -> Iterator[Finding]:
    """Progress 100 only when done, and done means 100 (in the record and in every update)."""
    for record in ctx.actions.values():
        data = record.data or {}
        entries: list[tuple[tuple, dict[str, Any]]] = [((), data)]
        entries += [
            (("updates", i), u)
            for i, u in enumerate(_items(data.get("updates")))
            if isinstance(u, dict)
        ]
        for path, entry in entries:
            status, progress = entry.get("status"), entry.get("progress")
            if not isinstance(progress, int) or status is None:
                continue
            if progress == 100 and status != "done":
                yield _error(
                    record,
                    "action-progress-not-done",
                    (
                        _("the action is at 100 % but its status is {status}")
                        if not path
                        else _("update {number} is at 100 % but its status is {status}")
                    ).format(status=status, number=path[1] + 1 if path else 0),
                    path + ("progress",),
                    _(
                        "if it is finished: `protsoc set action {id} --status done "
                        "--completed-on YYYY-MM-DD`; if not, lower its progress: `protsoc set "
                        "action {id} --progress N`"
                    ).format(id=record.id),
                )
            if status == "done" and progress != 100:
                yield _error(
                    record,
                    "action-done-not-complete",
                    (
                        _("the action is done but its progress is {progress} %")
                        if not path
                        else _("update {number} is done but its progress is {progress} %")
                    ).format(progress=progress, number=path[1] + 1 if path else 0),
                    path + ("progress",),
                    _(
                        "if it is finished: `protsoc set action {id} --progress 100`; if not, "
                        "keep it in progress: `protsoc set action {id} --status in-progress`"
                    ).format(id=record.id),
                )
        completed = dates.parse(data.get("completed_on"))
        if completed and data.get("status") != "done":
            yield _error(
                record,
                "action-completed-not-done",
                _("`completed_on` is set but the status is {status}").format(
                    status=data.get("status")
                ),
                ("completed_on",),
                _(
                    "if it is finished: `protsoc set action {id} --status done`; if not, remove "
                    "its completion date"
                ).format(id=record.id),
            )
        if completed and completed > ctx.today:
            yield _error(
                record,
                "action-completed-in-future",
                _("`completed_on` ({date}) is after today ({today})").format(
                    date=completed, today=ctx.today
                ),
                ("completed_on",),
                _(
                    "record the completion on the day it happens (`protsoc set action {id} "
                    "--completed-on YYYY-MM-DD`); the planned date is the action's due date"
                ).format(id=record.id),
            )


# --- evaluations ------------------------------------------------------------------------------


@rule
def evaluation_independence(ctx: Context) -> Iterator[Finding]:
    """The evaluator must not manage the evaluated programme (seed 001, ثالثا - II): neither a body
    of ``scope.managing_bodies`` nor one that the programme record (``programme:``) names."""
    programmes = ctx.registry.by_id("programme")
    for record in ctx.evaluations.values():
        data = record.data or {}
        programme = (
            programmes.get(data["programme"]) if isinstance(data.get("programme"), str) else None
        )
        for body in conflicts(
            data, programme_managing_bodies(programme.data if programme else None)
        ):
            evaluator = data.get("evaluator") or {}
            message = (
                _(
                    "the evaluator `{body}` manages the evaluated programme: the circular "
                    "requires evaluations independent of the managing bodies"
                )
                if evaluator.get("id") == body
                else _(
                    "the evaluator `{evaluator}` belongs to `{body}`, which manages the evaluated "
                    "programme: the circular requires evaluations independent of the managing "
                    "bodies"
                )
            )
            yield _error(
                record,
                "evaluation-independence",
                message.format(body=body, evaluator=evaluator.get("id")),
                ("evaluator", "id"),
                _(
                    "entrust the evaluation to a body that does not manage the programme (the "
                    "General Inspectorate of Finance, another ministry's inspectorate, or a "
                    "consultancy)"
                ),
            )


@rule
def evaluation_commissioned_by_steering(ctx: Context) -> Iterator[Finding]:
    """Evaluations are launched at the Steering Committee's initiative (seed 001, ثالثا - II)."""
    for record in ctx.evaluations.values():
        data = record.data or {}
        ref = data.get("commissioned_by")
        if not isinstance(ref, str) or ref not in ctx.decisions:
            continue  # a missing decision is reported by ref-decision
        committee = ref.split("/", 1)[0]
        kind = (
            (ctx.committees[committee].data or {}).get("kind")
            if committee in ctx.committees
            else None
        )
        if kind != "ministerial":
            yield _error(
                record,
                "evaluation-not-steering",
                _(
                    "`{decision}` is a decision of `{committee}`, not of the ministerial "
                    "Steering Committee"
                ).format(decision=ref, committee=committee),
                ("commissioned_by",),
                _("cite the Steering Committee decision that launched the evaluation"),
                Severity.WARNING,
            )


@rule
def evaluation_recommendation_decisions(ctx: Context) -> Iterator[Finding]:
    for record in ctx.evaluations.values():
        for index, recommendation in enumerate(_items((record.data or {}).get("recommendations"))):
            decision = recommendation.get("decision") if isinstance(recommendation, dict) else None
            if isinstance(decision, str) and decision not in ctx.decisions:
                yield _error(
                    record,
                    "ref-decision",
                    _("decision `{decision}` does not exist").format(decision=decision),
                    ("recommendations", index, "decision"),
                    _("give <meeting-id>/d<N> of the decision the recommendation became"),
                )


# --- roadmap ----------------------------------------------------------------------------------


@rule
def roadmap_references(ctx: Context) -> Iterator[Finding]:
    """Axis missions, and the axes that milestones, resources and evaluation scopes name, exist."""
    found = ctx.registry.of_kind("roadmap")
    axes = {a.get("id") for a in _items(ctx.roadmap.get("axes")) if isinstance(a, dict)}
    if found:
        record = found[0]
        data = record.data or {}
        for index, axis in enumerate(_items(data.get("axes"))):
            mission = axis.get("mission") if isinstance(axis, dict) else None
            if not isinstance(mission, str) or "#" not in mission:
                continue
            committee, mission_id = mission.split("#", 1)
            missions = (
                {
                    m.get("id")
                    for m in _items((ctx.committees[committee].data or {}).get("missions"))
                    if isinstance(m, dict)
                }
                if committee in ctx.committees
                else set()
            )
            if mission_id not in missions:
                yield _error(
                    record,
                    "ref-mission",
                    _("mission `{mission}` does not exist").format(mission=mission),
                    ("axes", index, "mission"),
                    _(
                        "give <committee-id>#<mission-id> of a mission listed in the committee's "
                        "file"
                    ),
                )
        for part in ("milestones", "resources"):
            for index, item in enumerate(_items(data.get(part))):
                axis_id = item.get("axis") if isinstance(item, dict) else None
                if isinstance(axis_id, str) and axis_id not in axes:
                    yield _error(
                        record,
                        "ref-axis",
                        _("roadmap axis `{axis}` does not exist").format(axis=axis_id),
                        (part, index, "axis"),
                        _("use the id of one of the roadmap's axes"),
                    )
    for record in ctx.evaluations.values():
        scope = (record.data or {}).get("scope")
        for index, axis_id in enumerate(
            _items(scope.get("axes")) if isinstance(scope, dict) else []
        ):
            if isinstance(axis_id, str) and axis_id not in axes:
                yield _error(
                    record,
                    "ref-axis",
                    _("roadmap axis `{axis}` does not exist").format(axis=axis_id),
                    ("scope", "axes", index),
                    _("use an axis id of the roadmap (`protsoc roadmap` lists them)"),
                )

"""JSON API of the rules context: dated parameters with their articles. Mounted at /api/rules/."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema, Status

from atazan.api_errors import ApiError, IsoDate, problem
from atazan.rules.domain.parameters import ParameterError, default_parameters
from atazan.rules.domain.parameters import format_value as _format
from atazan.rules.views_procedures import router as procedures_router

router = Router(tags=["rules"])


class DatedValueOut(Schema):
    start: dt.date
    value: str
    reference: str
    article: str
    constitution: str


class ParameterOut(Schema):
    name: str
    description: str
    type: str
    unit: str
    values: list[DatedValueOut]
    in_force: DatedValueOut | None


def _out(name: str, as_of: dt.date) -> ParameterOut:
    parameter = default_parameters().get(name)
    values = [
        DatedValueOut(
            start=d.start,
            value=_format(d.value, parameter.unit),
            reference=d.reference.text,
            article=d.reference.article,
            constitution=d.reference.constitution,
        )
        for d in parameter.values
    ]
    try:
        current = parameter.at(as_of)
        in_force = next(v for v, d in zip(values, parameter.values, strict=True) if d is current)
    except ParameterError:
        in_force = None
    return ParameterOut(
        name=parameter.name,
        description=parameter.description,
        type=parameter.type,
        unit=parameter.unit,
        values=values,
        in_force=in_force,
    )


@router.get("/parameters", response=list[ParameterOut], summary="Every dated parameter; in_force as of a date")
def parameters(request: HttpRequest, as_of: IsoDate | None = None) -> list[ParameterOut]:
    day = as_of or dt.date.today()
    return [_out(p.name, day) for p in default_parameters()]


@router.get("/parameters/{name}", response={200: ParameterOut, 404: ApiError}, summary="One parameter")
def parameter(request: HttpRequest, name: str, as_of: IsoDate | None = None) -> Status[ParameterOut | ApiError]:
    try:
        return Status(200, _out(name, as_of or dt.date.today()))
    except ParameterError as exc:
        return problem(404, "not_found", str(exc), field="path.name")


router.add_router("/procedures", procedures_router)

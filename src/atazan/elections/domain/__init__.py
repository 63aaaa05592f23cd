"""Kurultai elections as plain Python: seat allocation (Art. 97-1), candidates, mandates, calendar. No Django."""

from .allocation import (
    Admission,
    Allocation,
    AllocationInput,
    ListOutcome,
    Method,
    PartyList,
    Rule,
    allocate,
    allocation_input_check,
    allocation_input_from_mapping,
)
from .errors import ElectionsError
from .explain import Msg, Step, allocation_steps, decimal_text, msg, step_templates

__all__ = [
    "Admission",
    "Allocation",
    "AllocationInput",
    "ElectionsError",
    "ListOutcome",
    "Method",
    "Msg",
    "PartyList",
    "Rule",
    "Step",
    "allocate",
    "allocation_input_check",
    "allocation_input_from_mapping",
    "allocation_steps",
    "decimal_text",
    "msg",
    "step_templates",
]

"""Procedures of the 2026 Constitution (and Parliament's amendments under the 1995 one) as pure, dated rules.

``catalogue`` describes each procedure as a timeline of steps for the pages and the API; the other modules judge
facts (dates, counts, who acted) and return an ``Outcome`` with milestones, findings and the articles they rest on.
"""

"""The referendum's rules and maths as plain Python: units, protocols, tally, adoption rule, forensics, signatures.

Nothing here imports Django; the adapters in `atazan.referendum` store and show what this package computes.
"""

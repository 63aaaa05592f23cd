"""Pure analysis of citizen proposals: IIN checks, normalisation, duplicates, articles, themes.

Nothing here imports Django; the adapter in ``atazan.consultation`` stores what these functions compute.
"""

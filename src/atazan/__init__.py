"""atazan — Ata Zan (Ата Заң, "the Constitution"): software for Kazakhstan's 2026 constitutional system."""

__version__ = "0.1.0"

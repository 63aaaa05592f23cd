"""The life of a bill as plain Python: stages, transitions refused with the rule they break, votes. No Django."""

"""The Constitution as code: dated parameters and checks that name their article. Pure Python."""

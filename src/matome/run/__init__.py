"""Executors: they decide where stages run, never what the stages do."""

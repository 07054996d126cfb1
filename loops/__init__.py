"""mockloop's domain: principles, question bank, loop planning, sessions.

Nothing here imports textual or rich: the loop runs, saves and loads
without the UI, so the CLI and the tests can use it directly.
"""

"""Smart Cities Südwestfalen community bot.

The answering core (knowledge loading, matching, answers, timeline) lives in plain
modules that never import ``discord``; the Discord layer in ``bot.discord`` only wraps it.
"""

__version__ = "0.1.0"

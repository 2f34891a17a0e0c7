"""The thin Discord layer: turns messages and interactions into calls on ``bot.core`` and
renders the results. Nothing outside this package imports ``discord``."""

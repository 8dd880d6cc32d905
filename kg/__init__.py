"""kg: knowledge graphs of diplomatic events from Indonesian news."""

__version__ = "0.1.0"

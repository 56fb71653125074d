"""hankkeet: Finnish municipal development projects (hankkeet) as exact, typed records."""

from __future__ import annotations

__version__ = "0.1.0"

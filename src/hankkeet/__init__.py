"""hankkeet: Finnish municipal development projects (hankkeet) as exact, typed records."""

from __future__ import annotations

__version__ = "0.1.0"
# Where the project lives (pyproject's [project.urls] Homepage; SARIF's informationUri; the
# GitHub Actions example installs from it). A test keeps the three in step.
HOMEPAGE = "https://github.com/hankkeet/hankkeet"

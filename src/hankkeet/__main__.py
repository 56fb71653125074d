"""`python -m hankkeet`: the same as the `hankkeet` command."""

from __future__ import annotations

from hankkeet.cli import main

if __name__ == "__main__":
    main()

"""``python -m plan_parser`` is the same program as ``plan-parser``."""
import sys

from .cli import main

sys.exit(main())

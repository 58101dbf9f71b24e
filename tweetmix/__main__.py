"""``python -m tweetmix`` is the ``tweetmix`` command."""
import sys

from .cli import main

sys.exit(main())

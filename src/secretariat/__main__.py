"""``python -m secretariat`` does what the ``secretariat`` console script does."""

from secretariat.cli import main

main()

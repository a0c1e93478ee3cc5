"""Secretariat: the statutory bodies of an intergovernmental organization, as software."""

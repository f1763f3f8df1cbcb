"""kg's version: in the build manifest, the dataset description and ``kg --version``."""

__version__ = "0.2.0"

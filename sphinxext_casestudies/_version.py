"""The package version: one home, read by the build backend and by every setup() that reports it."""

__version__ = "0.1.0"

"""Shim for scrapyd-deploy, which builds eggs with setup.py; metadata lives in pyproject.toml."""

from setuptools import setup

setup()

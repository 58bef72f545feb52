"""Scheduled maintenance notices."""

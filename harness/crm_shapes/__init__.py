"""Converters writing the demo CRM the way a CRM connector lands it."""

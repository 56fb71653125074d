"""Text to records: every step from raw bytes to typed projects; never raises on data."""

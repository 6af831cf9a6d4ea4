"""A deterministic mock of an IANS-syndicating diaspora portal, for offline tests (127.0.0.1)."""

"""codes stage."""

"""Learned components that work beside the dictionary coder, and the data split they share."""

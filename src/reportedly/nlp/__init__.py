"""Loading the spaCy pipeline and feeding it documents in bounded pieces."""

"""The Japanese language layer: normalisation and dates (sentences, entities and statements come later)."""

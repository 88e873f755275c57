"""The Japanese language layer: normalisation, tokens, sentences, dates, entities, statements and checks."""

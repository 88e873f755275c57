"""The local web app (`matome serve`): the store browsed, searched and read as digests."""

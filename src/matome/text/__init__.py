"""Text utilities every stage shares: Unicode normalisation and dates as Japanese pages write them."""
